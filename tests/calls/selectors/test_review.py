"""Reading reviews: weighted totals, means, disagreements, progress."""

import datetime

import pytest

from citypeers.calls.models import ReviewAssignment, SelectionRun
from citypeers.calls.selectors.review import (
    assignments_of,
    is_current_reviewer,
    is_reviewer_in,
    progress_by_reviewer,
    review_means,
    review_phase,
    review_results,
    review_total,
    reviewable_applications,
    reviewers_of,
)
from citypeers.calls.services.review import reviewers_assign, scores_save
from citypeers.programmes.models import Membership
from tests.calls.helpers import close, reviewer
from tests.factories import CallFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(rubric_call):
    """A call reviewed twice an application, on Motivation (0-5, weight 2) and Expertise (0-10)."""
    return rubric_call


def test_weighted_totals_and_strong_disagreement(call, programme, coordinator):
    first, second = reviewer(programme), reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
    close(call)  # reviewers score once the call has closed
    for person, values in ((first, (5, 10)), (second, (1, 4))):
        assignment = ReviewAssignment.objects.get(application=application, reviewer=person)
        scores_save(
            assignment=assignment,
            by=person,
            scores={motivation: (values[0], ""), expertise: (values[1], "")},
        )
    [result] = review_results(call)
    totals = sorted(total for _reviewer, total in result.totals)
    # (2 * 1/5 + 1 * 4/10) / 3 * 100 = 26.7 ; (2 * 5/5 + 1 * 10/10) / 3 * 100 = 100
    assert totals == [26.7, 100.0]
    assert result.mean == 63.4 and result.disagreement
    assert review_means(call) == {application.pk: 63.4}  # what the selection uses


def test_only_eligible_sent_applications_are_reviewed(call):
    kept = sent_application(call, UserFactory())
    withdrawn = sent_application(call, UserFactory())
    withdrawn.status = "withdrawn"
    withdrawn.save()
    ruled_out = sent_application(call, UserFactory())
    ruled_out.eligibility_override = False
    ruled_out.save()
    assert reviewable_applications(call) == [kept]


def test_an_incomplete_review_has_no_total_and_counts_for_no_mean(call, programme, coordinator):
    first, second = reviewer(programme), reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
    done = ReviewAssignment.objects.get(application=application, reviewer=first)
    half = ReviewAssignment.objects.get(application=application, reviewer=second)
    close(call)  # reviewers score once the call has closed
    scores_save(assignment=done, by=first, scores={motivation: (5, ""), expertise: (10, "")})
    scores_save(assignment=half, by=second, scores={motivation: (0, "Thin.")})
    half.refresh_from_db()
    assert half.completed_at is None and review_total(half, list(call.criteria.all())) is None
    [result] = review_results(call)
    assert (result.mean, result.spread, result.disagreement) == (100.0, None, False)
    assert review_means(call) == {application.pk: 100.0}
    assert progress_by_reviewer(call) == sorted(
        [(first, 1, 1), (second, 1, 0)], key=lambda row: str(row[0])
    )


def test_a_call_without_criteria_has_no_totals(programme, coordinator):
    call = CallFactory(programme=programme, reviewers_per_application=1)
    person = reviewer(programme)
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    [result] = review_results(call)
    assert result.totals == [(person, None)] and result.mean is None
    assert review_means(call) == {}


def test_the_best_mean_comes_first_and_unscored_applications_last(call, programme, coordinator):
    call.reviewers_per_application = 1
    call.save()
    person = reviewer(programme)
    low, unscored, high = (sent_application(call, UserFactory()) for _ in range(3))
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
    close(call)  # reviewers score once the call has closed
    for application, values in ((low, (1, 1)), (high, (4, 9))):
        scores_save(
            assignment=ReviewAssignment.objects.get(application=application),
            by=person,
            scores={motivation: (values[0], ""), expertise: (values[1], "")},
        )
    assert [r.application for r in review_results(call)] == [high, low, unscored]


def test_a_reviewer_reads_their_own_assignments_unscored_first(call, programme, coordinator):
    call.reviewers_per_application = 1
    call.save()
    person = reviewer(programme)
    first, second = sent_application(call, UserFactory()), sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
    scored = ReviewAssignment.objects.get(application=first)
    close(call)  # reviewers score once the call has closed
    scores_save(assignment=scored, by=person, scores={motivation: (1, ""), expertise: (1, "")})
    assert [a.application for a in assignments_of(call, person)] == [second, first]
    assert is_reviewer_in(call, person) and not is_reviewer_in(call, UserFactory())
    assert reviewers_of(call) == [person]


def test_the_review_opens_at_the_close_and_ends_when_decisions_are_published(call):
    closes = call.closes_at
    assert review_phase(call, now=closes - datetime.timedelta(seconds=1)) == "upcoming"
    assert review_phase(call, now=closes) == "open"
    SelectionRun.objects.create(call=call, number=1, status="done", instance={}, result={})
    assert review_phase(call, now=closes) == "open"  # a run, not yet published
    SelectionRun.objects.filter(call=call).update(published_at=closes)
    assert review_phase(call, now=closes) == "over"


def test_a_removed_reviewer_is_no_current_reviewer(call, programme):
    person = reviewer(programme)
    assert is_current_reviewer(person, programme.pk)
    Membership.objects.filter(user=person).delete()
    assert not is_current_reviewer(person, programme.pk)
    assert not is_current_reviewer(UserFactory(), programme.pk)
