"""The visit planner: a dated timeline, a draft agenda and warnings, each with a fix.

Works on plain data (`plan_data.py`; a template version becomes a `PlanTemplate` through
`planner.plan_template`), so the arithmetic can be tested without a database. Dates are
civil dates; session times are aware datetimes in the host's zone, so every date gets its own
UTC offset.
"""

import datetime
import math
from zoneinfo import ZoneInfo

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


def _shrunk(items, minutes: int) -> list[tuple[FormatInfo, int]]:
    """Sessions scaled down to fit `minutes`, none below its format's shortest length."""
    total = sum(length for _format, length in items)
    if total <= minutes:
        return list(items)
    scale = minutes / total
    return [
        (activity, max(activity.min_minutes, math.floor(length * scale / 5) * 5))
        for activity, length in items
    ]


def agenda(template: PlanTemplate, request: PlanRequest, zone: ZoneInfo) -> list[Day]:
    start_time = request.time or template.session_start
    onsite = request.mode == "onsite"
    days = []
    for number, kind in enumerate(_day_kinds(request.days), start=1):
        date = request.start + datetime.timedelta(days=number - 1)
        items = template.agenda.get(kind) or template.agenda.get("middle", ())
        if request.minutes and not onsite:
            items = _shrunk(items, request.minutes)
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
        days.append(Day(number, date, tuple(sessions)))
    return days


def make_plan(template: PlanTemplate, request: PlanRequest, *, today: datetime.date) -> Plan:
    zone = ZoneInfo(request.host_tz)
    end = request.start + datetime.timedelta(days=request.days - 1)
    dated = milestones(template, request.start, end)
    days = agenda(template, request, zone)
    warnings = plan_warnings(template, request, days, dated, zone=zone, today=today)
    return Plan(request, end, tuple(dated), tuple(days), tuple(warnings))
