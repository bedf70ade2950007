"""Calls and applications as pages show them; published runs."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.placements import run_capacities
from citypeers.programmes.models import Visit
from citypeers.programmes.selectors import programmes_coordinated_by


def calls_visible_to(viewer) -> QuerySet[Call]:
    """Public calls, and the drafts of the programmes `viewer` coordinates (every draft for
    staff): a draft does not exist for anyone else."""
    public = Q(published_at__isnull=False)
    if viewer is None or not viewer.is_authenticated:
        return Call.objects.filter(public)
    drafts = Q(published_at__isnull=True, programme__in=programmes_coordinated_by(viewer))
    return Call.objects.filter(public | drafts)


def calls_by_state(now=None, *, viewer=None) -> list[tuple[str, list[Call]]]:
    """Open calls first (closing soonest first), then upcoming, then closed (latest first);
    then the drafts `viewer` may open, when there are any."""
    now = now or timezone.now()
    calls = list(calls_visible_to(viewer).select_related("programme"))
    groups: dict[str, list[Call]] = {"open": [], "upcoming": [], "closed": [], "draft": []}
    for call in calls:
        groups[call.state(now)].append(call)
    groups["open"].sort(key=lambda call: call.closes_at)
    groups["upcoming"].sort(key=lambda call: call.opens_at)
    groups["draft"].sort(key=lambda call: call.created_at, reverse=True)
    if not groups["draft"]:
        del groups["draft"]
    return list(groups.items())


def call_by_slug(*, slug: str, **_kwargs) -> Call:
    """The call of a URL's `slug`, or 404; the object the calls' permission checks use."""
    return get_object_or_404(Call, slug=slug)


def call_detail(slug: str, *, viewer=None) -> Call:
    """The call of a public page; Call.DoesNotExist for a draft `viewer` may not see."""
    visits = Visit.objects.select_related("host_place").order_by("starts_on")
    return (
        calls_visible_to(viewer)
        .select_related("programme")
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
        .select_related("call__programme", "outcome_visit__programme")
        .prefetch_related("preferences__visit__programme", "call__visits")
        .order_by("-call__closes_at")
    )


def published_run(call: Call):
    """The run whose decisions applicants were sent, if any."""
    return call.selection_runs.filter(published_at__isnull=False).first()


def published_places(call: Call, run) -> list[dict]:
    """After publishing `run`: for each visit, who holds, awaits, declined and waits."""
    if run is None:
        return []
    capacities = run_capacities(run)
    people = (
        call.applications.exclude(outcome="")
        .exclude(outcome_visit=None)
        .select_related("applicant")
        .order_by("waiting_position", "applicant__display_name")
    )
    by_visit: dict[int, dict[str, list]] = {}
    for application in people:
        by_visit.setdefault(application.outcome_visit_id, {}).setdefault(
            application.outcome, []
        ).append(application)
    rows = []
    for visit in call.visits.select_related("programme").order_by("starts_on", "pk"):
        groups = by_visit.get(visit.pk, {})
        holding = len(groups.get("confirmed", [])) + len(groups.get("selected", []))
        rows.append(
            {
                "visit": visit,
                "places": capacities.get(str(visit.pk), 0),
                "open": max(capacities.get(str(visit.pk), 0) - holding, 0),
                **{
                    outcome: groups.get(outcome, [])
                    for outcome in ("confirmed", "selected", "declined", "waitlisted")
                },
            }
        )
    return rows
