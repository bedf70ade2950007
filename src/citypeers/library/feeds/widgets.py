"""What the embeddable widgets list: upcoming announced visits and open calls, narrowed by
programme, theme and host or eligible country (the same public reads as the feeds)."""

import datetime

from citypeers.calls.models import Call
from citypeers.library.feeds.public import calls_open, visits_upcoming
from citypeers.programmes.models import Visit


def widget_visits(
    *, programme: str, theme: str, country: str, limit: int, today: datetime.date | None = None
) -> list[Visit]:
    visits = visits_upcoming(today=today)
    if programme:
        visits = visits.filter(programme__slug=programme)
    if theme:
        visits = visits.filter(themes__slug=theme).distinct()
    if country:
        visits = visits.filter(host_place__country=country)
    return list(visits[:limit])


def _call_themes(call: Call) -> set[str]:
    themes = {theme.slug for theme in call.programme.themes.all()}
    return themes | {theme.slug for visit in call.visits.all() for theme in visit.themes.all()}


def widget_calls(
    *, programme: str, theme: str, country: str, limit: int, now: datetime.datetime | None = None
) -> list[Call]:
    """Open calls; a call with no eligible country listed is open to every country. Open calls
    are few, so theme and country are checked here, the same way on both databases."""
    calls = calls_open(now=now)
    if programme:
        calls = calls.filter(programme__slug=programme)
    found = []
    for call in calls:
        if theme and theme not in _call_themes(call):
            continue
        if country and call.eligible_countries and country not in call.eligible_countries:
            continue
        found.append(call)
        if len(found) == limit:
            break
    return found
