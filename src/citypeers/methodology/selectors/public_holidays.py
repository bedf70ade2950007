"""Public holidays by country, from the `holidays` package, named in the reader's language
where the package has it (else English)."""

import datetime
from functools import cache

import holidays
from django.utils.translation import get_language


@cache
def _language(code: str, language: str) -> str | None:
    supported = holidays.country_holidays(code).supported_languages
    for wanted in (language, f"{language}_", "en_GB", "en_US", "en"):
        if found := next((s for s in supported if s == wanted or s.startswith(wanted)), None):
            return found
    return None


@cache
def _calendar(code: str, year: int, language: str) -> dict[datetime.date, str]:
    try:
        days = holidays.country_holidays(code, years=year, language=_language(code, language))
    except NotImplementedError:  # a country the package does not cover
        return {}
    return dict(days.items())


def public_holidays(code: str, dates) -> dict[datetime.date, str]:
    """The public holidays of country `code` among `dates`, by date, with their names."""
    if not code:
        return {}
    language = (get_language() or "en").split("-")[0]
    found = {}
    for date in dates:
        if name := _calendar(code.upper(), date.year, language).get(date):
            found[date] = name
    return found
