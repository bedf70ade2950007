"""Visits as the API shows them: the public sees those whose agenda is published, with that
agenda and its public resources; a token also sees its programme's other visits, with their
draft agenda and every resource (team-only ones too). No person is named."""

import datetime

from django.db.models import Prefetch, Q, QuerySet

from citypeers.api.selectors.scope import Scope
from citypeers.programmes.models import Visit
from citypeers.visits.enums import RESOURCES_SEEN_WITH, ResourceVisibility
from citypeers.visits.models import AgendaSession, SessionResource

PUBLISHED = Q(plan__agenda_published=True)


def visits_for_api(
    *,
    scope: Scope,
    programme: str = "",
    theme: str = "",
    country: str = "",
    mode: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Visit]:
    visits = Visit.objects.filter(scope.or_own(PUBLISHED))
    if programme:
        visits = visits.filter(programme__slug=programme)
    if theme:
        visits = visits.filter(
            pk__in=Visit.themes.through.objects.filter(theme__slug=theme).values("visit_id")
        )
    if country:
        visits = visits.filter(host_place__country=country.upper())
    if mode:
        visits = visits.filter(mode=mode)
    if date_from:  # visits not over by then
        visits = visits.filter(
            Q(ends_on__gte=date_from) | Q(ends_on=None, starts_on__gte=date_from)
        )
    if date_to:  # visits begun by then
        visits = visits.filter(starts_on__lte=date_to)
    return (
        visits.select_related("programme", "host_place", "plan")
        .prefetch_related("themes")
        .order_by("starts_on", "pk")
    )


def visit_for_api(*, scope: Scope, programme: str, visit: str) -> Visit:
    """One visit with its agenda as `scope` sees it (sessions given `api_resources`)."""
    found = visits_for_api(scope=scope).get(programme__slug=programme, slug=visit)
    reach = (
        ResourceVisibility.TEAM
        if found.programme_id == scope.programme_id
        else (ResourceVisibility.PUBLIC)
    )
    resources = SessionResource.objects.filter(visibility__in=RESOURCES_SEEN_WITH[reach])
    sessions = (
        AgendaSession.objects.filter(visit=found, cancelled_at=None)
        .select_related("format")
        .prefetch_related(Prefetch("resource_items", queryset=resources, to_attr="api_resources"))
        .order_by("starts_at", "pk")
    )
    found.api_sessions = list(sessions)
    return found
