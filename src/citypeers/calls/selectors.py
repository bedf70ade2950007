from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from citypeers.calls.models import Application, Call
from citypeers.programmes.models import Visit


def calls_by_state(now=None) -> list[tuple[str, list[Call]]]:
    """Open calls first (closing soonest first), then upcoming, then closed (latest first)."""
    now = now or timezone.now()
    calls = list(Call.objects.select_related("programme"))
    groups: dict[str, list[Call]] = {"open": [], "upcoming": [], "closed": []}
    for call in calls:
        groups[call.state(now)].append(call)
    groups["open"].sort(key=lambda call: call.closes_at)
    groups["upcoming"].sort(key=lambda call: call.opens_at)
    return list(groups.items())


def call_by_slug(*, slug: str, **_kwargs) -> Call:
    """The call of a URL's `slug`, or 404; the object the calls' permission checks use."""
    return get_object_or_404(Call, slug=slug)


def call_detail(slug: str) -> Call:
    visits = Visit.objects.select_related("host_place").order_by("starts_on")
    return (
        Call.objects.select_related("programme")
        .prefetch_related(Prefetch("visits", queryset=visits))
        .get(slug=slug)
    )


def application_of(call: Call, user) -> Application | None:
    return (
        Application.objects.prefetch_related("preferences__visit", "files")
        .filter(call=call, applicant=user)
        .first()
    )


def applications_of(user) -> list[Application]:
    return list(
        Application.objects.filter(applicant=user)
        .select_related("call__programme", "outcome_visit")
        .prefetch_related("preferences__visit")
        .order_by("-call__closes_at")
    )
