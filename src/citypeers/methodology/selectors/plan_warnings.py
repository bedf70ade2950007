"""What the planner warns about in a plan, each warning with a fix.

Sessions outside working hours in a participant country's zone, formats whose group size does
not fit, online days over the daily limit or too short for their formats, sessions left out for
time, a card's placement rule broken, visit days and milestones on a weekend or a public holiday
of the host's country (the fix moves them to a working day), visit days on a public holiday of a
participant's country, milestones already past. Each has a severity: blocking (the plan
cannot be held as it is), important (it can, but people will struggle) or minor (a date to
nudge); the most severe come first.
"""

import datetime
import math
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from citypeers.methodology.enums import PlacementRule, Severity
from citypeers.methodology.selectors.placement import placement_breaches, rule_text
from citypeers.methodology.selectors.plan_data import (
    Day,
    Fix,
    FormatInfo,
    Placement,
    PlanRequest,
    PlanTemplate,
    Warning,
)
from citypeers.methodology.selectors.plan_date_warnings import (
    date_warnings,
    visit_day_warnings,
)
from citypeers.optim.timeslots import Participant, evaluate, rank_start_times
from citypeers.optim.zones import main_zone

WORKING_HOURS = (datetime.time(9), datetime.time(18))


def _participant_zones(countries) -> list[Participant]:
    zones = []
    for code in countries:
        if name := main_zone(code):
            zones.append(Participant(code, ZoneInfo(name), *WORKING_HOURS, frozenset()))
    return zones


def _time_zone_warning(request: PlanRequest, days: list[Day], zone: ZoneInfo) -> list[Warning]:
    """Online and hybrid only: onsite, everyone is in the host's zone."""
    people = _participant_zones(request.countries)
    held = [day for day in days if day.sessions]
    if request.mode == "onsite" or not people or not held:
        return []
    span = max((day.sessions[-1].ends - day.sessions[0].starts) for day in held)
    longest = round(span.total_seconds() / 60)
    local_start = held[0].sessions[0].starts.time()
    dates = [day.date for day in held]
    current = evaluate(people, dates, longest, local_start, clock=zone)
    if not current.outside:
        return []
    late = sorted({item.participant for item in current.outside})
    ranked = rank_start_times(people, dates, longest, 15, clock=zone)
    best = ranked[0]
    if best.inside == len(people):
        # Of the times that suit everyone, the one nearest to what was asked.
        fitting = [c for c in ranked if c.inside == len(people)]
        asked = local_start.hour * 60 + local_start.minute
        best = min(fitting, key=lambda c: abs(c.start_utc.hour * 60 + c.start_utc.minute - asked))
        fix = Fix(
            _(
                "Start at %(time)s (%(zone)s) instead: inside 09:00 to 18:00 for every country on "
                "every day, daylight-saving changes included."
            )
            % {"time": best.start_utc.strftime("%H:%M"), "zone": request.host_tz},
            {"time": best.start_utc.strftime("%H:%M")},
        )
    else:
        fix = Fix(
            _("No start time suits every country; %(time)s (%(zone)s) suits the most.")
            % {"time": best.start_utc.strftime("%H:%M"), "zone": request.host_tz},
            {"time": best.start_utc.strftime("%H:%M")},
        )
    return [
        Warning(
            "time_zones",
            _(
                "The sessions fall outside 09:00 to 18:00 local time for participants from "
                "%(countries)s."
            )
            % {"countries": ", ".join(countries.name(code) for code in late)},
            fix,
            Severity.IMPORTANT,
        )
    ]


def _replacement(template: PlanTemplate, activity: FormatInfo, request: PlanRequest):
    """A format of the same stage that works in the mode for the planned headcount."""
    return next(
        (
            other
            for other in template.formats
            if other.slug != activity.slug
            and other.stage == activity.stage
            and request.mode in other.modes
            and other.min_group <= request.participants <= other.max_group
        ),
        None,
    )


