"""A visit's sessions as an RFC 5545 calendar (a `.ics` file or a subscription feed).

In: a `SessionCalendar`, plain data the caller builds from its models: the calendar's name and
its `CalendarSession`s, each with a stable key, its texts, aware start and end, the IANA zone to
write them in, the room's `location` and `url` only if the reader may see the room, its
`sequence`, whether it is cancelled, and when it last changed. Out: `calendar_ics` returns the
bytes of one VCALENDAR (METHOD:PUBLISH) with a VEVENT per session and a VTIMEZONE per zone used,
spanning only the years of that zone's sessions.

A calendar client recognises a session by its UID (`<key>@<SITE_URL's host>`, the same in every
build) and takes a copy as newer only if its SEQUENCE is higher: callers raise `sequence` when
`calendar_changes` names a change, and keep the key and the session (cancelled, not dropped)
once published. Texts are cleaned here so that no value can end its line and start a property
of its own: one-line values lose their line breaks, the description keeps its line breaks
(icalendar escapes them), control characters go, and a URL that is not a plain http(s) address
is left out.
"""

import datetime
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event, Timezone, vDuration, vText

from citypeers.core.text import one_line, without_controls

# Subscribed clients that honour it (Apple, Thunderbird, Outlook) check for changes this often.
REFRESH = datetime.timedelta(hours=4)
# What a session key may hold: it becomes the UID, so it must stay a plain token.
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# The fields of a session a calendar must show again when they change (RFC 5546 §2.1.4 counts
# start, end and status; the summary and the room are what the reader looks at).
_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
CALENDAR_FIELDS = ("starts", "ends", "summary", "location", "url", "cancelled")


@dataclass(frozen=True)
class CalendarSession:
    key: str  # stable across builds, e.g. "visit-12-session-34"
    summary: str
    description: str
    starts: datetime.datetime  # aware
    ends: datetime.datetime  # aware, after starts
    zone: str  # IANA name the times are written in, e.g. "Europe/Brussels"
    modified: datetime.datetime  # aware: when the session last changed
    location: str = ""  # only for readers allowed to see the room
    url: str = ""  # only for readers allowed to see the room
    sequence: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class SessionCalendar:
    name: str
    sessions: Sequence[CalendarSession]


def calendar_ics(calendar: SessionCalendar, *, now: datetime.datetime | None = None) -> bytes:
    """The calendar as RFC 5545 bytes; `now` (aware, default the clock) is every DTSTAMP.

    Raises ValueError for a session the caller built wrong (a key that is not a plain token or
    is used twice, naive times, an end not after the start, an unknown zone, a negative
    sequence): a feed must not quietly lose a session."""
    now = now or datetime.datetime.now(datetime.UTC)
    host = urlsplit(settings.SITE_URL).hostname or "citypeers"
    name = one_line(calendar.name)
    ical = Calendar()
    ical.add("prodid", "-//citypeers//visit calendar//EN")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("method", "PUBLISH")
    # As TEXT, escaped: icalendar would write these two as they come.
    ical.add("name", vText(name))  # RFC 7986
    ical.add("x-wr-calname", vText(name))  # what Apple, Google and Outlook show
    ical.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})  # RFC 7986
    ical.add("x-published-ttl", vDuration(REFRESH))  # Outlook's older name for it
    years: dict[str, set[int]] = {}
    keys: set[str] = set()
    for session in calendar.sessions:
        zone = _checked(session, keys)
        starts, ends = session.starts.astimezone(zone), session.ends.astimezone(zone)
        years.setdefault(session.zone, set()).update((starts.year, ends.year))
        ical.add_component(
            _event(session, starts=starts, ends=ends, uid=f"{session.key}@{host}", now=now)
        )
    # UTC needs no VTIMEZONE (its times end in Z); every other zone gets one for its own years.
    for tzid in sorted(ical.get_missing_tzids()):
        ical.add_component(
            Timezone.from_tzinfo(
                zoneinfo.ZoneInfo(tzid),
                tzid=tzid,
                first_date=datetime.date(min(years[tzid]), 1, 1),
                last_date=datetime.date(max(years[tzid]) + 1, 1, 1),
            )
        )
    # VTIMEZONEs first, as RFC 5545's examples and older clients expect.
    ical.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    return ical.to_ical()


def calendar_changes(before: CalendarSession, after: CalendarSession) -> tuple[str, ...]:
    """Which of CALENDAR_FIELDS differ between two snapshots of a session, as a calendar would
    show them (times as instants, texts as written); empty when SEQUENCE should stay."""
    shown_before, shown_after = _shown(before), _shown(after)
    return tuple(field for field in CALENDAR_FIELDS if shown_before[field] != shown_after[field])


def _checked(session: CalendarSession, keys: set[str]) -> zoneinfo.ZoneInfo:
    if not _KEY.fullmatch(session.key):
        raise ValueError(f"session key {session.key!r} is not a plain token")
    if session.key in keys:
        raise ValueError(f"session key {session.key!r} is used twice")
    keys.add(session.key)
    for field in ("starts", "ends", "modified"):
        if getattr(session, field).utcoffset() is None:
            raise ValueError(f"session {session.key}: {field} is naive")
    if session.ends <= session.starts:
        raise ValueError(f"session {session.key}: ends is not after starts")
    if session.sequence < 0:
        raise ValueError(f"session {session.key}: sequence is negative")
    try:
        return zoneinfo.ZoneInfo(session.zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ValueError(f"session {session.key}: unknown zone {session.zone!r}") from None


def _event(
    session: CalendarSession,
    *,
    starts: datetime.datetime,
    ends: datetime.datetime,
    uid: str,
    now: datetime.datetime,
) -> Event:
    shown = _shown(session)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("dtstart", starts)  # icalendar writes TZID=<zone>, or Z for UTC
    event.add("dtend", ends)
    event.add("sequence", session.sequence)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    event.add("summary", shown["summary"])
    if description := _multiline(session.description):
        event.add("description", description)
    if shown["location"]:
        event.add("location", shown["location"])
    if shown["url"]:
        event.add("url", shown["url"])
    event.add("last-modified", session.modified.astimezone(datetime.UTC))
    return event


def _shown(session: CalendarSession) -> dict:
    """The fields a calendar shows, as this module writes them."""
    return {
        "starts": session.starts,  # aware datetimes compare as instants
        "ends": session.ends,
        "summary": one_line(session.summary),
        "location": one_line(session.location),
        "url": _web_address(session.url),
        "cancelled": session.cancelled,
    }


def _multiline(text: str) -> str:
    """`text` with its line breaks, whichever kind, as "\\n" (icalendar escapes those)."""
    return without_controls(_BREAKS.sub("\n", text)).strip()


def _web_address(url: str) -> str:
    """`url` if it is one plain http(s) address, else "" (a calendar link must open a page)."""
    url = url.strip()
    if not url or re.search(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]", url):
        return ""
    try:
        parts = urlsplit(url)
        return url if parts.scheme in ("http", "https") and parts.hostname else ""
    except ValueError:  # such as an unclosed IPv6 bracket
        return ""
