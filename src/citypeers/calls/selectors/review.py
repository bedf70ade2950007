"""Reading reviews: who reviews what, totals, means and disagreements."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q

from citypeers.calls.enums import DISAGREEMENT_POINTS
from citypeers.calls.models import Application, Call, Criterion, ReviewAssignment, Score
from citypeers.calls.selectors.eligibility import is_eligible
from citypeers.programmes.models import Membership, Role


def reviewers_of(call: Call) -> list:
    memberships = Membership.objects.filter(programme=call.programme, role=Role.REVIEWER)
    return sorted({m.user for m in memberships.select_related("user")}, key=lambda u: u.pk)


def reviewable_applications(call: Call) -> list[Application]:
    submitted = call.applications.filter(status=Application.Status.SUBMITTED)
    submitted = submitted.select_related("applicant", "organisation__place").order_by("pk")
    return [application for application in submitted if is_eligible(call, application)]


def review_total(assignment: ReviewAssignment, criteria: list[Criterion]) -> float | None:
    """The weighted score out of 100, once every criterion is scored."""
    values = {score.criterion_id: score.value for score in assignment.scores.all()}
    return _weighted_total(values, criteria)


def review_means(call: Call) -> dict[int, float]:
    """Application id -> the mean of its complete reviews' totals, as `results` gives it,
    read as plain values: the selection of a call of thousands needs no model objects."""
    criteria = list(call.criteria.all())
    values: dict[int, dict[int, int]] = {}
    application_of: dict[int, int] = {}
    scores = Score.objects.filter(assignment__application__call=call).values_list(
        "assignment_id", "assignment__application_id", "criterion_id", "value"
    )
    for assignment_id, application_id, criterion_id, value in scores:
        values.setdefault(assignment_id, {})[criterion_id] = value
        application_of[assignment_id] = application_id
    totals: dict[int, list[float]] = {}
    for assignment_id, by_criterion in values.items():
        total = _weighted_total(by_criterion, criteria)
        if total is not None:
            totals.setdefault(application_of[assignment_id], []).append(total)
    return {pk: round(sum(done) / len(done), 1) for pk, done in totals.items()}


def _weighted_total(values: dict[int, int], criteria: list[Criterion]) -> float | None:
    if not criteria or any(c.pk not in values for c in criteria):
        return None
    weight = sum(c.weight for c in criteria)
    total = sum(c.weight * Decimal(values[c.pk]) / c.scale_max for c in criteria)
    return round(float(total / weight * 100), 1)


@dataclass
class ApplicationResult:
    application: Application
    totals: list  # (reviewer, total or None)
    mean: float | None
    spread: float | None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT_POINTS


def review_results(call: Call) -> list[ApplicationResult]:
    """Every application under review, best mean first; unscored ones last."""
    criteria = list(call.criteria.all())
    applications = call.applications.filter(review_assignments__isnull=False).distinct()
    applications = applications.select_related("applicant", "organisation").prefetch_related(
        "review_assignments__scores", "review_assignments__reviewer"
    )
    rows = []
    for application in applications:
        totals = [
            (a.reviewer, review_total(a, criteria)) for a in application.review_assignments.all()
        ]
        done = [total for _reviewer, total in totals if total is not None]
        mean = round(sum(done) / len(done), 1) if done else None
        spread = round(max(done) - min(done), 1) if len(done) > 1 else None
        rows.append(ApplicationResult(application, totals, mean, spread))
    return sorted(rows, key=lambda r: (r.mean is None, -(r.mean or 0), r.application.pk))


def progress_by_reviewer(call: Call) -> list[tuple]:
    """(reviewer, assigned, done) for each reviewer with assignments in the call."""
    assignments = ReviewAssignment.objects.filter(application__call=call).select_related("reviewer")
    counts: dict = {}
    for assignment in assignments:
        assigned, done = counts.get(assignment.reviewer, (0, 0))
        counts[assignment.reviewer] = (assigned + 1, done + bool(assignment.completed_at))
    return sorted(((r, a, d) for r, (a, d) in counts.items()), key=lambda row: str(row[0]))


def assignments_of(call: Call, reviewer) -> list[ReviewAssignment]:
    return list(
        ReviewAssignment.objects.filter(application__call=call, reviewer=reviewer)
        .select_related("application__applicant")
        # Those still to score first, on every database (PostgreSQL sorts NULL last).
        .order_by(F("completed_at").asc(nulls_first=True), "pk")
    )


def is_reviewer_in(call: Call, user) -> bool:
    return ReviewAssignment.objects.filter(Q(application__call=call) & Q(reviewer=user)).exists()


def is_current_reviewer(user, programme_id: int) -> bool:
    """Whether the person is a reviewer of the programme today (a removed one is not)."""
    memberships = Membership.objects.filter(user=user, programme_id=programme_id)
    return memberships.filter(role=Role.REVIEWER).exists()


# The review's phases: before the call closes, between the close and the published decisions
# (the only time anyone scores), and after.
REVIEW_UPCOMING, REVIEW_OPEN, REVIEW_OVER = "upcoming", "open", "over"


def review_phase(call: Call, now=None) -> str:
    """Reviewers score from the call's close until its selection's decisions are published.

    A call without a selection run (host calls choose hosts one by one) stays open to review.
    """
    if not call.is_closed(now):  # a draft, or before its closing time
        return REVIEW_UPCOMING
    published = call.selection_runs.filter(published_at__isnull=False).exists()
    return REVIEW_OVER if published else REVIEW_OPEN


def reviews_missing(call: Call) -> int:
    """Reviews assigned in the call and not complete yet: what a selection run would do
    without (the applications concerned count with the scores they have)."""
    return ReviewAssignment.objects.filter(
        application__call=call,
        application__status=Application.Status.SUBMITTED,
        completed_at__isnull=True,
    ).count()
