from django.urls import path

from citypeers.calls import (
    applications_views,
    manage_views,
    outcome_views,
    review_views,
    selection_views,
    views,
)

app_name = "calls"
urlpatterns = [
    path("calls/", views.call_list, name="list"),
    path("calls/new/", manage_views.call_create, name="create"),
    path("calls/<slug:slug>/", views.call_detail, name="detail"),
    path("calls/<slug:slug>/edit/", manage_views.call_edit, name="edit"),
    path("calls/<slug:slug>/questions/", manage_views.questions, name="questions"),
    path("calls/<slug:slug>/preview/", manage_views.preview, name="preview"),
    path("calls/<slug:slug>/copy/", manage_views.copy, name="copy"),
    path("calls/<slug:slug>/applications/", applications_views.applications, name="applications"),
    path(
        "calls/<slug:slug>/applications/<int:pk>/eligibility/",
        applications_views.eligibility,
        name="eligibility",
    ),
    path(
        "calls/<slug:slug>/applications/<int:pk>/host/",
        applications_views.host_select,
        name="host_select",
    ),
    path("calls/<slug:slug>/review/", review_views.review_home, name="review"),
    path("calls/<slug:slug>/selection/", selection_views.selection_page, name="selection"),
    path("calls/<slug:slug>/selection/run/", selection_views.selection_run, name="selection_run"),
    path(
        "calls/<slug:slug>/selection/decisions/",
        selection_views.selection_override,
        name="selection_override",
    ),
    path("calls/<slug:slug>/review/rubric/", review_views.rubric, name="rubric"),
    path("calls/<slug:slug>/review/assign/", review_views.assign, name="assign"),
    path("calls/<slug:slug>/review/<int:pk>/", review_views.score, name="score"),
    path("calls/<slug:slug>/review/<int:pk>/conflict/", review_views.conflict, name="conflict"),
    path("calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("calls/<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
    path("calls/<slug:slug>/respond/", views.respond, name="respond"),
    path(
        "calls/<slug:slug>/selection/publish/",
        outcome_views.selection_publish,
        name="selection_publish",
    ),
    path(
        "calls/<slug:slug>/selection/messages/",
        outcome_views.selection_messages,
        name="selection_messages",
    ),
    path("me/applications/", views.my_applications, name="mine"),
]
