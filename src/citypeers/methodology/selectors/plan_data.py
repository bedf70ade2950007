"""The planner's plain data: what it is given (a template and a request) and the plan it makes."""

import datetime
from dataclasses import dataclass, field

from citypeers.methodology.enums import Severity


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


@dataclass(frozen=True)
class PlanTemplate:
    mode: str
    min_days: int
    max_days: int
    daily_minutes_max: int  # 0: no limit
    session_start: datetime.time
    steps: tuple[StepInfo, ...]
    agenda: dict[str, tuple[tuple[FormatInfo, int], ...]]  # day kind -> (format, minutes)
    formats: tuple[FormatInfo, ...] = ()  # every format, to suggest replacements


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
    minutes: int | None = None  # online and hybrid: the day's session length


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
class Day:
    number: int
    date: datetime.date
    sessions: tuple[Session, ...]
    note: str = ""  # why the day is shorter than the minutes asked, if it is

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)


@dataclass(frozen=True)
class Plan:
    request: PlanRequest
    end: datetime.date
    milestones: tuple[Milestone, ...]
    days: tuple[Day, ...]
    warnings: tuple[Warning, ...]  # most severe first
