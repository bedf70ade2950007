"""Breakout groups read back: who a session's groups are made of (and who is left out for an
absence), a stored plan as the core's `Rounds`, a hand move counted before it is saved, the
people in the groups marked absent since, and a person's own groups on a visit."""

from collections import defaultdict
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from citypeers.programmes.models import Role, Visit
from citypeers.visits.breakouts import Kind, Person, Rounds, after_move, rounds_of
from citypeers.visits.enums import AttendanceStatus
from citypeers.visits.models import AgendaSession, Attendance, BreakoutPlan, BreakoutSeat
from citypeers.visits.selectors.interpreting import interpreting_of
from citypeers.visits.selectors.rooms import full_address, my_group_addresses
from citypeers.visits.selectors.roster import roster_of

# The roles planned into groups; a person holding several is planned by the first here.
PLANNED_ROLES = (Role.FACILITATOR, Role.INTERPRETER, Role.PARTICIPANT)


def _person(user, organisation, kind: Kind) -> Person:
    """The core's person for a user: country and city size from them, else their
    organisation's place."""
    place = organisation.place if organisation else None
    country = user.country or (place.country if place else None)
    participant = kind == Kind.PARTICIPANT
    return Person(
        key=str(user.pk),
        name=str(user),
        email=user.email,
        country=(country.code if country and participant else "") or "",
        city_size=place.size_class.value if participant and place and place.size_class else "",
        organisation=organisation.name if organisation else "",
        kind=kind,
    )


@dataclass(frozen=True)
class BreakoutRoster:
    """Who a session's groups are made of, and who is left out and why (by name)."""

    people: list[Person]
    absent: list[str]  # marked absent for the session
    dropped_out: list[str]  # marked absent on every earlier session of the visit

    @property
    def left_out(self) -> int:
        return len(self.absent) + len(self.dropped_out)


def breakout_people(session: AgendaSession) -> list[Person]:
    return breakout_roster(session).people


def breakout_roster(session: AgendaSession) -> BreakoutRoster:
    """The visit's participants, facilitators and interpreters (from its roster), and the
    session's facilitator, each once, by name; without whoever is marked absent for the
    session or on every earlier session of the visit (dropped out).

    An interpreter set to interpret for a planned participant is planned with them
    (`Kind.INTERPRETER`, `with_key`). One whose participant is not planned (absent, or none
    set) is planned as a participant: they are at the session anyway, and the core keeps an
    interpreter only beside a participant it plans."""
    users: dict[int, tuple] = {}
    for entry in roster_of(session.visit):
        role = next((r for r in PLANNED_ROLES if r in entry.roles), None)
        if role is not None:
            users[entry.user.pk] = (entry.user, entry.organisation, role)
    facilitator = session.facilitator
    if facilitator is not None:
        users[facilitator.pk] = (facilitator, facilitator.organisation, Role.FACILITATOR)
    absent, dropped_out = _absences(session, users)
    planned = {pk: u for pk, u in users.items() if pk not in absent | dropped_out}
    interprets_for = {
        pk: user.pk for pk, user in interpreting_of(session.visit).items() if pk in planned
    }
    people = []
    for pk, (user, organisation, role) in planned.items():
        kind = Kind.FACILITATOR if role == Role.FACILITATOR else Kind.PARTICIPANT
        partner = interprets_for.get(pk) if role == Role.INTERPRETER else None
        if partner in planned and planned[partner][2] == Role.PARTICIPANT:
            kind = Kind.INTERPRETER
        person = _person(user, organisation, kind)
        if kind == Kind.INTERPRETER:
            person = replace(person, with_key=str(partner))
        people.append(person)

    def names(pks: set[int]) -> list[str]:
        return sorted((str(users[pk][0]) for pk in pks), key=str.lower)

    return BreakoutRoster(
        people=sorted(people, key=lambda p: p.name.lower()),
        absent=names(absent),
        dropped_out=names(dropped_out - absent),
    )


