from django.urls import path

from citypeers.reports.views import comments, pages, versions

app_name = "reports"
report = "programmes/<slug:programme>/visits/<slug:visit>/report"
urlpatterns = [
    path(report + "/", pages.report_page, name="report"),
    path(report + "/start/", pages.report_start, name="start"),
    path(report + "/step/", pages.report_step, name="step"),
    path(report + "/edit/", versions.report_edit, name="edit"),
    path(report + "/versions/", versions.report_versions, name="versions"),
    path(report + "/versions/<int:a>/diff/<int:b>/", versions.report_diff, name="diff"),
    path(report + "/comments/", comments.report_comments, name="comments"),
    path(
        report + "/comments/<int:pk>/resolve/",
        comments.report_comment_resolved,
        name="comment_resolve",
    ),
    path(report + ".pdf", pages.report_pdf_download, name="pdf"),
]
