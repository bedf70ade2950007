"""Where the cards say a format may sit in a visit, checked against a plan's days.

The rules are data on each card (`ActivityFormat.placement`, enums.PlacementRule); the planner
applies the ones it can when it builds a day (order within the day, lunch on the last day) and
this module finds the ones a day still breaks, in plain data, so the planner's warnings and the
template-and-rule test read the same answer.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from citypeers.methodology.enums import Mode, PlacementRule
from citypeers.methodology.selectors.plan_data import Day, FormatInfo, Placement

LUNCH_END_HOUR = 13.5  # a day without a lunch break: "after lunch" is from 13:30


@dataclass(frozen=True)
class Breach:
    day: int
    format: FormatInfo
    rule: str  # a PlacementRule, or "minutes": outside the card's shortest and longest
    after: str = ""  # right_after: the format it should follow


def rule_text(rule: Placement, names: dict[str, str]) -> str:
    """A rule in plain words, in the active language; `names` gives formats' names by slug."""
    if rule.rule == PlacementRule.RIGHT_AFTER:
        text = _("Right after %(format)s, when the visit has one.") % {
            "format": names.get(rule.after, rule.after)
        }
    else:
        text = str(PlacementRule(rule.rule).label)
    if rule.modes:
        modes = ", ".join(str(Mode(mode).label).lower() for mode in rule.modes)
        text = _("%(rule)s Only for %(modes)s visits.") % {"rule": text, "modes": modes}
    return text


def _after_lunch(day: Day, index: int) -> bool:
    session = day.sessions[index]
    lunches = [pause for pause in day.pauses if pause.lunch]
    if lunches:
        return session.starts >= lunches[0].ends
    return session.starts.hour + session.starts.minute / 60 >= LUNCH_END_HOUR


def _breaks(day: Day, index: int, rule: Placement, count: int, present: set[str]) -> bool:
    """Whether the session at `index` of `day` breaks `rule` in a visit of `count` days whose
    sessions are of the formats `present` ("right after" holds only where the other is held:
    a 90-minute clinic ends with an action step without a transfer lab before it)."""
    several = count > 1
    match rule.rule:
        case PlacementRule.OPENS_VISIT:
            return day.number != 1 or index != 0
        case PlacementRule.CLOSES_DAY:
            return index != len(day.sessions) - 1
        case PlacementRule.CLOSES_VISIT:
            return day.number != count or index != len(day.sessions) - 1
        case PlacementRule.NOT_FIRST_DAY:
            return several and day.number == 1
        case PlacementRule.NOT_LAST_DAY:
            return several and day.number == count
        case PlacementRule.PENULTIMATE_DAY:
            return count >= 3 and day.number != count - 1
        case PlacementRule.RIGHT_AFTER:
            if rule.after not in present:
                return False
            return index == 0 or day.sessions[index - 1].format.slug != rule.after
        case PlacementRule.NOT_AFTER_LUNCH_LAST_DAY:
            return day.number == count and _after_lunch(day, index)
    return False


def placement_breaches(days: list[Day], mode: str) -> list[Breach]:
    """Every rule of every card a plan's `days` break, and every session outside its card's
    shortest and longest length (rule "minutes"), day by day."""
    breaches = []
    present = {session.format.slug for day in days for session in day.sessions}
    for day in days:
        for index, session in enumerate(day.sessions):
            activity = session.format
            if not activity.min_minutes <= session.minutes <= (activity.max_minutes or 10**6):
                breaches.append(Breach(day.number, activity, "minutes"))
            for rule in activity.placement:
                if rule.holds_in(mode) and _breaks(day, index, rule, len(days), present):
                    breaches.append(Breach(day.number, activity, rule.rule, rule.after))
    return breaches
