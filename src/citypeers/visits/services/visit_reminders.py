"""Reminders before a visit: recorded as sent, and queued by the daily command."""

import datetime

from citypeers.programmes.models import Visit
from citypeers.visits.models import VisitReminder


def visit_reminder_sent(
    *, visit: Visit, person, days_before: int, now: datetime.datetime
) -> VisitReminder:
    """Records that `person` was mailed the reminder `days_before` the visit (never again)."""
    return VisitReminder.objects.create(
        visit=visit, person=person, days_before=days_before, sent_at=now
    )


def visit_reminders_queue() -> str:
    """Queues today's reminders of visits starting in a week or a day; returns the task's id."""
    from citypeers.visits.tasks import send_visit_reminders  # tasks import services

    return send_visit_reminders.enqueue().id