def _group_warnings(template: PlanTemplate, request: PlanRequest, days) -> list[Warning]:
    warnings, seen = [], set()
    for day in days:
        for session in day.sessions:
            activity = session.format
            if activity.slug in seen:
                continue
            if request.participants < activity.min_group:
                seen.add(activity.slug)
                other = _replacement(template, activity, request)
                warnings.append(
                    Warning(
                        "group_size",
                        # Fewer planned than the format's fewest: only the count can be 1.
                        ngettext(
                            "%(format)s needs at least %(min)s people; %(count)s is planned.",
                            "%(format)s needs at least %(min)s people; %(count)s are planned.",
                            request.participants,
                        )
                        % {
                            "format": activity.name,
                            "min": activity.min_group,
                            "count": request.participants,
                        },
                        Fix(
                            ngettext(
                                "Invite at least %(min)s participant, or use %(other)s instead, "
                                "which serves the same purpose for %(low)s to %(high)s people.",
                                "Invite at least %(min)s participants, or use %(other)s instead, "
                                "which serves the same purpose for %(low)s to %(high)s people.",
                                activity.min_group,
                            )
                            % {
                                "min": activity.min_group,
                                "other": other.name,
                                "low": other.min_group,
                                "high": other.max_group,
                            }
                            if other
                            else ngettext(
                                "Invite at least %(min)s participant.",
                                "Invite at least %(min)s participants.",
                                activity.min_group,
                            )
                            % {"min": activity.min_group},
                            {"participants": activity.min_group},
                        ),
                        Severity.BLOCKING,  # the format cannot be run at all
                    )
                )
            elif session.groups > 1:
                seen.add(activity.slug)
                size = math.ceil(request.participants / session.groups)
                fits = size >= activity.min_group
                warnings.append(
                    Warning(
                        "group_size",
                        ngettext(
                            "%(format)s works for %(min)s to %(max)s people; %(count)s is planned.",
                            "%(format)s works for %(min)s to %(max)s people; "
                            "%(count)s are planned.",
                            request.participants,
                        )
                        % {
                            "format": activity.name,
                            "min": activity.min_group,
                            "max": activity.max_group,
                            "count": request.participants,
                        },
                        Fix(
                            ngettext(
                                "Run it in %(groups)s parallel group of about %(size)s, with "
                                "a facilitator.",
                                "Run it in %(groups)s parallel groups of about %(size)s, each with "
                                "a facilitator.",
                                session.groups,
                            )
                            % {"groups": session.groups, "size": size}
                            if fits
                            else _("Plan fewer participants."),
                            {} if fits else {"participants": activity.max_group},
                        ),
                        Severity.IMPORTANT if fits else Severity.BLOCKING,
                    )
                )
    return warnings


def _daily_limit_warnings(template: PlanTemplate, request: PlanRequest, days) -> list[Warning]:
    limit = template.daily_minutes_max
    if request.mode == "onsite" or not limit:
        return []
    warnings = []
    asked = request.minutes or 0
    over = [day for day in days if day.span > limit]
    if asked > limit or over:
        longest = max([asked, *(day.span for day in over)])
        more_days = request.days < template.max_days
        warnings.append(
            Warning(
                "daily_limit",
                # More than the limit: only the limit can be 1.
                ngettext(
                    "Sessions of %(minutes)s minutes a day are more than the %(limit)s minute "
                    "people can follow well online.",
                    "Sessions of %(minutes)s minutes a day are more than the %(limit)s minutes "
                    "people can follow well online.",
                    limit,
                )
                % {"minutes": longest, "limit": limit},
                Fix(
                    (
                        ngettext(
                            "Keep each day to %(limit)s minute and add a day.",
                            "Keep each day to %(limit)s minutes and add a day.",
                            limit,
                        )
                        if more_days
                        else ngettext(
                            "Keep each day to %(limit)s minute.",
                            "Keep each day to %(limit)s minutes.",
                            limit,
                        )
                    )
                    % {"limit": limit},
                    {"minutes": limit, **({"days": request.days + 1} if more_days else {})},
                ),
                Severity.IMPORTANT,
            )
        )
    if asked and asked <= limit:
        for day in days:
            if day.span > asked:
                warnings.append(
                    Warning(
                        "daily_limit",
                        # More needed than asked: only the minutes asked can be 1.
                        ngettext(
                            "Day %(day)s needs at least %(need)s minutes for its formats; "
                            "%(minutes)s is planned.",
                            "Day %(day)s needs at least %(need)s minutes for its formats; "
                            "%(minutes)s are planned.",
                            asked,
                        )
                        % {"day": day.number, "need": day.span, "minutes": asked},
                        Fix(
                            ngettext(
                                "Plan %(need)s minute a day.",
                                "Plan %(need)s minutes a day.",
                                min(day.span, limit),
                            )
                            % {"need": min(day.span, limit)},
                            {"minutes": min(day.span, limit)},
                        ),
                        Severity.IMPORTANT,
                    )
                )
                break
    return warnings


