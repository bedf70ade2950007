"""The planner's warnings about dates: visit days on weekends or public holidays, milestones
already past or falling on days off, each with the start that fixes it."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from citypeers.methodology.enums import Severity
from citypeers.methodology.selectors.plan_data import (
    Day,
    Fix,
    PlanRequest,
    Warning,
)
from citypeers.methodology.selectors.public_holidays import public_holidays


def long_date(date: datetime.date) -> str:
    return date_format(date, "l j F Y")


def _next_monday(date: datetime.date) -> datetime.date:
    return date + datetime.timedelta(days=(7 - date.weekday()) % 7)


def _off_days(codes, dates) -> dict[datetime.date, str]:
    """Weekend days and the public holidays of the countries `codes` among `dates`."""
    off = {}
    for code in codes:
        off |= public_holidays(code, dates)
    return off


def _working_start(request: PlanRequest, codes) -> datetime.date | None:
    """The earliest start after the asked one on which no visit day is a weekend day or a public
    holiday of the countries `codes`; None within four months."""
    for shift in range(1, 121):
        start = request.start + datetime.timedelta(days=shift)
        dates = [start + datetime.timedelta(days=n) for n in range(request.days)]
        if all(date.weekday() < 5 for date in dates) and not _off_days(codes, dates):
            return start
    return None


def _start_fix(request: PlanRequest, codes) -> Fix:
    start = _working_start(request, codes)
    if start is None:
        return Fix(_("Choose dates without weekend days or public holidays."))
    return Fix(
        _("Start on %(date)s, so every day of the visit is a working day.")
        % {"date": long_date(start)},
        {"start": start.isoformat()},
    )


def visit_day_warnings(request: PlanRequest, days: list[Day]) -> list[Warning]:
    """Visit days on a weekend or a public holiday of the host's country (important), or of a
    participant's country (minor, naming the country)."""
    if request.days > 5:
        return []
    host = [request.host_country] if request.host_country else []
    dates = [day.date for day in days]
    warnings = []
    weekend = [day for day in days if day.date.weekday() >= 5]
    if weekend:
        warnings.append(
            Warning(
                "weekend",
                _("Day %(day)s of the visit, %(date)s, is a weekend day.")
                % {"day": weekend[0].number, "date": long_date(weekend[0].date)},
                _start_fix(request, host),
                Severity.IMPORTANT,
            )
        )
    host_off = public_holidays(request.host_country, dates)
    for day in days:
        if day.date in host_off:
            warnings.append(
                Warning(
                    "holiday",
                    _(
                        "Day %(day)s of the visit, %(date)s, is %(holiday)s, a public holiday in "
                        "%(country)s."
                    )
                    % {
                        "day": day.number,
                        "date": long_date(day.date),
                        "holiday": host_off[day.date],
                        "country": countries.name(request.host_country),
                    },
                    _start_fix(request, host),
                    Severity.IMPORTANT,
                )
            )
    for code in request.countries:
        if code == request.host_country:
            continue
        for date, name in public_holidays(code, dates).items():
            warnings.append(
                Warning(
                    "holiday",
                    _(
                        "%(date)s is %(holiday)s, a public holiday in %(country)s: participants "
                        "from there may not be free."
                    )
                    % {"date": long_date(date), "holiday": name, "country": countries.name(code)},
                    _start_fix(request, [*host, code]),
                    Severity.MINOR,
                )
            )
    return warnings


def date_warnings(request: PlanRequest, dated: list, today: datetime.date) -> list[Warning]:
    warnings = []
    past = [milestone for milestone in dated if milestone.date < today]
    if past:
        # The earliest Monday start that puts every milestone today or later.
        shift = max((today - milestone.date).days for milestone in past)
        earliest = _next_monday(request.start + datetime.timedelta(days=shift))
        warnings.append(
            Warning(
                "past",
                ngettext(
                    "%(count)s milestone is already past: “%(step)s” on %(date)s.",
                    "%(count)s milestones are already past, the first being “%(step)s” on "
                    "%(date)s.",
                    len(past),
                )
                % {"count": len(past), "step": past[0].step.title, "date": long_date(past[0].date)},
                Fix(
                    _("Start the visit on %(date)s or later.") % {"date": long_date(earliest)},
                    {"start": earliest.isoformat()},
                ),
                Severity.BLOCKING,
            )
        )
    host = request.host_country
    for milestone in dated:
        holiday = public_holidays(host, [milestone.date]).get(milestone.date)
        if (milestone.date.weekday() < 5 and not holiday) or milestone.date < today:
            continue  # a working day, or already past: nothing to move
        moved = _working_day(milestone.date, host, later=milestone.step.offset_days > 0)
        if moved >= today:  # a weekend day today cannot move to yesterday's Friday
            message = (
                _("“%(step)s” falls on %(date)s, %(holiday)s.")
                % {
                    "step": milestone.step.title,
                    "date": long_date(milestone.date),
                    "holiday": holiday,
                }
                if holiday
                else _("“%(step)s” falls on %(date)s, a weekend.")
                % {"step": milestone.step.title, "date": long_date(milestone.date)}
            )
            warnings.append(
                Warning(
                    "holiday" if holiday else "weekend",
                    message,
                    Fix(_("Plan it for %(date)s.") % {"date": long_date(moved)}),
                    Severity.MINOR,
                )
            )
    return warnings


def _working_day(date: datetime.date, country: str, *, later: bool) -> datetime.date:
    """The nearest day before `date` (after, if `later`) that is neither a weekend day nor a
    public holiday of `country`."""
    step = datetime.timedelta(days=1 if later else -1)
    moved = date + step
    while moved.weekday() >= 5 or public_holidays(country, [moved]):
        moved += step
    return moved
