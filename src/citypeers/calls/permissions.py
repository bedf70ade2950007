"""Predicates of the calls app: who coordinates, reviews in, or holds an assignment of a call."""

import rules

from citypeers.calls.models import Call
from citypeers.calls.selectors.review import is_reviewer_in
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
