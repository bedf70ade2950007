"""Who attended each session of a visit, and the reminders sent before it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit
from citypeers.visits.enums import AttendanceStatus
from citypeers.visits.models.agenda import AgendaSession


class Attendance(models.Model):
    """A person's attendance of one session: checked in by themselves through the session's
    link, or marked by the visit's team (a later mark replaces the earlier one)."""

    session = models.ForeignKey(
        AgendaSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    status = models.CharField(_("attendance"), max_length=16, choices=AttendanceStatus.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("marked at"))
    self_checked = models.BooleanField(_("checked in by themselves"), default=False)

    class Meta:
        ordering = ["session", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="attendance_one_per_session_and_person"
            )
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.person} @ {self.session}: {self.status}"


class VisitReminder(models.Model):
    """A reminder mailed to a person `days_before` the visit's first day: kept so that each
    goes out once, whatever runs the daily command twice or retries."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit_reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        ordering = ["visit", "days_before", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "person", "days_before"], name="visit_reminder_once_each"
            )
        ]
        verbose_name = _("visit reminder")
        verbose_name_plural = _("visit reminders")

    def __str__(self) -> str:
        return f"{self.person} → {self.visit} ({self.days_before} days before)"
