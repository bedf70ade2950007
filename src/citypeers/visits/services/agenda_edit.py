"""The team edits a visit's agenda: sessions added, changed and deleted, and every day's sessions
moved to a new daily start (kept at the same local time across a daylight-saving change)."""

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.methodology.models import ActivityFormat
from citypeers.programmes.models import Visit
from citypeers.visits.models import AgendaSession, VisitPlan
from citypeers.visits.selectors.agenda import agenda_sessions, visit_zone
from citypeers.visits.selectors.workspace import team_of
from citypeers.visits.services.agenda_changes import session_cancel, session_change

# What a session says beside its time and format; all optional.
DETAILS = ("title", "objective", "speakers", "facilitator", "place")


def _check(*, visit: Visit, minutes: int, format: ActivityFormat, facilitator) -> None:
    """The format's card sets the session's length; the facilitator is one of the team."""
    if not format.min_minutes <= minutes <= format.max_minutes:
        raise VisitError(
            _("%(format)s runs %(low)s to %(high)s minutes; %(minutes)s is outside that.")
            % {
                "format": format.name,
                "low": format.min_minutes,
                "high": format.max_minutes,
                "minutes": minutes,
            },
            field="minutes",
        )
    if facilitator is not None and facilitator not in team_of(visit):
        raise VisitError(_("Choose a facilitator from the visit's team."), field="facilitator")


def session_add(
    *,
    visit: Visit,
    by,
    day: int,
    starts_at: datetime.datetime,
    minutes: int,
    format: ActivityFormat,
    groups: int = 1,
    **details,
) -> AgendaSession:
    """A session on day `day` of the visit's agenda (`details`: title, objective, speakers,
    facilitator, place; its resources: services.resources)."""
    _check(visit=visit, minutes=minutes, format=format, facilitator=details.get("facilitator"))
    session = AgendaSession.objects.create(
        visit=visit,
        day=day,
        starts_at=starts_at,
        minutes=minutes,
        format=format,
        groups=groups,
        **{name: value for name, value in details.items() if name in DETAILS},
    )
    changes = {"day": day, "starts_at": starts_at.isoformat(), "format": format.slug}
    log_action(session, "agenda.session_added", by=by, changes=changes)
    return session


def session_update(*, session: AgendaSession, by, **fields) -> AgendaSession:
    """Changes the session's start, length, format, groups or details; the format's minutes
    are checked against the new length."""
    allowed = {"starts_at", "minutes", "format", "groups", *DETAILS}
    fields = {name: value for name, value in fields.items() if name in allowed}
    _check(
        visit=session.visit,
        minutes=fields.get("minutes", session.minutes),
        format=fields.get("format", session.format),
        facilitator=fields.get("facilitator", session.facilitator),
    )
    changed = {name: value for name, value in fields.items() if getattr(session, name) != value}
    if changed:
        # Through the calendar service: SEQUENCE raised and people told when they must see it.
        session_change(session=session, by=by, **changed)
    return session


def session_delete(*, session: AgendaSession, by) -> str:
    """Deletes a session of an agenda nobody outside the team has seen; once published, people
    may have put it in their calendars, so it is cancelled instead (they see STATUS:CANCELLED
    and are told). Returns "deleted" or "cancelled"."""
    if VisitPlan.objects.filter(visit_id=session.visit_id, agenda_published=True).exists():
        session_cancel(session=session, by=by)
        return "cancelled"
    log_action(
        session.visit,
        "agenda.session_deleted",
        by=by,
        changes={"session": str(session), "title": session.shown_title},
    )
    session.delete()
    return "deleted"


def agenda_shift_daily_start(*, visit: Visit, by, time: datetime.time) -> int:
    """Moves every day's sessions so the day's first starts at `time` in the visit's zone, each
    session keeping its length and its distance from the first, in local time (a day after a
    daylight-saving change keeps its local hours). Returns how many sessions moved."""
    zone = ZoneInfo(visit_zone(visit))
    by_day: dict[int, list[AgendaSession]] = {}
    for session in agenda_sessions(visit):
        by_day.setdefault(session.day, []).append(session)
    moved = []
    for sessions in by_day.values():
        first = sessions[0].starts_at.astimezone(zone)
        target = datetime.datetime.combine(first.date(), time)
        shift = target - first.replace(tzinfo=None)
        for session in sessions:
            local = session.starts_at.astimezone(zone).replace(tzinfo=None) + shift
            starts_at = local.replace(tzinfo=zone).astimezone(datetime.UTC)
            if starts_at != session.starts_at:
                moved.append((session, starts_at))
    with transaction.atomic():
        for session, starts_at in moved:
            session_change(session=session, by=by, starts_at=starts_at)
        log_action(
            visit,
            "agenda.daily_start_changed",
            by=by,
            changes={"starts": time.strftime("%H:%M"), "sessions": len(moved)},
        )
    return len(moved)
