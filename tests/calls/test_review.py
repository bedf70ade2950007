import datetime

import pytest
from django.urls import reverse

from citypeers.calls.models import Criterion, ReviewAssignment
from citypeers.calls.selectors.review import review_means, review_results
from citypeers.calls.services.review import reviewers_assign, scores_save
from citypeers.programmes.models import Role
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(programme):
    call = CallFactory(programme=programme, reviewers_per_application=2)
    Criterion.objects.create(call=call, name="Motivation", scale_max=5, weight=2, position=0)
    Criterion.objects.create(call=call, name="Expertise", scale_max=10, weight=1, position=1)
    return call


def reviewer(programme, **user):
    return MembershipFactory(programme=programme, role=Role.REVIEWER, user=UserFactory(**user)).user


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


def test_too_few_reviewers_are_reported(call, programme, coordinator):
    reviewer(programme)
    sent_application(call, UserFactory())
    report = reviewers_assign(call=call, by=coordinator)
    assert report.created == 1 and len(report.short) == 1


def test_weighted_totals_and_strong_disagreement(call, programme, coordinator):
    first, second = reviewer(programme), reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
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


def test_a_reviewer_sees_only_what_is_assigned_and_blind_review_hides_names(
    client, call, programme, coordinator
):
    first, second = reviewer(programme), reviewer(programme)
    call.reviewers_per_application, call.blind_review = 1, True
    call.save()
    applicant = UserFactory(display_name="Aino Applicant")
    application = sent_application(call, applicant)
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    mine = ReviewAssignment.objects.get(reviewer=first)
    theirs = ReviewAssignment.objects.get(reviewer=second)
    client.force_login(first)
    assert client.get(reverse("calls:review", args=[call.slug])).status_code == 200
    page = client.get(reverse("calls:score", args=[call.slug, mine.pk])).text
    assert f"Application {mine.application.pk}" in page and "Aino Applicant" not in page
    assert client.get(reverse("calls:score", args=[call.slug, theirs.pk])).status_code == 403
    assert "Scores" not in client.get(reverse("calls:review", args=[call.slug])).text
    assert application.pk in {mine.application_id, theirs.application_id}


def test_scoring_through_the_page_and_the_coordinators_overview(
    client, call, programme, coordinator
):
    person = reviewer(programme)
    call.reviewers_per_application = 1
    call.save()
    sent_application(call, UserFactory(display_name="Aino"))
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get()
    client.force_login(person)
    motivation, expertise = call.criteria.all()
    url = reverse("calls:score", args=[call.slug, assignment.pk])
    response = client.post(url, {f"score_{motivation.pk}": 4, f"score_{expertise.pk}": 11})
    assert f'href="#id_score_{expertise.pk}' in response.text  # 11 is off the 0-10 scale
    client.post(
        url,
        {
            f"score_{motivation.pk}": 4,
            f"score_{expertise.pk}": 7,
            f"comment_{expertise.pk}": "Strong archive work.",
        },
    )
    assignment.refresh_from_db()
    assert assignment.completed_at is not None
    client.force_login(coordinator)
    overview = client.get(reverse("calls:review", args=[call.slug])).text
    assert "Aino" in overview and "76.7" in overview  # (2 * 4/5 + 7/10) / 3 * 100
    export = client.get(reverse("calls:review", args=[call.slug]), {"export": "csv"})
    assert "76.7" in export.content.decode()


def test_a_declared_conflict_sends_the_application_to_someone_else(
    client, call, programme, coordinator
):
    first, second = reviewer(programme), reviewer(programme)
    call.reviewers_per_application = 1
    call.save()
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get()
    holder = assignment.reviewer
    client.force_login(holder)
    client.post(
        reverse("calls:conflict", args=[call.slug, assignment.pk]), {"note": "She is my sister."}
    )
    assert not ReviewAssignment.objects.exists()
    reviewers_assign(call=call, by=coordinator)
    replacement = ReviewAssignment.objects.get(application=application).reviewer
    assert replacement != holder and replacement in (first, second)


def test_scores_are_complete_at_the_time_given(call, programme, coordinator):
    person = reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get(application=application, reviewer=person)
    motivation, expertise = call.criteria.all()
    when = datetime.datetime(2021, 2, 12, 10, 30, tzinfo=datetime.UTC)
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
