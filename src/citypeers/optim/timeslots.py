"""Start times for a daily session that fall inside everyone's working hours.

Every candidate start (in UTC, every `step_minutes`) is checked on every date in each
participant's own zone, with that date's UTC offset, so a daylight-saving change between the
dates counts. Candidates are ranked by how many participants are inside their hours on every
date, then by the total minutes outside, then by time.

Input:  {"participants": [{"id", "tz", "hours"?: ["09:00", "18:00"], "days_off"?: [dates]}],
         "dates": ["2027-03-26", ...], "session_minutes": 120, "step_minutes"?: 15,
         "max_candidates"?: 10}
Output: {"candidates": [{"start_utc": "HH:MM", "inside": n,
                         "outside": [{"participant", "date", "minutes"}]}],
         "candidates_checked": 96}

Only the best `max_candidates` are listed (all of them with `null`): with hundreds of
participants, listing who is outside for every quarter of an hour of the day would be most of
the work and of the output.
"""

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from citypeers.optim import InstanceError

DEFAULT_HOURS = ("09:00", "18:00")
UTC = datetime.UTC


@dataclass(frozen=True)
class Participant:
    id: str
    zone: ZoneInfo
    opens: datetime.time
    closes: datetime.time
    days_off: frozenset


@dataclass(frozen=True)
class Outside:
    participant: str
    date: datetime.date
    minutes: int  # how far the session reaches outside the hours


@dataclass(frozen=True)
class Candidate:
    start_utc: datetime.time
    # (participants alike, date, minutes outside): expanded per person only when asked
    outside_groups: tuple[tuple[tuple[Participant, ...], datetime.date, int], ...]
    inside: int

    @property
    def outside(self) -> tuple[Outside, ...]:
        return tuple(
            Outside(member.id, date, minutes)
            for members, date, minutes in self.outside_groups
            for member in members
        )

    @property
    def minutes_outside(self) -> int:
        return sum(len(members) * minutes for members, _date, minutes in self.outside_groups)


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())  # reads the whole database: once is enough


