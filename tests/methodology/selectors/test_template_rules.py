"""The template-and-rule walk: every shipped template, loaded from its TOML, planned for every day
count it allows (1 to 5) and every length of day from 60 to 180 minutes (online and hybrid;
onsite has no length), in five host countries and in weeks with and without public holidays.

For each plan: no two days alike, every rule of every card kept (placement and length), every
day within the minutes asked (breaks included) or, when none are asked, within the template's
daily limit; and where the visit falls on a public holiday of the host's country, the planner's
own fix gives a plan with no visit day on one. The walk is plain data after one load: hundreds
of plans in well under a second or two.
"""

import dataclasses
import datetime

import pytest

from citypeers.methodology.models import VisitTemplate
from citypeers.methodology.selectors.placement import placement_breaches
from citypeers.methodology.selectors.plan_data import FormatInfo, Placement, PlanRequest
from citypeers.methodology.selectors.planner import plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.selectors.public_holidays import public_holidays

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 5)
HOSTS = {
    "BE": "Europe/Brussels",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "IT": "Europe/Rome",
    "FI": "Europe/Helsinki",
}
MINUTES = range(60, 181, 15)


def _starts(days: int) -> dict[str, datetime.date]:
    """An ordinary week, a visit from Easter Monday 2027, one ending on Friday 25 December 2026."""
    return {
        "ordinary": datetime.date(2027, 6, 7),
        "easter": datetime.date(2027, 3, 29),
        "christmas": datetime.date(2026, 12, 25) - datetime.timedelta(days=days - 1),
    }


def _shipped():
    """Each shipped template's current version, as the planner's plain data."""
    for template in VisitTemplate.objects.prefetch_related("versions"):
        version = max(template.versions.all(), key=lambda v: v.number)
        version.template = template
        yield template.slug, version, plan_template(version)


def _problems(plan, template, asked) -> list[str]:
    problems = []
    sequences = [tuple(session.format.slug for session in day.sessions) for day in plan.days]
    if len(set(sequences)) != len(sequences):
        problems.append(f"repeated day: {sequences}")
    problems += [
        f"day {b.day}: {b.format.slug} breaks {b.rule}"
        for b in placement_breaches(plan.days, template.mode)
    ]
    limit = asked or template.daily_minutes_max
    if template.mode != "onsite" and limit:
        problems += [
            f"day {day.number} runs {day.span} min, more than {limit}"
            for day in plan.days
            if day.span > limit
        ]
    return problems


def _holiday_problems(plan, template, request, country) -> list[str]:
    dates = [day.date for day in plan.days]
    if not public_holidays(country, dates):
        return []
    fixes = [
        w.fix.changes["start"]
        for w in plan.warnings
        if w.code in ("holiday", "weekend") and "start" in w.fix.changes
    ]
    if not fixes:
        return ["a visit day on a public holiday, and no fix offered"]
    start = datetime.date.fromisoformat(fixes[0])
    fixed = make_plan(template, _with(request, start=start), today=TODAY)
    if held := public_holidays(country, [day.date for day in fixed.days if day.sessions]):
        return [f"after the fix, sessions on {held}"]
    return []


def _with(request: PlanRequest, **changes) -> PlanRequest:
    return PlanRequest(**{**request.__dict__, **changes})


def test_every_shipped_template_keeps_every_cards_rules_at_every_length(methodology):
    failures, plans = [], 0
    for slug, version, template in _shipped():
        for days in range(max(1, template.min_days), min(5, template.max_days) + 1):
            lengths = [None] if template.mode == "onsite" else [None, *MINUTES]
            for asked in lengths:
                for country, zone in HOSTS.items():
                    for week, start in _starts(days).items():
                        request = PlanRequest(
                            mode=template.mode,
                            start=start,
                            days=days,
                            participants=version.default_participants,
                            host_tz=zone,
                            minutes=asked,
                            host_country=country,
                        )
                        plan = make_plan(template, request, today=TODAY)
                        plans += 1
                        problems = _problems(plan, template, asked)
                        problems += _holiday_problems(plan, template, request, country)
                        failures += [
                            f"{slug}, {days} days, {asked} min, {country}, {week}: {p}"
                            for p in problems
                        ]
    assert plans > 500  # a real walk
    assert failures == []


def test_the_walk_finds_a_template_that_breaks_a_card(methodology):
    """Online, the solution workshop belongs on the day before the last: a template that puts it
    on the last day is caught, with a warning."""
    [(_slug, _version, template)] = [row for row in _shipped() if row[0] == "online"]
    agenda = dict(template.agenda)
    agenda["last"] = (*agenda["last"], *agenda["penultimate"])  # the workshop on the last day
    agenda["penultimate"] = agenda["penultimate"][:1]
    broken = dataclasses.replace(template, agenda=agenda)
    request = PlanRequest("online", datetime.date(2027, 6, 7), 4, 24, "Europe/Brussels")
    plan = make_plan(broken, request, today=TODAY)
    rules = {(b.format.slug, b.rule) for b in placement_breaches(plan.days, "online")}
    assert ("solution-workshop", "penultimate_day") in rules
    assert any(w.code == "placement" for w in plan.warnings)
    assert _problems(plan, broken, None)


def test_the_planner_puts_sessions_where_their_cards_say_when_the_template_does_not(methodology):
    """A last day listed backwards still runs transfer lab, action planning, wrap-up."""
    [(_slug, _version, template)] = [row for row in _shipped() if row[0] == "online"]
    backwards = dataclasses.replace(
        template, agenda={**template.agenda, "last": template.agenda["last"][::-1]}
    )
    request = PlanRequest("online", datetime.date(2027, 6, 7), 3, 24, "Europe/Brussels")
    last = make_plan(backwards, request, today=TODAY).days[-1]
    assert [s.format.slug for s in last.sessions] == ["transfer-lab", "action-planning", "wrap-up"]


def test_a_rule_for_one_mode_is_kept_only_in_that_mode():
    rule = Placement("penultimate_day", modes=("online",))
    activity = FormatInfo("s", "S", "solution", ("online", "onsite"), 1, 9, 10, 20, (rule,))
    assert activity.rules("online") == {"penultimate_day"}
    assert activity.rules("onsite") == set()
