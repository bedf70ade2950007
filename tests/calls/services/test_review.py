"""Assigning reviewers with even loads, scores, conflicts and the rubric."""

import datetime

import pytest
from django.utils import timezone

from citypeers.calls.models import Conflict, ReviewAssignment, Score, SelectionRun
from citypeers.calls.services.review import conflict_declare, reviewers_assign, scores_save
from citypeers.core.errors import CallError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Membership, Role
from citypeers.programmes.services import membership_remove
from tests.calls.helpers import close, reviewer
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, sent_application
from tests.races import race

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(rubric_call):
    """A call reviewed twice an application, on Motivation (0-5, weight 2) and Expertise (0-10)."""
    return rubric_call


def test_loads_are_even_and_nobody_reviews_their_own_organisation(call, programme, coordinator):
    shared = OrganisationFactory()
    reviewers = [reviewer(programme, organisation=shared), reviewer(programme), reviewer(programme)]
    applications = [
        sent_application(call, UserFactory(organisation=shared if n == 0 else None))
        for n in range(6)
    ]
    report = reviewers_assign(call=call, by=coordinator)
    assert report.created == 12 and report.short == []
    loads = sorted(ReviewAssignment.objects.filter(reviewer=r).count() for r in reviewers)
    assert loads == [4, 4, 4]
    assert not ReviewAssignment.objects.filter(application=applications[0], reviewer=reviewers[0])
    assert reviewers_assign(call=call, by=coordinator).created == 0  # already complete