def zone(name: str, *, field: str) -> ZoneInfo:
    """An IANA zone by name; abbreviations and offsets ("CET", "UTC+2") are refused."""
    if not isinstance(name, str) or ("/" not in name and name != "UTC"):
        raise InstanceError(f"{field}: {name!r} is not an IANA time zone name like Europe/Paris")
    if name not in _zone_names():
        raise InstanceError(f"{field}: unknown time zone {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InstanceError(f"{field}: unknown time zone {name!r}") from None


def _time(value: str, *, field: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(value)
    except (TypeError, ValueError):
        raise InstanceError(f"{field}: {value!r} is not a time like 09:00") from None


def _date(value: str, *, field: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InstanceError(f"{field}: {value!r} is not a date like 2027-03-26") from None


def _minutes_outside(start: datetime.datetime, end: datetime.datetime, p: Participant) -> int:
    local_start, local_end = start.astimezone(p.zone), end.astimezone(p.zone)
    opens = datetime.datetime.combine(local_start.date(), p.opens, tzinfo=p.zone)
    closes = datetime.datetime.combine(local_start.date(), p.closes, tzinfo=p.zone)
    early = max(0, (opens - local_start).total_seconds())
    late = max(0, (local_end - closes).total_seconds())
    return round((early + late) / 60)


def _alike(participants: list[Participant]) -> list[tuple[Participant, ...]]:
    """Participants with the same zone, hours and days off: each group is checked once."""
    groups: dict[tuple, list[Participant]] = {}
    for participant in participants:
        key = (participant.zone.key, participant.opens, participant.closes, participant.days_off)
        groups.setdefault(key, []).append(participant)
    return [tuple(group) for group in groups.values()]


def evaluate(
    participants: list[Participant],
    dates: list[datetime.date],
    session_minutes: int,
    start: datetime.time,
    *,
    clock: datetime.tzinfo = UTC,
    alike: list[tuple[Participant, ...]] | None = None,
) -> Candidate:
    """Who a session starting at `start` on `clock`, every date, leaves outside their hours."""
    length = datetime.timedelta(minutes=session_minutes)
    groups = alike or _alike(participants)
    found, late = [], set()
    for date in dates:
        begins = datetime.datetime.combine(date, start, tzinfo=clock)
        for number, members in enumerate(groups):
            if date in members[0].days_off:
                continue
            if minutes := _minutes_outside(begins, begins + length, members[0]):
                found.append((members, date, minutes))
                late.add(number)  # an index: hashing the people would cost more than the check
    inside = len(participants) - sum(len(groups[number]) for number in late)
    return Candidate(start, tuple(found), inside)


def rank_start_times(
    participants: list[Participant],
    dates: list[datetime.date],
    session_minutes: int,
    step_minutes: int = 15,
    *,
    clock: datetime.tzinfo = UTC,
) -> list[Candidate]:
    """Every `step_minutes` of the day on `clock`, best first. `clock` is UTC, or the host's
    zone for a session held at the same local time every day; `start_utc` is on that clock."""
    alike = _alike(participants)
    candidates = [
        evaluate(
            participants,
            dates,
            session_minutes,
            datetime.time(minute // 60, minute % 60),
            clock=clock,
            alike=alike,
        )
        for minute in range(0, 24 * 60, step_minutes)
    ]
    candidates.sort(key=lambda c: (-c.inside, c.minutes_outside, c.start_utc))
    return candidates


def parse_instance(data: dict) -> tuple[list[Participant], list[datetime.date], int, int]:
    if not isinstance(data, dict):
        raise InstanceError("the instance must be a JSON object")
    participants = []
    for number, item in enumerate(_list(data.get("participants"), field="participants")):
        field = f"participants[{number}]"
        if not isinstance(item, dict) or "id" not in item:
            raise InstanceError(f"{field}: needs an id")
        hours = item.get("hours", DEFAULT_HOURS)
        if not isinstance(hours, list | tuple) or len(hours) != 2:
            raise InstanceError(f'{field}.hours: two times, like ["09:00", "18:00"]')
        opens, closes = (_time(value, field=f"{field}.hours") for value in hours)
        days_off = _list(item.get("days_off"), field=f"{field}.days_off")
        participants.append(
            Participant(
                id=str(item["id"]),
                zone=zone(item.get("tz"), field=f"{field}.tz"),
                opens=opens,
                closes=closes,
                days_off=frozenset(_date(d, field=f"{field}.days_off") for d in days_off),
            )
        )
    if not participants:
        raise InstanceError("participants: at least one is needed")
    dates = [_date(value, field="dates") for value in _list(data.get("dates"), field="dates")]
    if not dates:
        raise InstanceError("dates: at least one date is needed")
    session, step = data.get("session_minutes"), data.get("step_minutes", 15)
    if isinstance(session, bool) or not isinstance(session, int) or not 0 < session <= 24 * 60:
        raise InstanceError("session_minutes: a whole number of minutes, 1 to 1440")
    if isinstance(step, bool) or not isinstance(step, int) or not 0 < step <= 60 or 60 % step:
        raise InstanceError("step_minutes: 5, 10, 15, 20, 30 or 60")
    return participants, dates, session, step


def _list(value: Any, *, field: str) -> list:
    """A list field; missing (or null) is an empty one."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InstanceError(f"{field}: must be a list")
    return value


def _max_candidates(data: dict) -> int | None:
    limit = data.get("max_candidates", 10)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise InstanceError("max_candidates: a whole number from 1, or null for all")
    return limit


def solve(data: dict) -> dict:
    """JSON in, JSON out (see the module's docstring)."""
    limit = _max_candidates(data) if isinstance(data, dict) else None
    candidates = rank_start_times(*parse_instance(data))
    return {
        "candidates_checked": len(candidates),
        "candidates": [
            {
                "start_utc": candidate.start_utc.strftime("%H:%M"),
                "inside": candidate.inside,
                "outside": [
                    {"participant": o.participant, "date": o.date.isoformat(), "minutes": o.minutes}
                    for o in candidate.outside
                ],
            }
            for candidate in candidates[:limit]
        ],
    }