def _absences(session: AgendaSession, users: dict) -> tuple[set[int], set[int]]:
    """Of `users`, those marked absent for the session, and those marked absent on every
    session of the visit before it (not cancelled; none before: nobody)."""
    earlier = set(
        AgendaSession.objects.filter(
            visit_id=session.visit_id, starts_at__lt=session.starts_at, cancelled_at__isnull=True
        ).values_list("pk", flat=True)
    )
    marks = Attendance.objects.filter(
        session_id__in=earlier | {session.pk},
        person_id__in=users,
        status=AttendanceStatus.ABSENT,
    ).values_list("session_id", "person_id")
    missed: dict[int, set[int]] = defaultdict(set)
    for session_pk, person_pk in marks:
        missed[person_pk].add(session_pk)
    absent = {pk for pk, sessions in missed.items() if session.pk in sessions}
    dropped_out = {pk for pk, sessions in missed.items() if earlier and earlier <= sessions}
    return absent, dropped_out


def absent_in_groups(session: AgendaSession, rounds: Rounds) -> list[Person]:
    """The people still seated in the last round of the groups who are marked absent for the
    session: marked after the groups were made, and not yet planned out of them."""
    seated = {p.key: p for group in rounds.groups[-1] for p in group}
    marked = Attendance.objects.filter(
        session=session, status=AttendanceStatus.ABSENT, person_id__in=[int(k) for k in seated]
    ).values_list("person_id", flat=True)
    return sorted((seated[str(pk)] for pk in marked), key=lambda p: p.name.lower())


def breakout_plan_of(session: AgendaSession) -> BreakoutPlan | None:
    return BreakoutPlan.objects.filter(session=session).first()


def breakout_rounds(plan: BreakoutPlan) -> Rounds | None:
    """The stored plan as the core's `Rounds`, figures recounted; None until it is made. A
    person without a seat in a round is absent from it."""
    if plan.status != BreakoutPlan.Status.DONE:
        return None
    seats = list(plan.seats.select_related("person__organisation__place"))
    rows = [defaultdict(list) for _ in range(plan.rounds)]
    people: dict[int, Person] = {}
    present: dict[int, set[int]] = defaultdict(set)
    for seat in seats:
        if seat.person_id not in people:
            people[seat.person_id] = _person(seat.person, seat.person.organisation, Kind(seat.kind))
        rows[seat.round_index][seat.group_index].append(people[seat.person_id])
        present[seat.person_id].add(seat.round_index)
    people = _paired(people, plan.session.visit)
    everyone = {
        pk: Person(**{**vars(p), "absent": frozenset(set(range(plan.rounds)) - present[pk])})
        for pk, p in people.items()
    }
    groups = tuple(
        tuple(tuple(everyone[int(p.key)] for p in row[g]) for g in sorted(row)) for row in rows
    )
    return rounds_of(
        groups=groups,
        people=tuple(everyone.values()),
        lower_bound=plan.lower_bound or 0,
        size=plan.size,
        seed=plan.seed,
        time_limit_s=plan.time_limit_s,
        method=plan.method,
    )


def breakout_group_indexes(session: AgendaSession) -> set[int]:
    """The groups (from 0) of the session's plan once made; empty before."""
    seats = BreakoutSeat.objects.filter(
        plan__session=session, plan__status=BreakoutPlan.Status.DONE
    )
    return set(seats.values_list("group_index", flat=True).distinct())


def _paired(people: dict[int, Person], visit: Visit) -> dict[int, Person]:
    """Stored interpreters given back whom they interpret for (the core moves the two as
    one); one whose participant is no longer in the groups, or who no longer interprets for
    anyone, is kept as a participant."""
    interprets_for = {pk: user.pk for pk, user in interpreting_of(visit).items()}
    for pk, person in people.items():
        if person.kind != Kind.INTERPRETER:
            continue
        partner = people.get(interprets_for.get(pk))
        if partner is not None and partner.kind == Kind.PARTICIPANT:
            people[pk] = replace(person, with_key=partner.key)
        else:
            people[pk] = replace(person, kind=Kind.PARTICIPANT)
    return people


