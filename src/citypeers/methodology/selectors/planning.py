"""The visit planner: a dated timeline, a draft agenda and warnings, each with a fix.

Works on plain data (`plan_data.py`; a template version becomes a `PlanTemplate` through
`planner.plan_template`), so the arithmetic can be tested without a database. Dates are
civil dates; session times are aware datetimes in the host's zone, so every date gets its own
UTC offset.
"""

import datetime
import math
from zoneinfo import ZoneInfo

from django.utils.translation import ngettext

from citypeers.methodology.selectors.plan_data import (
    Day,
    FormatInfo,
    Milestone,
    Plan,
    PlanRequest,
    PlanTemplate,
    Session,
)
from citypeers.methodology.selectors.plan_warnings import plan_warnings

ONSITE_BREAK = datetime.timedelta(minutes=15)
LUNCH = (datetime.time(12, 30), datetime.timedelta(minutes=60))
STEP = 5  # sessions are lengthened and shortened in steps of this many minutes


def _day_kinds(days: int) -> list[str]:
    return ["first", *["middle"] * max(0, days - 2), "last"][:days] if days > 1 else ["first"]


def milestones(template: PlanTemplate, start: datetime.date, end: datetime.date) -> list:
    dated = [
        Milestone(
            (start if step.anchor == "start" else end) + datetime.timedelta(days=step.offset_days),
            step,
        )
        for step in template.steps
    ]
    return sorted(dated, key=lambda milestone: (milestone.date, milestone.step.phase))


def _rotated(items, turn: int) -> tuple:
    """The middle day's sessions with each stage's formats moved `turn` places along that
    stage's slots, so consecutive middle days differ wherever the template gives a stage more
    than one format; each format keeps its own length, so the day's length is unchanged."""
    by_stage: dict[str, list] = {}
    for item in items:
        by_stage.setdefault(item[0].stage, []).append(item)
    turned = {
        stage: iter(group[turn % len(group) :] + group[: turn % len(group)])
        for stage, group in by_stage.items()
    }
    return tuple(next(turned[activity.stage]) for activity, _minutes in items)


def _shrunk(items, minutes: int) -> list[tuple[FormatInfo, int]]:
    """Sessions scaled down to fit `minutes`, none below its format's shortest length."""
    total = sum(length for _format, length in items)
    if total <= minutes:
        return list(items)
    scale = minutes / total
    return [
        (activity, max(activity.min_minutes, math.floor(length * scale / STEP) * STEP))
        for activity, length in items
    ]


def _longest(activity: FormatInfo) -> float:
    return activity.max_minutes or math.inf  # a format without a longest length can grow


def _grown(items, minutes: int) -> list[tuple[FormatInfo, int]]:
    """Sessions lengthened towards `minutes` in 5-minute steps, each step to the session
    lengthened least so far for its length (so in proportion), none past its format's
    longest length."""
    lengths = [length for _format, length in items]
    while sum(lengths) + STEP <= minutes:
        room = [
            i for i, (activity, _) in enumerate(items) if lengths[i] + STEP <= _longest(activity)
        ]
        if not room:
            break
        grow = min(room, key=lambda i: (lengths[i] / max(items[i][1], 1), i))
        lengths[grow] += STEP
    return [(activity, length) for (activity, _), length in zip(items, lengths, strict=True)]


def _short_day_note(items, asked: int) -> str:
    """Why a day is shorter than the minutes asked, in words; empty when it is not."""
    planned = sum(length for _format, length in items)
    if planned >= asked:
        return ""
    if all(length + STEP > _longest(activity) for activity, length in items):
        return ngettext(
            "Shorter than the %(asked)s min asked: its formats fill %(planned)s minute at "
            "their longest.",
            "Shorter than the %(asked)s min asked: its formats fill %(planned)s minutes at "
            "their longest.",
            planned,
        ) % {"asked": asked, "planned": planned}
    return ngettext(
        "Shorter than the %(asked)s min asked: sessions grow in 5-minute steps, which make "
        "%(planned)s minute.",
        "Shorter than the %(asked)s min asked: sessions grow in 5-minute steps, which make "
        "%(planned)s minutes.",
        planned,
    ) % {"asked": asked, "planned": planned}


def _day_items(template: PlanTemplate, kind: str, turn: int, asked: int | None):
    """A day's (format, minutes), the middle days' turned by `turn`, fitted to `asked`."""
    items = template.agenda.get(kind) or template.agenda.get("middle", ())
    if kind == "middle":
        items = _rotated(items, turn)
    if asked:
        items = _grown(_shrunk(items, asked), asked)
    return items


def agenda(template: PlanTemplate, request: PlanRequest, zone: ZoneInfo) -> list[Day]:
    """The days of the visit, each with its sessions; online and hybrid days keep to the
    minutes asked, or say why they cannot."""
    start_time = request.time or template.session_start
    onsite = request.mode == "onsite"
    asked = None if onsite else request.minutes
    days = []
    for number, kind in enumerate(_day_kinds(request.days), start=1):
        date = request.start + datetime.timedelta(days=number - 1)
        items = _day_items(template, kind, number - 2, asked)
        clock = datetime.datetime.combine(date, start_time, tzinfo=zone)
        lunch_taken = False
        sessions = []
        for activity, minutes in items:
            groups = 1
            if request.participants > activity.max_group:
                groups = math.ceil(request.participants / activity.max_group)
            sessions.append(Session(clock, minutes, activity, groups))
            clock += datetime.timedelta(minutes=minutes)
            if onsite:
                if not lunch_taken and clock.time() >= LUNCH[0]:
                    clock, lunch_taken = clock + LUNCH[1], True
                else:
                    clock += ONSITE_BREAK
        note = _short_day_note(items, asked) if asked and items else ""
        days.append(Day(number, date, tuple(sessions), note))
    return days


def make_plan(template: PlanTemplate, request: PlanRequest, *, today: datetime.date) -> Plan:
    zone = ZoneInfo(request.host_tz)
    end = request.start + datetime.timedelta(days=request.days - 1)
    dated = milestones(template, request.start, end)
    days = agenda(template, request, zone)
    warnings = plan_warnings(template, request, days, dated, zone=zone, today=today)
    return Plan(request, end, tuple(dated), tuple(days), tuple(warnings))
