"""The visit planner: a dated timeline, a draft agenda and warnings, each with a fix.

Works on plain data (`plan_data.py`; a template version becomes a `PlanTemplate` through
`planner.plan_template`), so the arithmetic can be tested without a database. Dates are
civil dates; session times are aware datetimes in the host's zone, so every date gets its own
UTC offset.
"""

import datetime
import math
from dataclasses import replace
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeers.methodology.selectors.plan_data import (
    Day,
    FormatInfo,
    Milestone,
    Pause,
    Plan,
    PlanRequest,
    PlanTemplate,
    Session,
)
from citypeers.methodology.selectors.plan_warnings import plan_warnings

STEP = 5  # sessions are lengthened and shortened in steps of this many minutes
ONSITE_BREAK = 15  # minutes, after an hour or more of sessions
ONLINE_BREAK = 10  # minutes; one per started 90 minutes of the day after the first
BREAK_EVERY = 90
ONSITE_BREAK_AFTER = 60
LUNCH_MINUTES = 60
LUNCH_FROM = datetime.time(11, 30)  # lunch is taken before a session that would end after
LUNCH_LATEST_END = datetime.time(13, 15)  # this, or at the first gap from noon
NOON = datetime.time(12)


def day_kinds(days: int, agenda: dict) -> list[str]:
    """The template's kind of day for each day of a visit of `days` days: "first", then
    "second" and "third" where the template has them, "penultimate" for the day before the
    last of a visit of three days or more, "last"; any other day follows "middle"."""
    kinds = []
    for number in range(1, days + 1):
        if number == 1:
            kinds.append("first")
        elif number == days:
            kinds.append("last")
        elif number == days - 1 and "penultimate" in agenda:
            kinds.append("penultimate")
        elif number == 2 and "second" in agenda:
            kinds.append("second")
        elif number == 3 and "third" in agenda:
            kinds.append("third")
        else:
            kinds.append("middle")
    return kinds


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
    return tuple(next(turned[item[0].stage]) for item in items)


def _shrunk(items, minutes: int) -> list[tuple[FormatInfo, int]]:
    """Sessions scaled down to fit `minutes`, none below its format's shortest length; where
    the floors leave the day over, the sessions with most room give 5 minutes more each."""
    total = sum(length for _format, length in items)
    if total <= minutes:
        return list(items)
    scale = minutes / total
    lengths = [
        max(activity.min_minutes, math.floor(length * scale / STEP) * STEP)
        for activity, length in items
    ]
    while sum(lengths) > minutes:
        room = [i for i, (activity, _) in enumerate(items) if lengths[i] > activity.min_minutes]
        if not room:
            break
        cut = max(room, key=lambda i: (lengths[i] - items[i][0].min_minutes, -i))
        lengths[cut] = max(items[cut][0].min_minutes, lengths[cut] - STEP)
    return [(activity, length) for (activity, _), length in zip(items, lengths, strict=True)]


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


def _short_day_note(items, asked: int, planned: int) -> str:
    """Why a day is shorter than the minutes asked, in words; empty when it is not."""
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


def _ordered(items: list, mode: str, first_day: bool) -> list:
    """The day's items with the cards' order rules applied: the visit's opening session first
    on day one, closing sessions last, a format that follows another right after it."""
    items = list(items)
    if first_day:
        items.sort(key=lambda item: "opens_visit" not in item[0].rules(mode))
    items.sort(
        key=lambda item: (
            2
            if "closes_visit" in item[0].rules(mode)
            else 1
            if "closes_day" in item[0].rules(mode)
            else 0
        )
    )
    for item in [item for item in items if item[0].follows(mode)]:
        before = next((i for i in items if i[0].slug == item[0].follows(mode)), None)
        if before is not None and items.index(item) != items.index(before) + 1:
            items.remove(item)
            items.insert(items.index(before) + 1, item)
    return items


def _breaks_for(minutes: int) -> int:
    """Online and hybrid: one break for each started 90 minutes after the first."""
    return max(0, math.ceil(minutes / BREAK_EVERY) - 1)


def _fitted(items: list, budget: int, mode: str) -> tuple[list, list]:
    """The day's (format, minutes) fitted to `budget` minutes of sessions: while the sessions
    at their shortest cannot fit, the one with the lowest `leave_out` above 0 is left out (with
    any session that must follow it); then they are shortened or lengthened.
    Returns (fitted, left out)."""
    kept, left_out = list(items), []
    while sum(item[0].min_minutes for item in kept) > budget:
        optional = [item for item in kept if item[2]]
        if not optional:
            break
        first = min(optional, key=lambda item: (item[2], -kept.index(item)))
        dropped = [first]
        dropped += [item for item in kept if item[0].follows(mode) == first[0].slug]
        for item in dropped:
            kept.remove(item)
        left_out += [item[0] for item in dropped]
    pairs = [(activity, minutes) for activity, minutes, _optional in kept]
    return _grown(_shrunk(pairs, budget), budget), left_out


