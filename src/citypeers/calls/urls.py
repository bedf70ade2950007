from django.urls import path

from citypeers.calls.views import (
    applications,
    applying,
    decisions,
    files,
    manage,
    review,
    selection,
)

app_name = "calls"
urlpatterns = [
    path("calls/", applying.call_list, name="list"),
    path("calls/new/", manage.call_create, name="create"),
    path("calls/<slug:slug>/", applying.call_detail, name="detail"),
    path("calls/<slug:slug>/edit/", manage.call_edit, name="edit"),
    path("calls/<slug:slug>/questions/", manage.questions, name="questions"),
    path("calls/<slug:slug>/preview/", manage.preview, name="preview"),
    path("calls/<slug:slug>/copy/", manage.copy, name="copy"),
    path("calls/<slug:slug>/open/", manage.publish, name="publish"),
    path("calls/<slug:slug>/applications/", applications.applications, name="applications"),
    path(
        "calls/<slug:slug>/applications/<int:pk>/",
        applications.application_detail,
        name="application",
    ),
    path(
        "calls/<slug:slug>/applications/<int:pk>/eligibility/",
        applications.eligibility,
        name="eligibility",
    ),
    path(
        "calls/<slug:slug>/applications/<int:pk>/host/",
        applications.host_select,
        name="host_select",
    ),
    path(
        "calls/<slug:slug>/applications/<int:pk>/files/<int:file>/",
        files.application_file,
        name="file",
    ),
    path("calls/<slug:slug>/review/", review.review_home, name="review"),
    path("calls/<slug:slug>/selection/", selection.selection_page, name="selection"),
    path("calls/<slug:slug>/selection/run/", selection.selection_run, name="selection_run"),
    path(
        "calls/<slug:slug>/selection/decisions/",
        selection.selection_override,
        name="selection_override",
    ),
    path("calls/<slug:slug>/review/rubric/", review.rubric, name="rubric"),
    path("calls/<slug:slug>/review/assign/", review.assign, name="assign"),
    path("calls/<slug:slug>/review/<int:pk>/", review.score, name="score"),
    path("calls/<slug:slug>/review/<int:pk>/conflict/", review.conflict, name="conflict"),
    path("calls/<slug:slug>/apply/", applying.apply, name="apply"),
    path("calls/<slug:slug>/withdraw/", applying.withdraw, name="withdraw"),
    path("calls/<slug:slug>/respond/", applying.respond, name="respond"),
    path(
        "calls/<slug:slug>/selection/publish/",
        decisions.selection_publish,
        name="selection_publish",
    ),
    path(
        "calls/<slug:slug>/selection/messages/",
        decisions.selection_messages,
        name="selection_messages",
    ),
    path("me/applications/", applying.my_applications, name="mine"),
]
