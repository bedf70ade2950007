from django.urls import path

from citypeers.newsletter.views import bounces, coordinators, public

app_name = "newsletter"
mine = "programmes/<slug:programme>/newsletter/"
issue = mine + "issues/<int:pk>/"
urlpatterns = [
    path("newsletter/", public.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:key>/", public.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("newsletter/preferences/<str:token>/", public.preferences, name="preferences"),
    path("newsletter/bounces/", bounces.bounce, name="bounce"),
    path(mine, coordinators.newsletter_home, name="programme"),
    path(mine + "issues/new/", coordinators.issue_new, name="issue_new"),
    path(issue + "edit/", coordinators.issue_edit, name="issue_edit"),
    path(issue + "preview/", coordinators.issue_preview_page, name="issue_preview"),
    path(issue + "send/", coordinators.issue_send_page, name="issue_send"),
    path(issue + "log/", coordinators.issue_log, name="issue_log"),
]
