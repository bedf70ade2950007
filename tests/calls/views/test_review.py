"""Review pages: what reviewers see and score, the coordinators' overview, conflicts."""

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import ReviewAssignment, Score, SelectionRun
from citypeers.calls.services.review import reviewers_assign, scores_save
from citypeers.programmes.models import Membership, Role
from tests.calls.helpers import close, reviewer
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
    close(call)
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
    close(call)
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
    close(call)
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


def test_coordinators_reorder_the_rubric_and_assign_reviewers_from_the_page(
    client, call, programme, coordinator
):
    motivation, expertise = call.criteria.all()
    client.force_login(coordinator)
    rows = {"criteria-TOTAL_FORMS": 3, "criteria-INITIAL_FORMS": 2}
    for number, (criterion, order) in enumerate([(motivation, 2), (expertise, 1)]):
        rows |= {
            f"criteria-{number}-id": criterion.pk,
            f"criteria-{number}-name": criterion.name,
            f"criteria-{number}-scale_max": criterion.scale_max,
            f"criteria-{number}-weight": criterion.weight,
            f"criteria-{number}-ORDER": order,
        }
    rows |= {"criteria-1-DELETE": "on", "criteria-2-name": "Local impact"}
    rows |= {"criteria-2-scale_max": 5, "criteria-2-weight": 1, "criteria-2-ORDER": 3}
    response = client.post(reverse("calls:rubric", args=[call.slug]), rows)
    assert response["Location"] == reverse("calls:review", args=[call.slug])
    assert list(call.criteria.values_list("name", flat=True)) == ["Motivation", "Local impact"]
    reviewer(programme)
    sent_application(call, UserFactory())
    page = client.post(reverse("calls:assign", args=[call.slug]), follow=True).text
    assert "1 review assigned." in page
    assert "1 application still lacks reviewers: add reviewers to the programme." in page


def test_saving_a_rubric_without_criteria_warns_instead_of_saying_saved(client, call, coordinator):
    client.force_login(coordinator)
    rows = {"criteria-TOTAL_FORMS": 2, "criteria-INITIAL_FORMS": 2}
    for number, criterion in enumerate(call.criteria.all()):
        rows |= {
            f"criteria-{number}-id": criterion.pk,
            f"criteria-{number}-name": criterion.name,
            f"criteria-{number}-scale_max": criterion.scale_max,
            f"criteria-{number}-weight": criterion.weight,
            f"criteria-{number}-DELETE": "on",
        }
    page = client.post(reverse("calls:rubric", args=[call.slug]), rows, follow=True).text
    assert "The rubric is saved." not in page
    assert "The rubric has no criterion: reviewers have nothing to score until you add one." in page


def test_a_conflict_without_a_word_keeps_the_assignment(client, call, programme, coordinator):
    person = reviewer(programme)
    call.reviewers_per_application = 1
    call.save()
    sent_application(call, UserFactory())
    close(call)
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get()
    client.force_login(person)
    url = reverse("calls:conflict", args=[call.slug, assignment.pk])
    page = client.post(url, {"note": ""}, follow=True).text
    assert "Say in a few words what the conflict is." in page
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()


def _assigned(call, programme, coordinator, *, applications=1):
    """A reviewer holding every application of the closed call, each alone."""
    person = reviewer(programme)
    call.reviewers_per_application = 1
    call.save()
    for _number in range(applications):
        sent_application(call, UserFactory())
    close(call)
    reviewers_assign(call=call, by=coordinator)
    return person, list(ReviewAssignment.objects.filter(reviewer=person).order_by("pk"))


def _full_marks(call) -> dict:
    motivation, expertise = call.criteria.all()
    return {f"score_{motivation.pk}": 5, f"score_{expertise.pk}": 10}


