"""Predicates of the calls app: who coordinates, reviews in, or holds an assignment of a call,
and who may open a file attached to an application."""

import rules

from citypeers.calls.models import Call, ReviewAssignment
from citypeers.calls.selectors.review import is_reviewer_in
from citypeers.programmes.models import Membership, Role
from citypeers.programmes.permissions import is_programme_coordinator


@rules.predicate
def coordinates_the_calls_programme(user, call: Call) -> bool:
    return call is not None and is_programme_coordinator(user, call.programme)


@rules.predicate
def reviews_in_the_call(user, call: Call) -> bool:
    return call is not None and user.is_authenticated and is_reviewer_in(call, user)


@rules.predicate
def holds_the_assignment(user, assignment) -> bool:
    return assignment is not None and assignment.reviewer_id == user.pk


@rules.predicate
def sent_the_file(user, attached) -> bool:
    return attached is not None and attached.application.applicant_id == user.pk


@rules.predicate
def coordinates_the_files_call(user, attached) -> bool:
    return attached is not None and is_programme_coordinator(
        user, attached.application.call.programme
    )


@rules.predicate
def reviews_the_files_application(user, attached) -> bool:
    """Assigned to review the application, and still a reviewer of the programme."""
    if attached is None or not user.is_authenticated:
        return False
    application = attached.application
    return (
        ReviewAssignment.objects.filter(application=application, reviewer=user).exists()
        and Membership.objects.filter(
            user=user, programme_id=application.call.programme_id, role=Role.REVIEWER
        ).exists()
    )
