"""Changing a session so that calendars follow: SEQUENCE raised when a calendar must show the
session again, removed sessions of a published agenda cancelled (not deleted), and the visit's
people mailed what changed, once per batch.

For the agenda editor (and any other writer of sessions):

    session_change(session=s, by=user, starts_at=..., minutes=90)  # any fields of the session
    session_cancel(session=s, by=user)                             # instead of deleting it

Both return the calendar fields that changed (`texts.calendar.CALENDAR_FIELDS`), empty when a
calendar sees no difference. A change a calendar must see, to a visit whose agenda is published,
is kept as an `AgendaChange`; once the transaction commits a task mails every pending change of
the visit in one message per person, so several changes saved together make one mail.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from citypeers.core.audit import log_action
from citypeers.visits.models import AgendaChange, AgendaSession
from citypeers.visits.selectors.feeds import session_snapshot
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.texts.calendar import CalendarSession, calendar_changes

# Kept by these services themselves, never passed in.
_OWN_FIELDS = {"id", "visit", "sequence", "cancelled_at", "updated_at"}


def changeable_fields() -> set[str]:
    """The names `session_change` accepts: every field of a session but its identity, its visit
    and what calendars need (a foreign key by name or by `<name>_id`)."""
    fields = [f for f in AgendaSession._meta.concrete_fields if f.name not in _OWN_FIELDS]
    return {f.name for f in fields} | {f.attname for f in fields}


def session_change(*, session: AgendaSession, by, **fields) -> tuple[str, ...]:
    """Saves `fields` on the session; raises its SEQUENCE only when a calendar must show the
    change, and records what changed. Raises TypeError for a field it does not accept."""
    if unknown := set(fields) - changeable_fields():
        raise TypeError(f"session_change() cannot set {', '.join(sorted(unknown))}")
    with transaction.atomic():
        _lock(session)
        before = session_snapshot(session)
        old = {name: getattr(session, name) for name in fields}
        for name, value in fields.items():
            setattr(session, name, value)
        changed = {name: value for name, value in fields.items() if old[name] != value}
        if not changed:
            return ()
        shown = calendar_changes(before, session_snapshot(session))
        if shown:
            session.sequence += 1
        session.save()
        log_action(
            session,
            "session.changed",
            by=by,
            changes={name: f"{old[name]} → {value}" for name, value in changed.items()},
        )
        _record(session, before=before, shown=shown, by=by)
    return shown


def session_cancel(
    *, session: AgendaSession, by, now: datetime.datetime | None = None
) -> tuple[str, ...]:
    """Cancels the session (calendars show STATUS:CANCELLED; it stays in the agenda's record);
    a session cancelled already is left as it is."""
    with transaction.atomic():
        _lock(session)
        if session.cancelled_at is not None:
            return ()
        before = session_snapshot(session)
        session.cancelled_at = now or timezone.now()
        session.sequence += 1
        session.save()
        log_action(session, "session.cancelled", by=by, changes={})
        shown = calendar_changes(before, session_snapshot(session))
        _record(session, before=before, shown=shown, by=by)
    return shown


def agenda_changes_notified(*, changes: list[AgendaChange], now: datetime.datetime) -> None:
    AgendaChange.objects.filter(pk__in=[change.pk for change in changes]).update(notified_at=now)


def _lock(session: AgendaSession) -> None:
    """Takes the session's row and reloads it, so two changes at once each raise SEQUENCE."""
    AgendaSession.objects.select_for_update().filter(pk=session.pk).first()
    session.refresh_from_db()


def _record(session: AgendaSession, *, before: CalendarSession, shown: tuple, by) -> None:
    """Keeps a change a calendar must see of a published agenda, and mails it after commit."""
    plan = plan_of(session.visit)
    if not shown or plan is None or not plan.agenda_published:
        return
    after = session_snapshot(session)
    AgendaChange.objects.create(
        visit=session.visit,
        session=session,
        fields=list(shown),
        before=_shown(before),
        after=_shown(after),
        by=by if by is not None and by.is_authenticated else None,
    )
    from citypeers.visits.tasks import notify_agenda_changes  # tasks import services

    visit_id = session.visit_id
    transaction.on_commit(lambda: notify_agenda_changes.enqueue(visit_id=visit_id))


def _shown(snapshot: CalendarSession) -> dict:
    return {
        "summary": snapshot.summary,
        "starts": snapshot.starts.isoformat(),
        "ends": snapshot.ends.isoformat(),
        "cancelled": snapshot.cancelled,
    }