def test_an_assigned_reviewer_scores_only_between_the_close_and_the_decisions(
    client, call, programme, coordinator
):
    person = reviewer(programme)
    call.reviewers_per_application = 1
    call.save()
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)  # coordinators may assign before the close
    assignment = ReviewAssignment.objects.get()
    url = reverse("calls:score", args=[call.slug, assignment.pk])
    client.force_login(person)
    early = client.get(url).text
    assert "Scoring opens when the call closes." in early and "Save the scores" not in early
    assert client.post(url, _full_marks(call)).status_code == 403
    assert not Score.objects.exists()
    close(call)
    assert "Save the scores" in client.get(url).text
    saved = client.post(url, _full_marks(call))
    assert saved["Location"] == reverse("calls:review", args=[call.slug])
    assignment.refresh_from_db()
    assert assignment.completed_at is not None and Score.objects.count() == 2


def test_a_removed_reviewer_is_refused_every_review_page_and_saves_nothing(
    client, call, programme, coordinator, django_capture_on_commit_callbacks
):
    person, (scored, unscored) = _assigned(call, programme, coordinator, applications=2)
    motivation, expertise = call.criteria.all()
    scores_save(assignment=scored, by=person, scores={motivation: (3, ""), expertise: (6, "")})
    membership = Membership.objects.get(user=person, role=Role.REVIEWER)
    client.force_login(coordinator)
    client.post(reverse("programmes:member_remove", args=[programme.slug, membership.pk]))
    assert not ReviewAssignment.objects.filter(pk=unscored.pk).exists()  # it ended
    client.force_login(person)
    score_url = reverse("calls:score", args=[call.slug, scored.pk])
    assert client.get(reverse("calls:review", args=[call.slug])).status_code == 403
    assert client.get(score_url).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(score_url, _full_marks(call)).status_code == 403
        conflict_url = reverse("calls:conflict", args=[call.slug, scored.pk])
        assert client.post(conflict_url, {"note": "I left."}).status_code == 403
    assert sorted(Score.objects.values_list("value", flat=True)) == [3, 6]  # kept, unchanged
    assert ReviewAssignment.objects.filter(pk=scored.pk, completed_at__isnull=False).exists()
    assert client.get(reverse("calls:score", args=[call.slug, unscored.pk])).status_code == 404


def test_reviewers_see_their_scores_read_only_once_the_decisions_are_published(
    client, call, programme, coordinator
):
    person, [assignment] = _assigned(call, programme, coordinator)
    motivation, expertise = call.criteria.all()
    given = {motivation: (4, "Clear goals."), expertise: (7, "")}
    scores_save(assignment=assignment, by=person, scores=given)
    SelectionRun.objects.create(
        call=call, number=1, status="done", instance={}, result={}, published_at=timezone.now()
    )
    client.force_login(person)
    url = reverse("calls:score", args=[call.slug, assignment.pk])
    page = client.get(url).text
    assert "The review is over: the decisions are published." in page
    assert "Save the scores" not in page and "Declare it and step back" not in page
    assert "4 of 5" in page and "Clear goals." in page and "7 of 10" in page
    refused = client.post(url, _full_marks(call))
    assert refused.status_code == 403
    assert "The review is over: the decisions are published." in refused.text
    assert "not allowed to see this page" not in refused.text  # the reason, not a role error
    conflict_url = reverse("calls:conflict", args=[call.slug, assignment.pk])
    assert client.post(conflict_url, {"note": "Too late."}).status_code == 403
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 7]
    assert ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    overview = client.get(reverse("calls:review", args=[call.slug])).text
    assert "The review is over" in overview and "scored" in overview


def test_the_call_page_offers_its_review_to_an_assigned_current_reviewer_only(
    client, call, programme
):
    assigned, other = reviewer(programme), reviewer(programme)
    ReviewAssignment.objects.create(
        application=sent_application(call, UserFactory()), reviewer=assigned
    )
    close(call)
    url = reverse("calls:detail", args=[call.slug])
    client.force_login(assigned)
    assert "Review the applications" in client.get(url).text
    client.force_login(other)  # a reviewer of the programme, not of this call
    assert "Review the applications" not in client.get(url).text
    Membership.objects.filter(user=assigned, role=Role.REVIEWER).delete()
    client.force_login(assigned)  # no longer a reviewer
    assert "Review the applications" not in client.get(url).text
