"""Who gets which room link: the programme's stored provider adapted to `visits.rooms`, and a
session's join link, or a breakout group's, for the person looking, only when they are one of
the visit's people (`feeds.visit_people`: its team, the programme's coordinators, the people
given a place) and the visit is online or hybrid. The visit's team moderates; the others attend.

A breakout group has one room per session and group number, the same in every round: people
move between rooms between rounds, as in Zoom's breakout rooms.

A BigBlueButton room must be created on the server before anyone joins, so its link is our own
`visits:join` (or `visits:join_group`) address, which creates the meeting and then sends the
person in; a URL template's link is the room's address itself. Links are computed when shown,
never stored: a renamed session or a changed provider gives new ones.
"""

import dataclasses
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

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
    # In the site's language: a URL template's room name carries the titles (a format's name
    # is translated), and everyone must reach the same address whatever language they read.
    with translation.override(settings.LANGUAGE_CODE):
        title = session.shown_title
    return Room(
        visit_id=session.visit_id,
        visit_title=session.visit.title,
        session_id=session.pk,
        session_title=title,
    )


def group_room(session: AgendaSession, group_index: int) -> Room:
    """A breakout group's room: one per session and group number (from 0), whatever the round;
    titled "Group 3" in the site's language, as `session_room` is."""
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Group %(number)s") % {"number": group_index + 1}
    return dataclasses.replace(session_room(session), group_id=group_index, group_title=title)


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
    return _links(session, user, person=person, room=lambda: session_room(session))


def group_links(
    session: AgendaSession, group_index: int, user, *, person: Person | None = None
) -> RoomLinks | None:
    """The person's links to a breakout group's room (group counted from 0), on the same
    terms as `session_links`: the visit's people, its team moderating. Whether the session
    has such a group is the caller's to check (`breakouts.breakout_group_indexes`)."""
    return _links(session, user, person=person, room=lambda: group_room(session, group_index))


def _links(session: AgendaSession, user, *, person: Person | None, room) -> RoomLinks | None:
    visit = session.visit
    if not has_rooms(visit) or session.cancelled_at is not None:
        return None
    person = person or room_person(visit, user)
    if person is None:
        return None
    try:
        return room_links(provider=programme_rooms(visit.programme), room=room(), person=person)
    except VisitError:
        return None


def join_address(session: AgendaSession, links: RoomLinks, group_index: int | None = None) -> str:
    """Where a "Join" link points: the room itself, or, on BigBlueButton, our join page (the
    session's, or the group's, shown from 1)."""
    if links.create_url is None:
        return links.join_url
    visit = session.visit
    args = [visit.programme.slug, visit.slug, session.pk]
    if group_index is None:
        return reverse("visits:join", args=args)
    return reverse("visits:join_group", args=[*args, group_index + 1])


def group_join_addresses(
    session: AgendaSession, user, group_indexes: Iterable[int]
) -> dict[int, str]:
    """Each group's "Join" address for the person, by the group's index; empty for those who
    get none (the groups page gives the team every group's room)."""
    if not has_rooms(session.visit) or (person := room_person(session.visit, user)) is None:
        return {}
    addresses = {}
    for index in group_indexes:
        if links := group_links(session, index, user, person=person):
            addresses[index] = join_address(session, links, index)
    return addresses


def my_group_addresses(
    user, groups: Iterable[tuple[AgendaSession, int]]
) -> dict[tuple[int, int], str]:
    """For a person's own groups, (session, group index) pairs of any visits: each group's
    "Join" address by (session id, group index); two queries however many visits, none when
    no visit has rooms."""
    with_rooms = [(s, g) for s, g in groups if has_rooms(s.visit)]
    if not with_rooms:
        return {}
    person_in = _room_people(user)
    addresses = {}
    for session, index in with_rooms:
        person = person_in(session.visit)
        if person and (links := group_links(session, index, user, person=person)):
            addresses[session.pk, index] = join_address(session, links, index)
    return addresses


def _room_people(user) -> Callable[[Visit], Person | None]:
    """The person as each visit's rooms see them, None where they are not of its people: the
    visits they are of in one query (`feeds.visit_people` read the other way: roles on the
    visit, coordinated programmes, places), the team told apart in another."""
    theirs = {visit.pk for visit in visits_with_a_role(user, also=visits_placed(user))}
    moderates = _moderates(user)
    return lambda visit: _person(user, moderator=moderates(visit)) if visit.pk in theirs else None


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
    person_in = _room_people(user)
    rooms = {}
    for session in with_rooms:
        person = person_in(session.visit)
        if person and (links := session_links(session, user, person=person)):
            url = full_address(join_address(session, links))
            rooms[session.pk] = (url, url)
    return rooms


def full_address(address: str) -> str:
    """A join address as a calendar needs it: our own join pages with the site's address."""
    return address if "://" in address else settings.SITE_URL + address