def _day_items(template: PlanTemplate, request: PlanRequest, kind: str, turn: int, first: bool):
    """A day's (format, minutes), the middle days' turned by `turn`, in the cards' order,
    fitted to the minutes asked (online and hybrid), with its breaks and what it left out."""
    items = [
        (item[0], item[1], item[2] if len(item) > 2 else 0)
        for item in (template.agenda.get(kind) or template.agenda.get("middle", ()))
    ]
    if kind == "middle":
        items = list(_rotated(items, turn))
    items = _ordered(items, request.mode, first)
    asked = None if request.mode == "onsite" else request.minutes
    if not asked:
        pairs = [(activity, minutes) for activity, minutes, _optional in items]
        return pairs, _breaks_for(sum(m for _a, m in pairs)), []
    breaks = _breaks_for(asked)
    fitted, left_out = _fitted(items, asked - breaks * ONLINE_BREAK, request.mode)
    if len(fitted) - 1 < breaks:  # too few sessions to hold the breaks: fewer, longer ones
        breaks = max(0, len(fitted) - 1)
        fitted, left_out = _fitted(items, asked - breaks * ONLINE_BREAK, request.mode)
    return fitted, breaks, left_out


def _break_positions(lengths: list[int], breaks: int) -> set[int]:
    """After which sessions the breaks go: the gaps nearest to equal parts of the day."""
    total, positions = sum(lengths), set()
    ends = [sum(lengths[: i + 1]) for i in range(len(lengths) - 1)]
    for part in range(1, breaks + 1):
        free = [i for i in range(len(ends)) if i not in positions]
        if not free:
            break
        positions.add(min(free, key=lambda i: abs(ends[i] - total * part / (breaks + 1))))
    return positions


def _left_out_note(left_out) -> str:
    if not left_out:
        return ""
    return _("Left out to keep to the minutes asked: %(formats)s.") % {
        "formats": ", ".join(activity.name for activity in left_out)
    }


def agenda(template: PlanTemplate, request: PlanRequest, zone: ZoneInfo) -> list[Day]:
    """The days of the visit, each with its sessions and breaks; online and hybrid days keep
    to the minutes asked, breaks included, or say why they cannot."""
    start_time = request.time or template.session_start
    onsite = request.mode == "onsite"
    kinds = day_kinds(request.days, template.agenda)
    days = []
    for number, kind in enumerate(kinds, start=1):
        date = request.start + datetime.timedelta(days=number - 1)
        items, breaks, left_out = _day_items(
            template, request, kind, kinds[:number].count("middle") - 1, number == 1
        )
        begins = start_time
        if number == 1 and template.first_day_start:
            begins = max(start_time, template.first_day_start)
        clock = datetime.datetime.combine(date, begins, tzinfo=zone)
        last_day = number == len(kinds)
        lunch_taken = begins >= NOON
        since_pause = 0
        after = _break_positions([m for _a, m in items], 0 if onsite else breaks)
        sessions, pauses = [], []
        for index, (activity, minutes) in enumerate(items):
            if onsite and index:
                later = [a for a, _m in items[index:]]
                keep_morning = last_day and any(
                    "not_after_lunch_last_day" in a.rules(request.mode) for a in later
                )
                ends = (clock + datetime.timedelta(minutes=minutes)).time()
                due = clock.time() >= NOON or (
                    clock.time() >= LUNCH_FROM and ends > LUNCH_LATEST_END
                )
                if not lunch_taken and not keep_morning and due:
                    pauses.append(Pause(clock, LUNCH_MINUTES, lunch=True))
                    clock += datetime.timedelta(minutes=LUNCH_MINUTES)
                    lunch_taken, since_pause = True, 0
                elif since_pause >= ONSITE_BREAK_AFTER:
                    pauses.append(Pause(clock, ONSITE_BREAK))
                    clock += datetime.timedelta(minutes=ONSITE_BREAK)
                    since_pause = 0
            groups = 1
            if request.participants > activity.max_group:
                groups = math.ceil(request.participants / activity.max_group)
            sessions.append(Session(clock, minutes, activity, groups))
            clock += datetime.timedelta(minutes=minutes)
            since_pause += minutes
            if index in after:
                pauses.append(Pause(clock, ONLINE_BREAK))
                clock += datetime.timedelta(minutes=ONLINE_BREAK)
        day = Day(number, date, tuple(sessions), "", tuple(pauses), kind, tuple(left_out))
        asked = None if onsite else request.minutes
        notes = [_left_out_note(left_out)]
        if asked and items:
            notes.append(_short_day_note(items, asked, day.span))
        days.append(replace(day, note=" ".join(note for note in notes if note)))
    return days


def make_plan(template: PlanTemplate, request: PlanRequest, *, today: datetime.date) -> Plan:
    zone = ZoneInfo(request.host_tz)
    end = request.start + datetime.timedelta(days=request.days - 1)
    dated = milestones(template, request.start, end)
    days = agenda(template, request, zone)
    warnings = plan_warnings(template, request, days, dated, zone=zone, today=today)
    return Plan(request, end, tuple(dated), tuple(days), tuple(warnings))
