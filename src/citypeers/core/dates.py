"""Dates and times for people, in the active language's formats: one helper for pages, mails
and exports (templates reach it through `{% load dates %}`).

The formats are Django's named formats, set per language in `citypeers/formats/` (European
everywhere: "8 Feb 2027" in English, "8 févr. 2027" in French). A time is always shown with its
time zone named, so "14:30" never leaves the reader guessing whose afternoon it is.
"""

import datetime
import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language

# Formats of our own (Django's get_format knows only its own names): name -> fallback.
OWN_FORMATS = {
    "WEEKDAY_DATE_FORMAT": "l j F Y",
    "SHORT_WEEKDAY_DATE_FORMAT": "D j M Y",
}
STYLES = {
    "long": "DATE_FORMAT",
    "short": "SHORT_DATE_FORMAT",
    "weekday": "WEEKDAY_DATE_FORMAT",
    "short_weekday": "SHORT_WEEKDAY_DATE_FORMAT",
}
DATETIME_STYLES = {
    "long": "DATETIME_FORMAT",
    "short": "SHORT_DATETIME_FORMAT",
    "weekday": "WEEKDAY_DATE_FORMAT",
    "short_weekday": "SHORT_WEEKDAY_DATE_FORMAT",
}


@lru_cache(maxsize=64)
def _own_format(name: str, language: str) -> str:
    for module in formats.iter_format_modules(language, settings.FORMAT_MODULE_PATH):
        if hasattr(module, name):
            return getattr(module, name)
    return OWN_FORMATS[name]


def _format_string(name: str) -> str:
    if name in OWN_FORMATS:
        return _own_format(name, get_language() or settings.LANGUAGE_CODE)
    return formats.get_format(name)


def _zone(zone) -> datetime.tzinfo:
    if zone is None or zone == "":
        return timezone.get_current_timezone()
    if isinstance(zone, datetime.tzinfo):
        return zone
    return zoneinfo.ZoneInfo(str(zone))


def zone_name(zone) -> str:
    """The zone as people recognise it: its IANA name ("Europe/Brussels", "UTC")."""
    tz = _zone(zone)
    return getattr(tz, "key", None) or str(tz)


def format_date(value, style: str = "long") -> str:
    """A date (or the local date of a datetime) in the active language: "8 February 2027"."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, _format_string(STYLES[style]))


def format_datetime(value, zone=None, style: str = "long") -> str:
    """A moment in the given zone (else the active one), named: "8 Feb 2027, 14:30 (UTC)"."""
    if value in (None, ""):
        return ""
    tz = _zone(zone)
    if timezone.is_aware(value):
        value = timezone.localtime(value, tz)
    shown = formats.date_format(value, _format_string(DATETIME_STYLES[style]))
    if style in ("weekday", "short_weekday"):
        shown = f"{shown}, {formats.time_format(value, 'TIME_FORMAT')}"
    return f"{shown} ({zone_name(tz)})"


def format_time(value, zone=None) -> str:
    """The time of day of a moment in the given zone, the zone named: "14:30 (Europe/Paris)"."""
    if value in (None, ""):
        return ""
    tz = _zone(zone)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value, tz)
    return f"{formats.time_format(value, 'TIME_FORMAT')} ({zone_name(tz)})"


def format_number(value, decimal_pos: int | None = None) -> str:
    """A number with the active language's separators, thousands grouped: "12,500" / "12 500"."""
    if value in (None, ""):
        return ""
    return formats.number_format(value, decimal_pos=decimal_pos, force_grouping=True)
