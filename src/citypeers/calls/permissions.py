"""Predicates of the calls app: who coordinates, reviews in, or holds an assignment of a call,
and who may open a file attached to an application.

Reviewing rights end: each is checked against the person's current role in the programme
(a removed reviewer is refused even what they were once assigned) and, for scoring, against
the review's phase (`selectors.review.review_phase`).
"""

import rules

from citypeers.calls.models import Call, ReviewAssignment
from citypeers.calls.selectors.review import (
    REVIEW_OPEN,
    is_current_reviewer,
    is_reviewer_in,
    review_phase,
)
from citypeers.programmes.permissions import is_programme_coordinator


def _reviews_in_programme(user, programme_id: int) -> bool:
    """`is_current_reviewer`, asked once per person and programme in a request."""
    cache = user.__dict__.setdefault("_current_reviewer_of", {})
    if programme_id not in cache:
        cache[programme_id] = is_current_reviewer(user, programme_id)
    return cache[programme_id]


@rules.predicate
def coordinates_the_calls_programme(user, call: Call) -> bool:
    return call is not None and is_programme_coordinator(user, call.programme)


@rules.predicate
def reviews_in_the_call(user, call: Call) -> bool:
    """Assigned an application of the call, and still a reviewer of its programme."""
    return (
        call is not None
        and user.is_authenticated
        and _reviews_in_programme(user, call.programme_id)
        and is_reviewer_in(call, user)
    )


@rules.predicate
def holds_the_assignment(user, assignment) -> bool:
    """The assignment is theirs, and they are still a reviewer of the call's programme."""
    return (
        assignment is not None
        and user.is_authenticated
        and assignment.reviewer_id == user.pk
        and _reviews_in_programme(user, assignment.application.call.programme_id)
    )


@rules.predicate
def assignment_in_review_phase(user, assignment) -> bool:
    """The call has closed and its decisions are not published yet."""
    return assignment is not None and review_phase(assignment.application.call) == REVIEW_OPEN


@rules.predicate
def sent_the_file(user, attached) -> bool:
    return attached is not None and attached.application.applicant_id == user.pk


@rules.predicate
def coordinates_the_files_call(user, attached) -> bool:
    return attached is not None and _coordinates(user, attached.application)


@rules.predicate
def reviews_the_files_application(user, attached) -> bool:
    return attached is not None and _reviews(user, attached.application)


def _coordinates(user, application) -> bool:
    return is_programme_coordinator(user, application.call.programme)


def _reviews(user, application) -> bool:
    """Assigned to review it, and still a reviewer of the call's programme."""
    return (
        user.is_authenticated
        and _reviews_in_programme(user, application.call.programme_id)
        and ReviewAssignment.objects.filter(application=application, reviewer=user).exists()
    )


@rules.predicate
def coordinates_the_applications_call(user, application) -> bool:
    return application is not None and _coordinates(user, application)


@rules.predicate
def reviews_the_application(user, application) -> bool:
    return application is not None and _reviews(user, application)
