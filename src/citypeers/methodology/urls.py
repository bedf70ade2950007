from django.urls import path

from citypeers.methodology import views

app_name = "methodology"
urlpatterns = [
    path("methodology/", views.guide, name="guide"),
    path("methodology/guide.pdf", views.guide_pdf, name="guide_pdf"),
    path("methodology/formats/", views.format_list, name="formats"),
    path("methodology/formats/new/", views.format_create, name="format_create"),
    path("methodology/formats/<slug:slug>/", views.format_detail, name="format"),
    path("methodology/formats/<slug:slug>/edit/", views.format_edit, name="format_edit"),
    path("methodology/templates/<slug:slug>/", views.template_detail, name="template"),
    path("methodology/templates/<slug:slug>/edit/", views.template_edit, name="template_edit"),
    path(
        "methodology/templates/<slug:slug>/versions/<int:number>/",
        views.template_version,
        name="template_version",
    ),
    path(
        "methodology/templates/<slug:slug>/changes/",
        views.template_changes,
        name="template_changes",
    ),
]
