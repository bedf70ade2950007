import datetime

import pytest
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import ReviewAssignment, SelectionRun
from citypeers.calls.selectors.personal import calls_to_review, places_to_answer, visits_given_to
from citypeers.programmes.models import Role
from tests.calls.helpers import apply, close, reviewer
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _assign(call, person, *names, done=()):
    for name in names:
        application = apply(call, name)
        completed = timezone.now() if name in done else None
        ReviewAssignment.objects.create(
            application=application, reviewer=person, completed_at=completed
        )


def test_a_closed_call_counts_the_reviews_left_to_score(call):
    person = reviewer(call.programme)
    _assign(call, person, "Aino", "Bram", "Chloé", done={"Bram"})
    close(call)
    [row] = calls_to_review(person)
    assert (row, row.to_score, row.assigned) == (call, 2, 3)


def test_no_review_to_do_before_the_close_after_publishing_or_once_scored(call, coordinator):
    person = reviewer(call.programme)
    _assign(call, person, "Aino")
    assert list(calls_to_review(person)) == []  # still open
    close(call)
    SelectionRun.objects.create(
        call=call, number=1, instance={}, created_by=coordinator, published_at=timezone.now()
    )
    assert list(calls_to_review(person)) == []  # decisions published


def test_a_removed_reviewer_has_no_review_to_do(call):
    person = reviewer(call.programme)
    _assign(call, person, "Aino")
    close(call)
    person.memberships.filter(role=Role.REVIEWER).delete()
    assert list(calls_to_review(person)) == []


def test_a_selected_place_waits_for_an_answer_and_gives_a_visit(call):
    application = apply(call, "Aino")
    vantaa = call.visits.get()
    respond_by = timezone.localdate() + datetime.timedelta(days=7)
    type(application).objects.filter(pk=application.pk).update(
        outcome=Outcome.SELECTED, outcome_visit=vantaa, respond_by=respond_by
    )
    person = application.applicant
    assert [a.respond_by for a in places_to_answer(person)] == [respond_by]
    assert list(visits_given_to(person)) == [vantaa]
    type(application).objects.filter(pk=application.pk).update(outcome=Outcome.CONFIRMED)
    assert list(places_to_answer(person)) == []
    assert list(visits_given_to(person)) == [vantaa]
    type(application).objects.filter(pk=application.pk).update(outcome=Outcome.DECLINED)
    assert list(visits_given_to(person)) == []


def test_a_membership_elsewhere_gives_no_review(call):
    person = MembershipFactory(role=Role.REVIEWER).user  # a reviewer of another programme
    _assign(call, person, "Aino")
    close(call)
    assert list(calls_to_review(person)) == []
