"""A person's calendar subscription: a new secret address (the old one stops working) or none."""

import datetime

from django.db import transaction
from django.utils import timezone

from citypeers.core.audit import log_action
from citypeers.people.models import User
from citypeers.visits.models import CalendarFeed


def calendar_feed_renew(*, user, now: datetime.datetime | None = None) -> CalendarFeed:
    """A new subscription address for the person; their current one, if any, is revoked."""
    with transaction.atomic():
        _revoke(user, now=now or timezone.now())
        feed = CalendarFeed.objects.create(user=user)
        log_action(feed, "calendar_feed.created", by=user, changes={})
    return feed


def calendar_feed_stop(*, user, now: datetime.datetime | None = None) -> bool:
    """Revokes the person's subscription address; False when they had none."""
    with transaction.atomic():
        revoked = _revoke(user, now=now or timezone.now())
        for feed in revoked:
            log_action(feed, "calendar_feed.revoked", by=user, changes={})
    return bool(revoked)


def _revoke(user, *, now: datetime.datetime) -> list[CalendarFeed]:
    # The person's row, locked, orders two clicks at once: the second sees the first's feed.
    User.objects.select_for_update().filter(pk=user.pk).first()
    active = list(CalendarFeed.objects.filter(user=user, revoked_at=None))
    CalendarFeed.objects.filter(pk__in=[feed.pk for feed in active]).update(revoked_at=now)
    return active
