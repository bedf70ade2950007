"""Start times for a daily session that fall inside everyone's working hours.

Every candidate start (in UTC, every `step_minutes`) is checked on every date in each
participant's own zone, with that date's UTC offset, so a daylight-saving change between the
dates counts. Candidates are ranked by how many participants are inside their hours on every
date, then by the total minutes outside, then by time.

Input:  {"participants": [{"id", "tz", "hours"?: ["09:00", "18:00"], "days_off"?: [dates]}],
         "dates": ["2027-03-26", ...], "session_minutes": 120, "step_minutes"?: 15}
Output: {"candidates": [{"start_utc": "HH:MM", "inside": n,
                         "outside": [{"participant", "date", "minutes"}]}]}
"""

import datetime
from dataclasses import dataclass
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
    outside: tuple[Outside, ...]
    inside: int

    @property
    def minutes_outside(self) -> int:
        return sum(item.minutes for item in self.outside)


def zone(name: str, *, field: str) -> ZoneInfo:
    """An IANA zone by name; abbreviations and offsets ("CET", "UTC+2") are refused."""
    if not isinstance(name, str) or ("/" not in name and name != "UTC"):
        raise InstanceError(f"{field}: {name!r} is not an IANA time zone name like Europe/Paris")
    if name not in available_timezones():
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


def evaluate(
    participants: list[Participant],
    dates: list[datetime.date],
    session_minutes: int,
    start: datetime.time,
    *,
    clock: datetime.tzinfo = UTC,
) -> Candidate:
    """Who a session starting at `start` on `clock`, every date, leaves outside their hours."""
    length = datetime.timedelta(minutes=session_minutes)
    outside = []
    for date in dates:
        begins = datetime.datetime.combine(date, start, tzinfo=clock)
        for participant in participants:
            if date in participant.days_off:
                continue
            if minutes := _minutes_outside(begins, begins + length, participant):
                outside.append(Outside(participant.id, date, minutes))
    late_ones = {item.participant for item in outside}
    inside = sum(participant.id not in late_ones for participant in participants)
    return Candidate(start, tuple(outside), inside)


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
    candidates = [
        evaluate(participants, dates, session_minutes,
                 datetime.time(minute // 60, minute % 60), clock=clock)
        for minute in range(0, 24 * 60, step_minutes)
    ]  # fmt: skip
    candidates.sort(key=lambda c: (-c.inside, c.minutes_outside, c.start_utc))
    return candidates


def parse_instance(data: dict) -> tuple[list[Participant], list[datetime.date], int, int]:
    if not isinstance(data, dict):
        raise InstanceError("the instance must be a JSON object")
    participants = []
    for number, item in enumerate(data.get("participants") or []):
        field = f"participants[{number}]"
        if not isinstance(item, dict) or "id" not in item:
            raise InstanceError(f"{field}: needs an id")
        hours = item.get("hours", DEFAULT_HOURS)
        if not isinstance(hours, list | tuple) or len(hours) != 2:
            raise InstanceError(f'{field}.hours: two times, like ["09:00", "18:00"]')
        opens, closes = (_time(value, field=f"{field}.hours") for value in hours)
        days_off = item.get("days_off", [])
        participants.append(Participant(
            id=str(item["id"]), zone=zone(item.get("tz"), field=f"{field}.tz"),
            opens=opens, closes=closes,
            days_off=frozenset(_date(d, field=f"{field}.days_off") for d in days_off),
        ))  # fmt: skip
    if not participants:
        raise InstanceError("participants: at least one is needed")
    dates = [_date(value, field="dates") for value in data.get("dates") or []]
    if not dates:
        raise InstanceError("dates: at least one date is needed")
    session, step = data.get("session_minutes"), data.get("step_minutes", 15)
    if not isinstance(session, int) or not 0 < session <= 24 * 60:
        raise InstanceError("session_minutes: a whole number of minutes, 1 to 1440")
    if not isinstance(step, int) or not 0 < step <= 60 or 60 % step:
        raise InstanceError("step_minutes: 5, 10, 15, 20, 30 or 60")
    return participants, dates, session, step


def solve(data: dict) -> dict:
    """JSON in, JSON out (see the module's docstring)."""
    candidates = rank_start_times(*parse_instance(data))
    return {
        "candidates": [
            {
                "start_utc": candidate.start_utc.strftime("%H:%M"),
                "inside": candidate.inside,
                "outside": [
                    {"participant": o.participant, "date": o.date.isoformat(), "minutes": o.minutes}
                    for o in candidate.outside
                ],
            }
            for candidate in candidates
        ]
    }