def _placement_fix(breach, count: int, names: dict[str, str]) -> str:
    texts = {
        PlacementRule.OPENS_VISIT: _("Make it the first session of day 1."),
        PlacementRule.CLOSES_DAY: _("Make it the last session of its day."),
        PlacementRule.CLOSES_VISIT: _("Make it the last session of the last day."),
        PlacementRule.NOT_FIRST_DAY: _("Move it to a later day in the template."),
        PlacementRule.NOT_LAST_DAY: _("Move it to an earlier day in the template."),
        PlacementRule.PENULTIMATE_DAY: _(
            "Put it on the day before the last (day %(day)s) in the template."
        )
        % {"day": count - 1},
        PlacementRule.RIGHT_AFTER: _("Put it right after %(format)s in the template.")
        % {"format": names.get(breach.after, breach.after)},
        PlacementRule.NOT_AFTER_LUNCH_LAST_DAY: _(
            "Shorten or move the sessions before it, so that it ends before lunch."
        ),
    }
    return texts.get(breach.rule, "")


def _placement_warnings(template: PlanTemplate, request: PlanRequest, days) -> list[Warning]:
    """The cards' placement rules and lengths a day still breaks, one warning each."""
    names = {activity.slug: activity.name for activity in template.formats}
    warnings = []
    for breach in placement_breaches(days, request.mode):
        activity = breach.format
        if breach.rule == "minutes":
            session = next(
                s for s in days[breach.day - 1].sessions if s.format.slug == activity.slug
            )
            message = _(
                "Day %(day)s: %(format)s runs %(minutes)s min; its card says %(low)s to %(high)s."
            ) % {
                "day": breach.day,
                "format": activity.name,
                "minutes": session.minutes,
                "low": activity.min_minutes,
                "high": activity.max_minutes,
            }
            fix = _("Give it %(low)s to %(high)s minutes in the template.") % {
                "low": activity.min_minutes,
                "high": activity.max_minutes,
            }
        else:
            message = _("Day %(day)s: %(format)s breaks its card's rule: %(rule)s") % {
                "day": breach.day,
                "format": activity.name,
                "rule": rule_text(Placement(breach.rule, breach.after), names),
            }
            fix = _placement_fix(breach, len(days), names)
        warnings.append(Warning("placement", message, Fix(fix), Severity.IMPORTANT))
    return warnings


def _left_out_warnings(template: PlanTemplate, request: PlanRequest, days) -> list[Warning]:
    """Sessions the minutes asked could not hold: the first such day, with the minutes that
    would keep them."""
    short = [day for day in days if day.left_out]
    if not short or not request.minutes:
        return []
    day = short[0]
    need = request.minutes + sum(activity.min_minutes for activity in day.left_out)
    breaks = lambda minutes: max(0, math.ceil(minutes / 90) - 1)  # noqa: E731 as the planner
    need = math.ceil((need + 10 * (breaks(need) - breaks(request.minutes))) / 5) * 5
    limit = template.daily_minutes_max
    fits = not limit or need <= limit
    return [
        Warning(
            "left_out",
            _("Day %(day)s leaves out %(formats)s to keep to the %(minutes)s minutes asked.")
            % {
                "day": day.number,
                "formats": ", ".join(activity.name for activity in day.left_out),
                "minutes": request.minutes,
            },
            Fix(
                _("Plan about %(need)s minutes a day to keep them.") % {"need": need}
                if fits
                else _("Add a day, or keep the shorter day."),
                {"minutes": need} if fits else {},
            ),
            Severity.MINOR,
        )
    ]


def plan_warnings(
    template: PlanTemplate,
    request: PlanRequest,
    days: list[Day],
    dated: list,
    *,
    zone: ZoneInfo,
    today: datetime.date,
) -> list[Warning]:
    """Every warning for the plan's agenda `days` and milestones `dated`, in the order shown:
    the most severe first, and in this order within a severity."""
    warnings = [
        *_time_zone_warning(request, days, zone),
        *_group_warnings(template, request, days),
        *_daily_limit_warnings(template, request, days),
        *_left_out_warnings(template, request, days),
        *_placement_warnings(template, request, days),
        *visit_day_warnings(request, days),
        *date_warnings(request, dated, today),
    ]
    ranks = {severity: rank for rank, severity in enumerate(Severity)}
    return sorted(warnings, key=lambda warning: ranks[warning.severity])
