"""One application's page: what coordinators and its reviewers read of it."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from citypeers.calls.models import ApplicationFile, Question, ReviewAssignment
from citypeers.calls.services.applications import (
    application_eligibility_decide,
    application_save,
)
from citypeers.calls.services.review import conflict_declare, scores_save
from tests.calls.helpers import apply, close, reviewer
from tests.factories import UserFactory
from tests.samples import PDF

pytestmark = pytest.mark.django_db


def _url(application) -> str:
    return reverse("calls:application", args=[application.call.slug, application.pk])


@pytest.fixture
def amina(rubric_call):
    """Amina's application from Finland, with an answer to the call's question and a CV."""
    question = Question.objects.create(
        call=rubric_call, kind="long_text", label="Which archive do you keep?", position=0
    )
    cv = Question.objects.create(call=rubric_call, kind="file", label="CV", position=1)
    application = apply(rubric_call, "Amina Virtanen")
    application.organisation.name = "Vantaa City Archives"
    application.organisation.save()
    application.answers = {str(question.pk): "The mill workers' letters."}
    application.learning_needs = "How to open archives to schools."
    application.save()
    ApplicationFile.objects.create(
        application=application,
        question=cv,
        file=ContentFile(PDF, name="amina-cv.pdf"),
        name="amina-cv.pdf",
        content_type="application/pdf",
    )
    return application


def test_a_coordinator_reads_every_answer_and_the_files(client, amina, coordinator):
    client.force_login(coordinator)
    page = client.get(_url(amina)).text
    assert "Application of Amina Virtanen" in page
    assert "Vantaa City Archives" in page
    assert "What they want to learn" in page and "How to open archives to schools." in page
    assert "Which archive do you keep?" in page and "The mill workers&#x27; letters." in page
    file = amina.files.get()
    link = reverse("calls:file", args=[amina.call.slug, amina.pk, file.pk])
    assert f'href="{link}"' in page and "amina-cv.pdf" in page


def test_the_list_links_each_name_to_its_page(client, amina, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("calls:applications", args=[amina.call.slug])).text
    assert f'href="{_url(amina)}"' in page


def test_the_history_tells_sending_changing_and_eligibility_with_the_reason(
    client, amina, coordinator
):
    application_save(
        call=amina.call,
        applicant=amina.applicant,
        fields={"role": "Archivist"},
        preferences=[],
        answers=amina.answers,
        files={},
        consent=True,
        submit=True,
    )
    application_eligibility_decide(
        application=amina, by=coordinator, decision="ineligible", reason="Not a city body."
    )
    client.force_login(coordinator)
    page = client.get(_url(amina)).text
    history = page[page.index('id="history-heading"') :]
    assert history.index("Sent") < history.index("Changed and sent again")
    assert "Eligibility decided by hand: not eligible. Why: Not a city body." in history
    assert str(coordinator) in history  # coordinators read who decided


def test_previous_and_next_follow_the_lists_order(client, rubric_call, coordinator):
    first, second, third = (apply(rubric_call, name) for name in ("Aino", "Bram", "Chloé"))
    client.force_login(coordinator)
    middle = client.get(_url(second)).text
    assert f'href="{_url(first)}" rel="prev"' in middle
    assert f'href="{_url(third)}" rel="next"' in middle
    assert 'rel="prev"' not in client.get(_url(first)).text
    assert 'rel="next"' not in client.get(_url(third)).text


def test_coordinators_read_review_comments_and_conflict_notes(client, amina, coordinator):
    close(amina.call)
    alice, bob = (
        reviewer(amina.call.programme, display_name="Alice Reviewer"),
        reviewer(amina.call.programme, display_name="Bob Reviewer"),
    )
    scoring = ReviewAssignment.objects.create(application=amina, reviewer=alice)
    stepping_back = ReviewAssignment.objects.create(application=amina, reviewer=bob)
    motivation, expertise = amina.call.criteria.all()
    scores_save(
        assignment=scoring,
        by=alice,
        scores={motivation: (4, "Clear and concrete."), expertise: (7, "")},
    )
    conflict_declare(assignment=stepping_back, by=bob, note="I supervised her thesis.")
    client.force_login(coordinator)
    page = client.get(_url(amina)).text
    assert "Alice Reviewer" in page and "Clear and concrete." in page and "4 of 5" in page
    assert "Bob Reviewer" in page and "I supervised her thesis." in page
    assert "A review was completed" in page


def test_an_assigned_reviewer_reads_it_in_the_third_person_without_the_coordinators_notes(
    client, amina
):
    close(amina.call)
    alice = reviewer(amina.call.programme)
    assignment = ReviewAssignment.objects.create(application=amina, reviewer=alice)
    scores_save(
        assignment=assignment,
        by=alice,
        scores=dict.fromkeys(amina.call.criteria.all(), (3, "Only for the coordinators.")),
    )
    client.force_login(alice)
    page = client.get(_url(amina)).text
    assert "What they want to learn" in page and "What you want to learn" not in page
    assert "Amina Virtanen" in page  # the review is not blind
    assert "Only for the coordinators." not in page and 'id="reviews-heading"' not in page
    score_page = client.get(reverse("calls:score", args=[amina.call.slug, assignment.pk])).text
    assert f'href="{_url(amina)}"' in score_page


def test_a_blind_reviewer_sees_no_name_and_no_organisation(client, amina):
    amina.call.blind_review = True
    amina.call.save()
    alice = reviewer(amina.call.programme)
    ReviewAssignment.objects.create(application=amina, reviewer=alice)
    client.force_login(alice)
    page = client.get(_url(amina)).text
    assert f"Application {amina.pk}" in page
    for revealing in ("Amina", "Virtanen", "Vantaa City Archives", "amina-cv.pdf"):
        assert revealing not in page, revealing
    assert "How to open archives to schools." in page


def test_a_draft_has_no_page(client, rubric_call, coordinator):
    draft = application_save(
        call=rubric_call,
        applicant=UserFactory(),
        fields={"role": "x"},
        preferences=[],
        answers={},
        files={},
        consent=False,
        submit=False,
    )
    client.force_login(coordinator)
    assert client.get(_url(draft)).status_code == 404


def test_a_coordinator_decides_eligibility_on_the_page_and_comes_back_to_it(
    client, amina, coordinator
):
    client.force_login(coordinator)
    url = reverse("calls:eligibility", args=[amina.call.slug, amina.pk])
    response = client.post(
        url, {"decision": "ineligible", "reason": "Not a city body.", "back": "application"}
    )
    assert response.url == _url(amina)
    page = client.get(_url(amina)).text
    assert "Decided by hand: Not a city body." in page
    assert "Why: Not a city body." in page  # and in the history
    listed = client.post(url, {"decision": "rules", "reason": ""})
    assert listed.url == reverse("calls:applications", args=[amina.call.slug])


def test_each_coordinator_reads_a_choice_answer_in_their_own_language(
    client, rubric_call, coordinator
):
    question = Question.objects.create(
        call=rubric_call,
        kind="multiple_choice",
        label={"en": "Which topics?", "fr": "Quels sujets ?"},
        choices={"en": ["Archives", "Schools"], "fr": ["Archives", "Écoles"]},
    )
    application = apply(rubric_call, "Amina Virtanen")
    application.answers = {str(question.pk): ["Archives", "Schools"]}
    application.save()
    client.force_login(coordinator)
    english = client.get(_url(application)).text
    assert "Which topics?" in english and "Archives, Schools" in english
    with translation.override("fr"):
        french = client.get(_url(application)).text
    assert "Quels sujets ?" in french and "Archives, Écoles" in french
