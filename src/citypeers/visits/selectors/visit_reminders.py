"""Which visits are reminded today, to whom, and with which sessions.

A week and a day before a visit's first day (`enums.REMINDER_DAYS_BEFORE`), each of the visit's
people (`feeds.visit_people`) is mailed once. A day the daily command did not run is caught up:
a visit starting in five days whose week reminder never went out gets it then; a visit starting
tomorrow gets only the day's reminder, never both at once."""

import datetime

from citypeers.programmes.models import Visit
from citypeers.visits.enums import REMINDER_DAYS_BEFORE
from citypeers.visits.models import AgendaSession, VisitReminder
from citypeers.visits.selectors.feeds import sessions_for_visit, visit_people


def reminder_due(*, starts_on: datetime.date, today: datetime.date) -> int | None:
    """The reminder (days before) due on `today` for a visit starting on `starts_on`, if any."""
    days_left = (starts_on - today).days
    due = [days for days in REMINDER_DAYS_BEFORE if 0 < days_left <= days]
    return min(due) if due else None


def visits_to_remind(today: datetime.date) -> list[tuple[Visit, int]]:
    """Each visit with a reminder due today, and which (days before)."""
    horizon = today + datetime.timedelta(days=max(REMINDER_DAYS_BEFORE))
    visits = Visit.objects.filter(starts_on__gt=today, starts_on__lte=horizon).select_related(
        "programme"
    )
    return [
        (visit, days)
        for visit in visits.order_by("starts_on", "pk")
        if (days := reminder_due(starts_on=visit.starts_on, today=today)) is not None
    ]


def people_to_remind(visit: Visit, days_before: int) -> list:
    """The visit's people not yet sent this reminder."""
    sent = set(
        VisitReminder.objects.filter(visit=visit, days_before=days_before).values_list(
            "person_id", flat=True
        )
    )
    return [person for person in visit_people(visit) if person.pk not in sent]


def reminder_sessions(visit: Visit) -> list[AgendaSession]:
    """The sessions a reminder lists and attaches: the published agenda, less cancelled ones."""
    return [session for session in sessions_for_visit(visit) if session.cancelled_at is None]
