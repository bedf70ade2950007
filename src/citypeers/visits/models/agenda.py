"""A visit's agenda: its sessions, stored in UTC and shown in the visit's zone."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.models import ActivityFormat
from citypeers.programmes.models import Visit


class AgendaSession(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="sessions")
    day = models.PositiveSmallIntegerField(_("day"))
    starts_at = models.DateTimeField(_("starts"))  # UTC, shown in the visit's zone
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    groups = models.PositiveSmallIntegerField(_("parallel groups"), default=1)
    # What calendars need (visits.services.agenda_changes): SEQUENCE, raised when a calendar must
    # show the session again; a session removed from a published agenda is cancelled, not
    # deleted, so subscribed calendars see STATUS:CANCELLED instead of keeping it.
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["visit", "starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.format} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.minutes)
