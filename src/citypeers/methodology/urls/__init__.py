"""The methodology's pages (namespace `methodology`); the planner's are in `planner.py`."""

from django.urls import path

from citypeers.methodology.views import formats, guide, templates, worksheets

app_name = "methodology"
urlpatterns = [
    path("methodology/", guide.guide, name="guide"),
    path("methodology/guide.pdf", guide.guide_pdf, name="guide_pdf"),
    path("methodology/formats/", formats.format_list, name="formats"),
    path("methodology/formats/new/", formats.format_create, name="format_create"),
    path("methodology/formats/<slug:slug>/", formats.format_detail, name="format"),
    path("methodology/formats/<slug:slug>/edit/", formats.format_edit, name="format_edit"),
    path("methodology/worksheets/", worksheets.worksheet_list, name="worksheets"),
    path(
        "methodology/worksheets/<slug:slug>.<slug:extension>",
        worksheets.worksheet_download,
        name="worksheet",
    ),
    path("methodology/templates/<slug:slug>/", templates.template_detail, name="template"),
    path("methodology/templates/<slug:slug>/edit/", templates.template_edit, name="template_edit"),
    path(
        "methodology/templates/<slug:slug>/versions/<int:number>/",
        templates.template_version,
        name="template_version",
    ),
    path(
        "methodology/templates/<slug:slug>/changes/",
        templates.template_changes,
        name="template_changes",
    ),
]
