"""A visit as a schema.org `Event`, the JSON-LD its public page carries for search engines and
calendars: name, dates (the first session's start and the last one's end once the agenda is
published, else the visit's days), how one attends, where (the host place, or the visit's page
as its virtual location: never a room link), who organises it and what it is about.

The JSON is escaped as Django's `json_script` escapes it (`<`, `>` and `&` as \\u escapes), so
no title can close the `<script type="application/ld+json">` element. The CSP does not apply:
a script element of a type that is not JavaScript is a data block, never run (HTML, "prepare
the script element"), so it needs no nonce.
"""

import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from citypeers.programmes.models import Visit
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.feeds import visit_zone
from citypeers.visits.selectors.pages import plan_of

SCHEMA = "https://schema.org"
ATTENDANCE = {
    Visit.Mode.ONSITE: f"{SCHEMA}/OfflineEventAttendanceMode",
    Visit.Mode.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    Visit.Mode.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}


def visit_event(visit: Visit, *, sessions: list[AgendaSession]) -> dict:
    """The schema.org `Event` for the visit; `sessions` are its published ones."""
    page = settings.SITE_URL + reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    event = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": visit.title,
        "url": page,
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": ATTENDANCE.get(visit.mode, ATTENDANCE[Visit.Mode.ONLINE]),
        "organizer": {
            "@type": "Organization",
            "name": visit.programme.name,
            "url": settings.SITE_URL + visit.programme.get_absolute_url(),
        },
        "description": visit_about(visit),
    }
    if sessions:
        local = ZoneInfo(visit_zone(visit))
        event["startDate"] = min(s.starts_at for s in sessions).astimezone(local).isoformat()
        event["endDate"] = max(s.ends_at for s in sessions).astimezone(local).isoformat()
    elif visit.starts_on:
        event["startDate"] = visit.starts_on.isoformat()
        event["endDate"] = (visit.ends_on or visit.starts_on).isoformat()
    place = {
        "@type": "Place",
        "name": visit.host_place.name,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": visit.host_place.name,
            "addressCountry": visit.host_place.country.code,
        },
    }
    online = {"@type": "VirtualLocation", "url": page}
    event["location"] = {
        Visit.Mode.ONSITE: place,
        Visit.Mode.HYBRID: [place, online],
    }.get(visit.mode, online)
    return event


def visit_about(visit: Visit) -> str:
    """What the visit is about, in a sentence: its plan's topic, else the practice it shows,
    else where it takes place."""
    plan = plan_of(visit)
    if plan is not None and plan.topic:
        return plan.topic
    if plan is not None and plan.practice_id:
        return plan.practice.title
    return _("A peer-learning visit to %(place)s, in the programme %(programme)s.") % {
        "place": visit.host_place.name,
        "programme": visit.programme.name,
    }


def event_json(event: dict) -> SafeString:
    """The JSON to put inside `<script type="application/ld+json">`, escaped as `json_script`."""
    return mark_safe(json.dumps(event, ensure_ascii=False).translate(_json_script_escapes))  # noqa: S308 (escaped above)
