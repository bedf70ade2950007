"""Calendars that update: the sessions a person's subscription holds, a visit's own `.ics`, the
calendar snapshot of a session (what `calendar_changes` compares) and whom a changed agenda is
mailed to.

A feed holds every session of every visit the person has a role in (`visits_with_a_role`:
team, coordinated programmes, a place given by the calls) whose agenda is published, cancelled
ones too (STATUS:CANCELLED), so a subscribed calendar drops what it had. Rooms: the person's
own subscription gets each session's room link in LOCATION and URL when they may join it
(`selectors.rooms.calendar_rooms`, passed as `rooms`), and their breakout group per round
with its room at the end of the description (`selectors.breakouts.my_breakout_notes`, passed
as `notes`); the public per-visit `.ics` never does.
"""

import datetime
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from citypeers.core.registry import Sources
from citypeers.people.models import User
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.models import AgendaChange, AgendaSession, CalendarFeed
from citypeers.visits.selectors.mine import visits_placed, visits_with_a_role
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.texts.calendar import CalendarSession, SessionCalendar

FALLBACK_ZONE = "UTC"  # a visit without a plan has no zone of its own


def visit_zone(visit: Visit) -> str:
    plan = plan_of(visit)
    return plan.time_zone if plan else FALLBACK_ZONE


def session_summary(session: AgendaSession) -> str:
    """What a calendar names the session: its title, else its format."""
    return session.shown_title


def session_snapshot(
    session: AgendaSession, *, room: tuple[str, str] = ("", ""), note: str = ""
) -> CalendarSession:
    """The session as a calendar shows it; `room` is (location, url), given only to people
    allowed to see the room; `note` ends the description (one's breakout groups)."""
    visit = session.visit
    page = settings.SITE_URL + reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    return CalendarSession(
        key=f"visit-{visit.pk}-session-{session.pk}",
        summary=session_summary(session),
        description=f"{visit.title}\n{page}" + (f"\n\n{note}" if note else ""),
        starts=session.starts_at,
        ends=session.ends_at,
        zone=visit_zone(visit),
        modified=session.updated_at,
        location=room[0],
        url=room[1],
        sequence=session.sequence,
        cancelled=session.cancelled_at is not None,
    )


def _published_sessions() -> QuerySet[AgendaSession]:
    return AgendaSession.objects.filter(visit__plan__agenda_published=True).select_related(
        "format", "visit__programme", "visit__plan"
    )


def sessions_for_person(user) -> list[AgendaSession]:
    """The sessions of the person's subscription (see the module's docstring)."""
    visits = visits_with_a_role(user, also=visits_placed(user))
    return list(
        _published_sessions()
        .filter(visit__in=[visit.pk for visit in visits])
        .order_by("starts_at", "pk")
    )


def sessions_for_visit(visit: Visit) -> list[AgendaSession]:
    """A visit's sessions for its public `.ics`: none unless its agenda is published."""
    return list(_published_sessions().filter(visit=visit).order_by("starts_at", "pk"))


def calendar_of(
    *,
    name: str,
    sessions: list[AgendaSession],
    rooms: dict[int, tuple[str, str]] | None = None,
    notes: dict[int, str] | None = None,
) -> SessionCalendar:
    """The calendar; `rooms` gives (location, url) and `notes` the end of the description by
    session id, for a person's own feed."""
    rooms, notes = rooms or {}, notes or {}
    snapshots = [
        session_snapshot(s, room=rooms.get(s.pk, ("", "")), note=notes.get(s.pk, ""))
        for s in sessions
    ]
    return SessionCalendar(name=name, sessions=snapshots)


def person_calendar_name() -> str:
    return _("citypeers: my visits")


def calendar_version(
    sessions: list[AgendaSession],
    rooms: dict[int, tuple[str, str]] | None = None,
    notes: dict[int, str] | None = None,
) -> str:
    """An ETag for the calendar these sessions make: it changes when any of them, their visit's
    title or zone, their room links, one's groups or the language changes (what the feed
    writes), and only then."""
    rooms, notes = rooms or {}, notes or {}
    parts = [get_language() or ""]
    parts += [
        f"{s.pk}:{s.sequence}:{s.updated_at.isoformat()}:{s.visit.title}:{visit_zone(s.visit)}"
        f":{rooms.get(s.pk, '')}:{notes.get(s.pk, '')}"
        for s in sessions
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def newest_change(sessions: list[AgendaSession], *, since: datetime.datetime) -> datetime.datetime:
    """When the newest session changed (`since` when there is none or all are older): the
    calendar's DTSTAMP and Last-Modified, so the same sessions always give the same bytes."""
    return max([since, *(session.updated_at for session in sessions)])


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at=None).first()


def feed_of_token(token: str) -> CalendarFeed | None:
    """The active subscription with this token; None for an unknown or revoked one, or one of
    an account that was deactivated."""
    feeds = CalendarFeed.objects.select_related("user").filter(user__is_active=True)
    return feeds.filter(token=token, revoked_at=None).first()


# Apps above this one know who has a place in a visit (calls: a selected or confirmed
# application); they register a source from their `ready()`, as for `visit_places_register`.
PEOPLE_SOURCES: Sources[Callable[[Visit], QuerySet[User]]] = Sources()

visit_people_register = PEOPLE_SOURCES.register


def visit_people(visit: Visit) -> list[User]:
    """Who hears of a change to the visit's agenda: everyone with a role on the visit, the
    programme's coordinators and the people the registered apps gave a place; each once."""
    on_visit = Membership.objects.filter(visit=visit).values("user_id")
    coordinating = Membership.objects.filter(
        programme_id=visit.programme_id, visit=None, role=Role.COORDINATOR
    ).values("user_id")
    people = User.objects.filter(pk__in=on_visit) | User.objects.filter(pk__in=coordinating)
    for source in PEOPLE_SOURCES:
        people |= User.objects.filter(pk__in=source(visit).values("pk"))
    return list(people.filter(is_active=True).distinct().order_by("pk"))


def pending_agenda_changes(visit: Visit) -> QuerySet[AgendaChange]:
    """The visit's agenda changes not mailed yet, oldest first."""
    return AgendaChange.objects.filter(visit=visit, notified_at=None).order_by("created_at", "pk")
