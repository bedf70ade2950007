from django.urls import path

from citypeers.feedback.views import plans

app_name = "feedback"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
urlpatterns = [
    path(visit + "action-plan/", plans.plan_write, name="plan"),
    path(visit + "action-plan/follow-up/", plans.plan_follow_up_page, name="plan_follow_up"),
    path(visit + "action-plans/", plans.plan_list, name="plan_list"),
    path(visit + "action-plans/<int:pk>/", plans.plan_read, name="plan_read"),
]