def test_each_reviewer_given_applications_gets_one_mail_with_the_count_and_the_link(
    call, programme, coordinator, django_capture_on_commit_callbacks, mailoutbox
):
    first, second = reviewer(programme), reviewer(programme)
    for _number in range(3):
        sent_application(call, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        reviewers_assign(call=call, by=coordinator)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([first.email, second.email])
    mail = mailoutbox[0]
    assert mail.subject.endswith(f"3 applications of “{call.title}” to review")
    assert "3 applications of the call" in mail.body
    assert f"/calls/{call.slug}/review/" in mail.body
    with django_capture_on_commit_callbacks(execute=True):
        reviewers_assign(call=call, by=coordinator)  # nothing new: nobody is told again
    assert len(mailoutbox) == 2


def test_too_few_reviewers_are_reported(call, programme, coordinator):
    reviewer(programme)
    sent_application(call, UserFactory())
    report = reviewers_assign(call=call, by=coordinator)
    assert report.created == 1 and len(report.short) == 1


def test_scores_are_complete_at_the_time_given(call, programme, coordinator):
    person = reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get(application=application, reviewer=person)
    motivation, expertise = call.criteria.all()
    close(call)  # reviewers score once the call has closed
    when = call.closes_at + datetime.timedelta(minutes=5)
    scores_save(assignment=assignment, by=person, scores={motivation: (4, "")}, now=when)
    assert assignment.completed_at is None  # one criterion is still unscored
    scores_save(assignment=assignment, by=person, scores={expertise: (7, "")}, now=when)
    assert assignment.completed_at == when
    scores_save(assignment=assignment, by=person, scores={expertise: (9, "On reflection")})
    assert assignment.completed_at == when  # changed later, still complete since then
    assert [(s.value, s.comment) for s in assignment.scores.order_by("criterion__position")] == [
        (4, ""),
        (9, "On reflection"),
    ]


@pytest.mark.django_db(transaction=True)
def test_assigning_twice_at_once_gives_each_place_once(call, programme, coordinator):
    """The second click reads what the first assigned (it read before, and failed on the
    unique pair or gave an application more reviewers than the call asks)."""
    for _ in range(3):
        reviewer(programme)
    applications = [sent_application(call, UserFactory()) for _ in range(2)]
    first, second = race(
        lambda: reviewers_assign(call=call, by=coordinator),
        lambda: reviewers_assign(call=call, by=coordinator),
        hold_after="citypeers.calls.services.review.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert (first.result.created, second.result.created) == (4, 0)
    for application in applications:
        assert application.review_assignments.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_conflict_declared_twice_at_once_is_recorded_once(call, programme, coordinator):
    person = reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get(reviewer=person)

    def declare():
        mine = ReviewAssignment.objects.get(pk=assignment.pk)
        return conflict_declare(assignment=mine, by=person, note="My neighbour")

    first, second = race(declare, declare, hold_after="citypeers.calls.services.review.log_action")
    assert (first.error, second.error) == (None, None)
    assert list(Conflict.objects.values_list("reviewer", "application", "note")) == [
        (person.pk, application.pk, "My neighbour")
    ]
    assert not ReviewAssignment.objects.filter(reviewer=person).exists()


def test_a_removed_reviewer_keeps_finished_reviews_and_their_open_ones_go_to_others(
    call, programme, coordinator
):
    call.reviewers_per_application = 1
    call.save()
    leaving = reviewer(programme)
    sent_application(call, UserFactory())
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    done, open_one = ReviewAssignment.objects.filter(reviewer=leaving).order_by("pk")
    motivation, expertise = call.criteria.all()
    close(call)  # reviewers score once the call has closed
    scores_save(assignment=done, by=leaving, scores={motivation: (2, ""), expertise: (5, "")})
    staying = reviewer(programme)
    membership = Membership.objects.get(user=leaving, role=Role.REVIEWER)
    membership_remove(membership=membership, by=coordinator)
    assert list(ReviewAssignment.objects.filter(reviewer=leaving)) == [done]
    assert done.scores.count() == 2
    ended = AuditEntry.objects.get(action="review.assignment_ended")
    assert ended.object_id == str(open_one.application_id) and ended.actor == coordinator
    assert reviewers_assign(call=call, by=coordinator).created == 1
    assert ReviewAssignment.objects.get(application=open_one.application).reviewer == staying


def test_a_reviewer_who_keeps_another_reviewer_role_keeps_their_assignments(
    call, programme, coordinator, visit
):
    person = reviewer(programme)
    MembershipFactory(programme=programme, visit=visit, role=Role.REVIEWER, user=person)
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    programme_role = Membership.objects.get(user=person, role=Role.REVIEWER, visit=None)
    membership_remove(membership=programme_role, by=coordinator)
    assert ReviewAssignment.objects.filter(reviewer=person).count() == 1


@pytest.fixture
def one_review(call, programme, coordinator):
    """A reviewer's assignment to the call's one application, and its first criterion."""
    person = reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get(application=application, reviewer=person)
    return person, assignment, call.criteria.first()


def test_scores_are_refused_before_the_close_and_once_decisions_are_published(call, one_review):
    person, assignment, motivation = one_review
    with pytest.raises(CallError, match="while the review is open"):
        scores_save(assignment=assignment, by=person, scores={motivation: (4, "")})
    close(call)
    assignment = ReviewAssignment.objects.get(pk=assignment.pk)  # as the next page reads it
    scores_save(assignment=assignment, by=person, scores={motivation: (4, "")})
    SelectionRun.objects.create(
        call=call, number=1, status="done", instance={}, result={}, published_at=timezone.now()
    )
    with pytest.raises(CallError, match="while the review is open"):
        scores_save(assignment=assignment, by=person, scores={motivation: (1, "")})
    assert list(assignment.scores.values_list("value", flat=True)) == [4]


def test_scores_for_an_assignment_ended_since_the_page_opened_are_refused(call, one_review):
    person, assignment, motivation = one_review
    close(call)
    ReviewAssignment.objects.filter(pk=assignment.pk).delete()  # the reviewer was removed
    with pytest.raises(CallError, match="no longer assigned"):
        scores_save(assignment=assignment, by=person, scores={motivation: (4, "")})
    assert not Score.objects.exists()
