"""A visit's agenda as its editor shows it: days with their sessions in the visit's zone, the
formats to choose from, the zones of the visit's people and the daily start times that suit
them best (`optim/timeslots.py`)."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from citypeers.methodology.models import ActivityFormat
from citypeers.optim.timeslots import Candidate, Participant, rank_start_times
from citypeers.places.countries import country_zone
from citypeers.programmes.models import Visit
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.feeds import visit_people
from citypeers.visits.selectors.pages import plan_of

WORKING_HOURS = (datetime.time(9), datetime.time(18))
BEST_TIMES = 5  # start times the daily-time page lists


def visit_zone(visit: Visit) -> str:
    """The zone the visit's agenda is kept in: its plan's, else its host country's main one."""
    if plan := plan_of(visit):
        return plan.time_zone
    return country_zone(visit.host_place.country.code) or "UTC"


def local_moment(zone: str, date: datetime.date, time: datetime.time) -> datetime.datetime:
    """`time` on `date` in `zone`, in UTC (that date's offset: daylight saving counts)."""
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(zone)).astimezone(datetime.UTC)


@dataclass
class AgendaDay:
    number: int
    date: datetime.date | None
    sessions: list = field(default_factory=list)


def agenda_sessions(visit: Visit) -> list[AgendaSession]:
    return list(
        AgendaSession.objects.filter(visit=visit, cancelled_at=None)
        .select_related("format", "facilitator")
        .order_by("starts_at", "pk")
    )


def agenda_days(visit: Visit, zone: str, sessions: list[AgendaSession]) -> list[AgendaDay]:
    """Every day of the visit with its sessions: day n is the visit's n-th date (as the planner
    numbers them), each of its dates shown even without sessions; undated visits date a day by
    its first session, in `zone`."""
    days: dict[int, AgendaDay] = {}
    if visit.starts_on:
        last = max(visit.ends_on or visit.starts_on, visit.starts_on)
        for number in range(1, (last - visit.starts_on).days + 2):
            days[number] = AgendaDay(number, visit.starts_on + datetime.timedelta(days=number - 1))
    for session in sessions:
        if session.day not in days:
            local = session.starts_at.astimezone(ZoneInfo(zone)).date()
            days[session.day] = AgendaDay(session.day, local)
        days[session.day].sessions.append(session)
    return [days[number] for number in sorted(days)]


def day_of(visit: Visit, zone: str, number: int) -> AgendaDay | None:
    days = agenda_days(visit, zone, agenda_sessions(visit))
    return next((day for day in days if day.number == number), None)


def formats_for(visit: Visit) -> list[ActivityFormat]:
    """The methodology's formats that work in the visit's mode."""
    return [f for f in ActivityFormat.objects.order_by("position", "slug") if visit.mode in f.modes]


@dataclass(frozen=True)
class PersonZone:
    person: object
    zone: str


def people_zones(visit: Visit) -> list[PersonZone]:
    """The zone of each of the visit's people (`feeds.visit_people`: its team, the programme's
    coordinators and the people given a place in it); those without a zone are left out."""
    people = sorted(visit_people(visit), key=lambda person: (person.display_name, person.pk))
    return [PersonZone(person, str(person.time_zone)) for person in people if person.time_zone]


@dataclass
class DailyTime:
    """A start time (in the visit's zone) and who it leaves outside 09:00-18:00, on which date."""

    start: datetime.time
    inside: int
    outside: list  # (person, local date of the session, minutes outside)
    current: bool


@dataclass
class DailyTimes:
    zone: str
    people: int
    minutes: int  # the longest day, first start to last end
    current: datetime.time | None
    best: list  # DailyTime, best first


def daily_times(visit: Visit, people: list[PersonZone], *, best: int = BEST_TIMES) -> DailyTimes:
    """The daily start times that keep the most people inside their working hours on every day
    of the agenda (each date with its own offsets), and how the current start does."""
    zone = visit_zone(visit)
    days = [day for day in agenda_days(visit, zone, agenda_sessions(visit)) if day.sessions]
    if not days or not people:
        return DailyTimes(zone, len(people), 0, None, [])
    spans = [max(s.ends_at for s in day.sessions) - day.sessions[0].starts_at for day in days]
    minutes = round(max(spans).total_seconds() / 60)
    by_id = {str(number): entry.person for number, entry in enumerate(people)}
    participants = [
        Participant(str(number), ZoneInfo(entry.zone), *WORKING_HOURS, frozenset())
        for number, entry in enumerate(people)
    ]
    clock = ZoneInfo(zone)
    current = days[0].sessions[0].starts_at.astimezone(clock).time()
    ranked = rank_start_times(participants, [day.date for day in days], minutes, 15, clock=clock)
    chosen = ranked[:best]
    chosen += [c for c in ranked if c.start_utc == current and c not in chosen]

    def shown(candidate: Candidate) -> DailyTime:
        outside = [(by_id[o.participant], o.date, o.minutes) for o in candidate.outside]
        outside.sort(key=lambda item: (item[1], str(item[0])))
        start = candidate.start_utc  # on the visit's clock
        return DailyTime(start, candidate.inside, outside, current=start == current)

    return DailyTimes(zone, len(people), minutes, current, [shown(c) for c in chosen])
