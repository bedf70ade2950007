"""What a visit teaches the methodology: the team's lesson per format it used, and the changes
coordinators propose from those lessons.

A lesson is team text shown on the format's public page (once its visit's agenda is public):
it is the methodology's evidence, and the form says so. A proposal names the lessons that
motivated it; the visits behind it follow from them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.models import ActivityFormat
from citypeers.programmes.models import Visit


class FormatLesson(models.Model):
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="format_lessons"
    )
    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    worked = models.TextField(_("what worked"), blank=True)
    did_not_work = models.TextField(_("what did not work"), blank=True)
    would_change = models.TextField(_("what we would change"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["visit", "format__position", "format__slug"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "format"], name="lesson_one_per_visit_format")
        ]
        verbose_name = _("format lesson")
        verbose_name_plural = _("format lessons")

    def __str__(self) -> str:
        return f"{self.visit} · {self.format}"


class MethodologyProposal(models.Model):
    """A change to a format, proposed from visits' lessons; adopted once the format is edited."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ADOPTED = "adopted", _("Adopted")
        DECLINED = "declined", _("Declined")

    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    rationale = models.TextField(_("why"))
    change = models.TextField(_("the proposed change"))
    lessons = models.ManyToManyField(
        FormatLesson, verbose_name=_("lessons"), related_name="proposals"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Adopted: what was changed in the format; declined: why not.
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("methodology proposal")
        verbose_name_plural = _("methodology proposals")

    def __str__(self) -> str:
        return self.title