def planned_person(rounds: Rounds, person_pk: int) -> Person | None:
    return next((p for p in rounds.people if p.key == str(person_pk)), None)


def breakout_moved(*, rounds: Rounds, person: Person, round_index: int, group_index: int):
    """The plan with the person moved, counted and not saved: what the page previews and the
    service then saves, so both show the same figures."""
    return after_move(rounds=rounds, person=person, round_index=round_index, to_group=group_index)


@dataclass(frozen=True)
class MyGroup:
    session: AgendaSession
    round_number: int  # from 1
    group_number: int
    names: list[str]  # everyone in the group, the person included, by name
    join_url: str = ""  # the group's room, when the person may join it


def my_breakout_groups(visit: Visit, user) -> list[MyGroup]:
    """The groups `user` sits in, in the visit's sessions not cancelled, by session and round,
    each with its room's "Join" address when the visit has rooms."""
    return my_breakout_groups_by_visit([visit], user).get(visit.pk, [])


def my_breakout_groups_by_visit(visits: list[Visit], user) -> dict[int, list[MyGroup]]:
    """`my_breakout_groups` of several visits by the visit's id, in two queries however many
    visits (for `/me/`), two more when some have rooms; a visit where the person has no seat
    is left out."""
    if not user.is_authenticated or not visits:
        return {}
    mine = list(
        BreakoutSeat.objects.filter(
            person=user,
            plan__session__visit__in=visits,
            plan__session__cancelled_at__isnull=True,
            plan__status=BreakoutPlan.Status.DONE,
        ).select_related("plan__session__format", "plan__session__visit__programme")
    )
    if not mine:
        return {}
    names: dict[tuple, list[str]] = defaultdict(list)
    others = BreakoutSeat.objects.filter(plan__in={seat.plan_id for seat in mine}).select_related(
        "person"
    )
    for seat in others:
        names[_where(seat)].append(str(seat.person))
    rooms = my_group_addresses(user, {(seat.plan.session, seat.group_index) for seat in mine})
    groups = sorted(
        (
            MyGroup(
                session=seat.plan.session,
                round_number=seat.round_index + 1,
                group_number=seat.group_index + 1,
                names=sorted(names[_where(seat)], key=str.lower),
                join_url=rooms.get((seat.plan.session_id, seat.group_index), ""),
            )
            for seat in mine
        ),
        key=lambda group: (group.session.starts_at, group.round_number),
    )
    by_visit: dict[int, list[MyGroup]] = defaultdict(list)
    for group in groups:
        by_visit[group.session.visit_id].append(group)
    return dict(by_visit)


def my_breakout_notes(user, sessions: list[AgendaSession]) -> dict[int, str]:
    """For the person's own calendar, by session id: their group in each round and, when they
    may join it, the group's room (a full address), as lines for the event's description. The
    session's own room stays its LOCATION: everyone starts there. One query, two more when a
    visit has rooms."""
    seats = BreakoutSeat.objects.filter(
        person=user,
        plan__session__in=[session.pk for session in sessions],
        plan__status=BreakoutPlan.Status.DONE,
    ).order_by("plan__session_id", "round_index")
    seats = list(seats.values_list("plan__session_id", "round_index", "group_index"))
    if not seats:
        return {}
    session_of = {session.pk: session for session in sessions}
    rooms = my_group_addresses(user, {(session_of[pk], group) for pk, _r, group in seats})
    notes: dict[int, list[str]] = defaultdict(list)
    for pk, round_index, group_index in seats:
        notes[pk].append(
            _("Your group, round %(round)s: Group %(group_number)s")
            % {"round": round_index + 1, "group_number": group_index + 1}
        )
        if address := rooms.get((pk, group_index)):
            notes[pk].append(_("Your breakout room: %(url)s") % {"url": full_address(address)})
    return {pk: "\n".join(lines) for pk, lines in notes.items()}


def _where(seat: BreakoutSeat) -> tuple[int, int, int]:
    return seat.plan_id, seat.round_index, seat.group_index
