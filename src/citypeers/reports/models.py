"""A visit's analytical report, every version of its text, and the host's comments on it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.core.languages import offered_languages
from citypeers.programmes.models import Visit
from citypeers.reports.enums import ReportStatus


class Report(models.Model):
    visit = models.OneToOneField(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="report"
    )
    language = models.CharField(_("language"), max_length=10, choices=offered_languages)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReportStatus.PUBLISHED, published_at__isnull=False)
                | ~Q(status=ReportStatus.PUBLISHED),
                name="report_published_has_a_date",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ReportVersion(models.Model):
    """The report's text as one save left it: {section key: markdown}. Never changed."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    sections = models.JSONField(_("sections"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


class ReportComment(models.Model):
    """A comment on one section of one version, by the host in the factual check (or a writer)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(
        ReportVersion, on_delete=models.CASCADE, related_name="comments", verbose_name=_("version")
    )
    section_key = models.CharField(_("section"), max_length=32)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report comment")
        verbose_name_plural = _("report comments")
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:80]
