"""A visit's public page, its plan, and the planner's address that plans it as it stands."""

from urllib.parse import urlencode

from citypeers.places.countries import country_zone
from citypeers.programmes.models import Visit


def visit_for_page(programme_slug: str, visit_slug: str) -> Visit:
    return (
        Visit.objects.select_related(
            "programme", "host_place", "plan__template_version__template", "plan__practice"
        )
        .prefetch_related("sessions__format")
        .get(programme__slug=programme_slug, slug=visit_slug)
    )


def plan_of(visit: Visit):
    try:
        return visit.plan
    except Visit.plan.RelatedObjectDoesNotExist:
        return None


def published_sessions(visit: Visit) -> list:
    """The sessions the public sees: none before the agenda is published, never cancelled ones
    (from the prefetched sessions of `visit_for_page`)."""
    plan = plan_of(visit)
    if plan is None or not plan.agenda_published:
        return []
    return [session for session in visit.sessions.all() if session.cancelled_at is None]


def planner_query(visit: Visit) -> str:
    """The planner's parameters (a query string) that plan this visit as it stands (mode, first
    day, number of days, host's zone, topic), and `visit`, naming it for the planner's "give
    this plan" button."""
    query = {"mode": visit.mode, "topic": visit.title[:200]}  # a topic is 200 at most
    if visit.starts_on:
        query["start"] = visit.starts_on.isoformat()
        if visit.ends_on and visit.ends_on >= visit.starts_on:
            query["days"] = str((visit.ends_on - visit.starts_on).days + 1)
    if zone := country_zone(visit.host_place.country.code):
        query["host_tz"] = zone
    return urlencode(query | {"visit": str(visit.pk)})
