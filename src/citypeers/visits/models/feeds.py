"""Calendars that update: a person's private subscription address, and the changes of a
published agenda waiting to be mailed to the visit's people."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit
from citypeers.visits.models.agenda import AgendaSession


def new_token() -> str:
    """43 URL-safe characters (256 bits): the address is the only key to the feed."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's subscription address (`/calendar/<token>.ics`): one active at a time; a new
    one revokes the old, and a revoked one answers 404 for ever."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="calendar_feed_one_active_per_user",
            )
        ]
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class AgendaChange(models.Model):
    """What a calendar had to see change in one session (`calendar_changes`), as it was shown
    before and after; `notified_at` is set once the visit's people were mailed about it."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="agenda_changes")
    session = models.ForeignKey(AgendaSession, on_delete=models.CASCADE, related_name="changes")
    fields = models.JSONField(_("changed fields"), default=list)
    before = models.JSONField(_("before"), default=dict)  # starts/ends as ISO instants, summary
    after = models.JSONField(_("after"), default=dict)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["visit", "created_at", "pk"]
        verbose_name = _("agenda change")
        verbose_name_plural = _("agenda changes")

    def __str__(self) -> str:
        return f"{self.session}: {', '.join(self.fields)}"
