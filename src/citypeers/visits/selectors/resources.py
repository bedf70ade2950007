"""Which of a session's resources a reader sees: public ones for anyone reading the published
agenda, the visit's ones for its people, all of them for its team (`permissions.resource_reach`
says which reader is which)."""

from collections.abc import Sequence

from django.db.models import Prefetch, prefetch_related_objects

from citypeers.visits.enums import RESOURCES_SEEN_WITH, ResourceVisibility
from citypeers.visits.models import AgendaSession, SessionResource


def with_resources(
    sessions: Sequence[AgendaSession], *, reach: ResourceVisibility
) -> list[AgendaSession]:
    """`sessions`, each given `shown_resources`: those a reader of `reach` sees, in order; one
    query for them all, however many sessions a page shows."""
    shown = SessionResource.objects.filter(visibility__in=RESOURCES_SEEN_WITH[reach])
    sessions = list(sessions)
    prefetch_related_objects(
        sessions, Prefetch("resource_items", queryset=shown, to_attr="shown_resources")
    )
    return sessions


def resources_of(session: AgendaSession):
    """All of a session's resources, for its team's page."""
    return SessionResource.objects.filter(session=session)
