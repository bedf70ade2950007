from django.urls import path

from citypeers.feedback.views import lessons, proposals

app_name = "feedback"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
urlpatterns = [
    path(visit + "lessons/", lessons.lessons, name="lessons"),
    path(visit + "methodology-test/", lessons.methodology_test, name="methodology_test"),
    path("methodology/proposals/", proposals.proposal_list, name="proposals"),
    path("methodology/proposals/new/", proposals.proposal_new, name="proposal_new"),
    path("methodology/proposals/<int:pk>/", proposals.proposal_detail, name="proposal"),
]
