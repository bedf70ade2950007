"""Who gets which room link: the programme's stored provider adapted to `visits.rooms`, and a
session's join link for the person looking, only when they are one of the visit's people
(`feeds.visit_people`: its team, the programme's coordinators, the people given a place) and
the visit is online or hybrid. The visit's team moderates; the others attend.

A BigBlueButton room must be created on the server before anyone joins, so its link is our own
`visits:join` address, which creates the meeting and then sends the person in; a URL template's
link is the room's address itself. Links are computed when shown, never stored: a renamed
session or a changed provider gives new ones.
"""

from collections.abc import Callable

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from citypeers.core.errors import VisitError
from citypeers.programmes.models import Membership, Programme, Role, RoomProvider, Visit
from citypeers.visits.enums import TEAM_ROLES
from citypeers.visits.models import AgendaSession
from citypeers.visits.rooms import (
    BigBlueButtonRooms,
    Person,
    Provider,
    Room,
    RoomLinks,
    UrlTemplateRooms,
    room_links,
)
from citypeers.visits.selectors.feeds import visit_people
from citypeers.visits.selectors.mine import visits_placed, visits_with_a_role

ONLINE_MODES = frozenset({Visit.Mode.ONLINE, Visit.Mode.HYBRID})


def programme_rooms(programme: Programme) -> Provider | None:
    """The programme's room provider as the rooms core takes it; None when it has none."""
    if programme.room_provider == RoomProvider.URL_TEMPLATE:
        return UrlTemplateRooms(url_template=programme.room_url_template)
    if programme.room_provider == RoomProvider.BIGBLUEBUTTON:
        return BigBlueButtonRooms(
            api_url=programme.bbb_api_url,
            secret=programme.bbb_secret,
            checksum_algorithm=programme.bbb_checksum_algorithm,
        )
    return None


def session_room(session: AgendaSession) -> Room:
    return Room(
        visit_id=session.visit_id,
        visit_title=session.visit.title,
        session_id=session.pk,
        session_title=session.shown_title,
    )


def _moderates(user) -> Callable[[Visit], bool]:
    """Whether the person is on a visit's team (its team roles, or coordinating its
    programme), asked of every visit with one query."""
    roles = Membership.objects.filter(user=user).filter(
        Q(visit__isnull=False, role__in=TEAM_ROLES) | Q(visit=None, role=Role.COORDINATOR)
    )
    team, coordinated = set(), set()
    for visit_id, programme_id in roles.values_list("visit_id", "programme_id"):
        if visit_id:
            team.add(visit_id)
        else:
            coordinated.add(programme_id)
    return lambda visit: visit.pk in team or visit.programme_id in coordinated


def _person(user, *, moderator: bool) -> Person:
    return Person(name=user.display_name or user.email, moderator=moderator, user_id=user.pk)


def room_person(visit: Visit, user) -> Person | None:
    """The person as their room sees them (moderator when on the visit's team), or None when
    they are not one of the visit's people."""
    if not user.is_authenticated or user.pk not in {p.pk for p in visit_people(visit)}:
        return None
    return _person(user, moderator=_moderates(user)(visit))


def has_rooms(visit: Visit) -> bool:
    return visit.mode in ONLINE_MODES and programme_rooms(visit.programme) is not None


def session_links(
    session: AgendaSession, user, *, person: Person | None = None
) -> RoomLinks | None:
    """The person's links to the session's room; None for someone not of the visit's people,
    an onsite visit, a programme without rooms or one whose stored settings no longer hold."""
    visit = session.visit
    if not has_rooms(visit) or session.cancelled_at is not None:
        return None
    person = person or room_person(visit, user)
    if person is None:
        return None
    try:
        return room_links(
            provider=programme_rooms(visit.programme), room=session_room(session), person=person
        )
    except VisitError:
        return None


def join_address(session: AgendaSession, links: RoomLinks) -> str:
    """Where a "Join" link points: the room itself, or, on BigBlueButton, our join page."""
    if links.create_url is None:
        return links.join_url
    visit = session.visit
    return reverse("visits:join", args=[visit.programme.slug, visit.slug, session.pk])


def join_addresses(visit: Visit, user, sessions: list[AgendaSession]) -> dict[int, str]:
    """Each session's "Join" address for the person, by the session's id; empty for those who
    get none."""
    if not has_rooms(visit) or (person := room_person(visit, user)) is None:
        return {}
    addresses = {}
    for session in sessions:
        if links := session_links(session, user, person=person):
            addresses[session.pk] = join_address(session, links)
    return addresses


def calendar_rooms(user, sessions: list[AgendaSession]) -> dict[int, tuple[str, str]]:
    """For the person's own calendar: each session's (LOCATION, URL), full addresses. A feed
    holds only the visits the person is one of the people of (`feeds.sessions_for_person`
    reads `visit_people` the other way: roles on the visit, coordinated programmes, places);
    they are checked again here in one query, and the team told apart in another, so a feed
    of many visits asks no more than one of a single visit."""
    with_rooms = [session for session in sessions if has_rooms(session.visit)]
    if not with_rooms:
        return {}
    theirs = {visit.pk for visit in visits_with_a_role(user, also=visits_placed(user))}
    moderates = _moderates(user)
    rooms = {}
    for session in with_rooms:
        if session.visit_id not in theirs:
            continue
        person = _person(user, moderator=moderates(session.visit))
        if links := session_links(session, user, person=person):
            address = join_address(session, links)
            url = address if "://" in address else settings.SITE_URL + address
            rooms[session.pk] = (url, url)
    return rooms
