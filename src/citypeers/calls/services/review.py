"""Reviewing: assigning reviewers with even loads, scores, conflicts, the rubric."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.calls.models import Application, Call, Conflict, Criterion, ReviewAssignment, Score
from citypeers.calls.selectors.review import (
    REVIEW_OPEN,
    review_phase,
    reviewable_applications,
    reviewers_of,
)
from citypeers.core.audit import log_action
from citypeers.core.errors import CallError
from citypeers.programmes.models import Membership, Role


def _allowed(reviewer, application: Application, conflicts: set) -> bool:
    """Never one's own application, one's own organisation's, or a declared conflict."""
    same_organisation = (
        reviewer.organisation_id is not None
        and reviewer.organisation_id == application.organisation_id
    )
    declared = (reviewer.pk, application.pk) in conflicts or (
        (reviewer.pk, ("organisation", application.organisation_id)) in conflicts
    )
    return reviewer.pk != application.applicant_id and not same_organisation and not declared


@dataclass
class AssignmentReport:
    created: int = 0
    short: list = field(default_factory=list)  # applications that lack reviewers


def reviewers_assign(*, call: Call, by) -> AssignmentReport:
    """Tops every reviewable application up to the call's number of reviewers, giving each
    place to the allowed reviewer with the fewest applications so far. Everything is read
    under the call's lock, so a second click waits and finds the places already given."""
    report, new = AssignmentReport(), []
    with transaction.atomic():
        Call.objects.select_for_update().only("pk").get(pk=call.pk)
        reviewers = reviewers_of(call)
        existing = ReviewAssignment.objects.filter(application__call=call)
        load = Counter(existing.values_list("reviewer_id", flat=True))
        have: dict[int, set] = {}
        for application_id, reviewer_id in existing.values_list("application_id", "reviewer_id"):
            have.setdefault(application_id, set()).add(reviewer_id)
        conflicts = _conflicts(call)
        for application in reviewable_applications(call):
            taken = have.get(application.pk, set())
            need = call.reviewers_per_application - len(taken)
            candidates = [
                r for r in reviewers if r.pk not in taken and _allowed(r, application, conflicts)
            ]
            candidates.sort(key=lambda r: (load[r.pk], r.pk))
            for reviewer in candidates[: max(need, 0)]:
                new.append(ReviewAssignment(application=application, reviewer=reviewer))
                load[reviewer.pk] += 1
            if len(candidates) < need:
                report.short.append(application)
        ReviewAssignment.objects.bulk_create(new)
        log_action(call, "review.assigned", by=by, changes={"assignments": len(new)})
        _notify_reviewers(call, {assignment.reviewer.pk for assignment in new})
    report.created = len(new)
    return report


def _notify_reviewers(call: Call, reviewer_ids: set[int]) -> None:
    """One mail to each reviewer given new applications, once the assignments are saved."""
    from citypeers.calls.tasks import notify_reviews_assigned  # tasks import services

    for reviewer_id in sorted(reviewer_ids):
        transaction.on_commit(
            lambda reviewer_id=reviewer_id: notify_reviews_assigned.enqueue(
                call_id=call.pk, reviewer_id=reviewer_id
            )
        )


def _conflicts(call: Call) -> set:
    """The call's declared conflicts as (reviewer, application) and (reviewer, organisation)."""
    conflicts = set()
    for reviewer_id, application_id, organisation_id in call.conflicts.values_list(
        "reviewer_id", "application_id", "organisation_id"
    ):
        conflicts.add(
            (reviewer_id, application_id)
            if application_id
            else (reviewer_id, ("organisation", organisation_id))
        )
    return conflicts


def scores_save(*, assignment: ReviewAssignment, by, scores: dict, now=None) -> ReviewAssignment:
    """`scores`: criterion → (value, comment). Complete once every criterion has a score,
    at `now` (the current time unless given). Refused once the assignment has ended (its
    reviewer removed a moment ago) or outside the review's phase (a selection published a
    moment ago), whatever the page showed when it was opened."""
    with transaction.atomic():
        if not ReviewAssignment.objects.select_for_update().filter(pk=assignment.pk).exists():
            raise CallError(_("This review is no longer assigned to you; nothing was saved."))
        if review_phase(assignment.application.call, now) != REVIEW_OPEN:
            raise CallError(
                _(
                    "Scores are given while the review is open, from the call's close until "
                    "its decisions are published; nothing was saved."
                )
            )
        Score.objects.bulk_create(  # one upsert for the whole form, on the `score_once` key
            [
                Score(assignment=assignment, criterion=criterion, value=value, comment=comment)
                for criterion, (value, comment) in scores.items()
            ],
            update_conflicts=True,
            unique_fields=["assignment", "criterion"],
            update_fields=["value", "comment"],
        )
        criteria = assignment.application.call.criteria.count()
        complete = assignment.scores.count() >= criteria > 0
        done_at = assignment.completed_at or now or timezone.now()
        assignment.completed_at = done_at if complete else None
        assignment.save(update_fields=["completed_at"])
        log_action(assignment.application, "review.scored", by=by, changes={"complete": complete})
    return assignment


def conflict_declare(*, assignment: ReviewAssignment, by, note: str) -> None:
    """The reviewer steps back from this application; it will go to someone else. Declared
    twice at once (a double click), it is recorded once."""
    with transaction.atomic():
        if not ReviewAssignment.objects.select_for_update().filter(pk=assignment.pk).exists():
            return  # declared a moment ago: the assignment is gone already
        Conflict.objects.create(
            call=assignment.application.call,
            reviewer=assignment.reviewer,
            application=assignment.application,
            note=note,
        )
        log_action(assignment.application, "review.conflict_declared", by=by, changes={})
        assignment.delete()


def rubric_save(
    *, call: Call, by, criteria: list[tuple[int, Criterion]], deleted: list[Criterion]
) -> None:
    """The call's rubric as coordinators left it: `criteria` with their new positions (new or
    changed, not saved yet), `deleted` removed."""
    with transaction.atomic():
        for criterion in deleted:
            criterion.delete()
        for position, criterion in criteria:
            criterion.call, criterion.position = call, position
            criterion.save()
        log_action(
            call,
            "review.rubric",
            by=by,
            changes={"criteria": [criterion.name for _position, criterion in criteria]},
        )


def review_assignments_end(*, reviewer, programme, by) -> int:
    """Someone who is no longer a reviewer of `programme` keeps no open assignment in it, so
    `reviewers_assign` gives those applications to someone else; completed reviews stay, with
    their scores. Returns how many ended (none while another reviewer role remains)."""
    if Membership.objects.filter(user=reviewer, programme=programme, role=Role.REVIEWER).exists():
        return 0
    with transaction.atomic():
        ending = list(
            ReviewAssignment.objects.select_for_update()
            .filter(reviewer=reviewer, application__call__programme=programme, completed_at=None)
            .select_related("application")
        )
        for assignment in ending:
            log_action(
                assignment.application,
                "review.assignment_ended",
                by=by,
                changes={"reviewer": reviewer.email, "reason": "no longer a reviewer"},
            )
        ReviewAssignment.objects.filter(pk__in=[a.pk for a in ending]).delete()
    return len(ending)
