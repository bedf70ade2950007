"""What the calls ask of one person now, for their home page (`/me/`): reviews to score,
places waiting for their answer, and the visits they were given a place in."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, Call
from citypeers.programmes.models import Membership, Role, Visit


def calls_to_review(user, *, now=None) -> QuerySet[Call]:
    """Calls in their review phase (closed, decisions not published) where the person, still a
    reviewer of the programme, has assignments left to score; each with `to_score` and
    `assigned`. One query, whatever the number of calls."""
    now = now or timezone.now()
    mine = Q(applications__review_assignments__reviewer=user)
    reviewing = Membership.objects.filter(user=user, role=Role.REVIEWER).values("programme_id")
    return (
        Call.objects.filter(published_at__isnull=False, closes_at__lte=now)
        .filter(programme_id__in=reviewing)
        .exclude(selection_runs__published_at__isnull=False)
        .annotate(
            assigned=Count("applications__review_assignments", filter=mine),
            to_score=Count(
                "applications__review_assignments",
                filter=mine & Q(applications__review_assignments__completed_at=None),
            ),
        )
        .filter(to_score__gt=0)
        .select_related("programme")
        .order_by("closes_at", "pk")
    )


def places_to_answer(user) -> QuerySet[Application]:
    """Applications whose place waits for the person's answer, the most urgent first."""
    return (
        Application.objects.filter(applicant=user, outcome=Outcome.SELECTED)
        .select_related("call", "outcome_visit__programme")
        .order_by("respond_by", "pk")
    )


def visits_given_to(user) -> QuerySet[Visit]:
    """Visits the person has a place in: selected (waiting for their answer) or confirmed."""
    places = Application.objects.filter(
        applicant=user, outcome__in=[Outcome.SELECTED, Outcome.CONFIRMED]
    ).values("outcome_visit_id")
    return Visit.objects.filter(pk__in=places)
