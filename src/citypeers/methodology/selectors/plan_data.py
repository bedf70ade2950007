"""The planner's plain data: what it is given (a template and a request) and the plan it makes."""

import datetime
from dataclasses import dataclass, field

from citypeers.methodology.enums import Severity


@dataclass(frozen=True)
class Placement:
    """One of a format's placement rules (enums.PlacementRule), in the modes it holds for."""

    rule: str
    after: str = ""  # right_after: the slug of the format it follows
    modes: tuple[str, ...] = ()  # empty: every mode

    def holds_in(self, mode: str) -> bool:
        return not self.modes or mode in self.modes


@dataclass(frozen=True)
class FormatInfo:
    slug: str
    name: str
    stage: str
    modes: tuple[str, ...]
    min_group: int
    max_group: int
    min_minutes: int
    max_minutes: int
    placement: tuple[Placement, ...] = ()

    def rules(self, mode: str) -> set[str]:
        return {rule.rule for rule in self.placement if rule.holds_in(mode)}

    def follows(self, mode: str) -> str:
        """The slug of the format it must come right after in `mode`; empty if none."""
        return next(
            (r.after for r in self.placement if r.rule == "right_after" and r.holds_in(mode)), ""
        )


@dataclass(frozen=True)
class StepInfo:
    phase: int
    phase_name: str
    title: str
    role: str
    anchor: str
    offset_days: int
    deliverable: str
    checklist: tuple[str, ...]
    role_key: str = ""  # `role` is the name shown
    key: str = ""  # its StepTemplate's key: a visit's tasks take every language from it


@dataclass(frozen=True)
class PlanTemplate:
    mode: str
    min_days: int
    max_days: int
    daily_minutes_max: int  # 0: no limit
    session_start: datetime.time
    steps: tuple[StepInfo, ...]
    # Day kind (enums.DayKind) -> (format, minutes) or (format, minutes, leave_out): while the
    # minutes asked cannot hold a day, sessions with leave_out 1 go first, then 2... (0: kept).
    agenda: dict[str, tuple[tuple, ...]]
    formats: tuple[FormatInfo, ...] = ()  # every format, to suggest replacements
    first_day_start: datetime.time | None = None  # None: as every day


@dataclass(frozen=True)
class PlanRequest:
    mode: str
    start: datetime.date
    days: int
    participants: int
    host_tz: str
    countries: tuple[str, ...] = ()
    topic: str = ""
    time: datetime.time | None = None  # the day's start, host's time; else the template's
    minutes: int | None = None  # online and hybrid: the day's length, breaks included
    host_country: str = ""  # ISO code; its public holidays are avoided


@dataclass(frozen=True)
class Fix:
    text: str
    changes: dict = field(default_factory=dict)  # GET parameters that apply it, if any


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    fix: Fix
    severity: Severity

    @property
    def severity_label(self) -> str:
        return Severity(self.severity).label


@dataclass(frozen=True)
class Milestone:
    date: datetime.date
    step: StepInfo


@dataclass(frozen=True)
class Session:
    starts: datetime.datetime
    minutes: int
    format: FormatInfo
    groups: int = 1

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Pause:
    """A break or lunch between sessions, shown in the agenda."""

    starts: datetime.datetime
    minutes: int
    lunch: bool = False

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Day:
    number: int
    date: datetime.date
    sessions: tuple[Session, ...]
    note: str = ""  # why the day is shorter than the minutes asked, if it is
    pauses: tuple[Pause, ...] = ()
    kind: str = ""  # the template's day kind it follows
    left_out: tuple[FormatInfo, ...] = ()  # optional sessions the minutes asked could not hold

    @property
    def minutes(self) -> int:
        """Minutes of sessions, breaks not counted."""
        return sum(session.minutes for session in self.sessions)

    @property
    def span(self) -> int:
        """Minutes from the first session's start to the last one's end, breaks included."""
        if not self.sessions:
            return 0
        return round((self.sessions[-1].ends - self.sessions[0].starts).total_seconds() / 60)

    @property
    def timeline(self) -> list:
        """Sessions and pauses in the order they happen."""
        return sorted([*self.sessions, *self.pauses], key=lambda item: item.starts)


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    end: datetime.date
    milestones: tuple[Milestone, ...]
    days: tuple[Day, ...]
    warnings: tuple[Warning, ...]  # most severe first
