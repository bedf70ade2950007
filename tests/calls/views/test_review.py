"""Review pages: what reviewers see and score, the coordinators' overview, conflicts."""

import pytest
from django.urls import reverse

from citypeers.calls.models import ReviewAssignment
from citypeers.calls.services.review import reviewers_assign
from tests.calls.helpers import reviewer
from tests.factories import UserFactory, sent_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(rubric_call):
    """A call reviewed twice an application, on Motivation (0-5, weight 2) and Expertise (0-10)."""
    return rubric_call


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
