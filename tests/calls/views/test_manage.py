"""Coordinators' pages that make a call: its settings, questions, preview and copy."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.calls.models import Call, Question
from citypeers.calls.services.calls import call_save
from citypeers.core.translated import translations_of
from tests.factories import CallFactory, VisitFactory

pytestmark = pytest.mark.django_db


def call_data(programme, visit, **changes):
    data = {
        "programme": programme.pk,
        "type": "participants",
        "title": "Call for participants 2027",
        "description": "Take part.",
        "opens_local": "2027-01-04T09:00",
        "closes_local": "2027-02-08T23:59",
        "time_zone": "Europe/Brussels",
        "visits": [visit.pk],
        "max_preferences": 2,
        "consent_text": "I agree.",
        "reviewers_per_application": 2,
    }
    data |= changes
    # A translated text is posted one language at a time (core.translated_forms): English here.
    for name in ("title", "description", "consent_text", "eligibility_text"):
        if name in data:
            data[f"{name}_en"] = data.pop(name)
    return data


def test_a_coordinator_creates_a_call_whose_times_are_the_calls_own(
    client, programme, coordinator, visit
):
    client.force_login(coordinator)
    response = client.post(reverse("calls:create"), call_data(programme, visit))
    call = Call.objects.get()
    assert response["Location"] == reverse("calls:questions", args=[call.slug])
    # 23:59 in Brussels in winter is 22:59 UTC.
    assert call.closes_at == datetime.datetime(2027, 2, 8, 22, 59, tzinfo=datetime.UTC)
    assert list(call.visits.all()) == [visit]


def test_the_close_must_follow_the_opening_and_visits_belong_to_the_programme(
    client, programme, coordinator, visit
):
    client.force_login(coordinator)
    elsewhere = VisitFactory()
    data = call_data(programme, visit, closes_local="2026-12-01T10:00", visits=[elsewhere.pk])
    response = client.post(reverse("calls:create"), data)
    assert 'href="#id_closes_local"' in response.text and 'href="#id_visits"' in response.text
    assert not Call.objects.exists()


def test_a_changed_consent_text_gets_a_new_version(client, coordinator, programme, visit):
    call = CallFactory(programme=programme, consent_text="I agree.")
    client.force_login(coordinator)
    url = reverse("calls:edit", args=[call.slug])
    client.post(url, call_data(programme, visit, consent_text="I agree to more."))
    call.refresh_from_db()
    assert (call.consent_text, call.consent_version) == ("I agree to more.", 2)


def test_questions_are_added_reordered_and_removed(client, coordinator, programme):
    call = CallFactory(programme=programme)
    first = Question.objects.create(call=call, kind="short_text", label="First", position=0)
    second = Question.objects.create(call=call, kind="short_text", label="Second", position=1)
    client.force_login(coordinator)
    url = reverse("calls:questions", args=[call.slug])
    rows = {"questions-TOTAL_FORMS": 3, "questions-INITIAL_FORMS": 2}
    for number, (question, order) in enumerate([(first, 2), (second, 1)]):
        rows |= {
            f"questions-{number}-id": question.pk,
            f"questions-{number}-label_en": question.label,
            f"questions-{number}-kind": "short_text",
            f"questions-{number}-required": "on",
            f"questions-{number}-max_file_mb": 5,
            f"questions-{number}-ORDER": order,
        }
    rows |= {
        "questions-2-label_en": "Pick one",
        "questions-2-kind": "single_choice",
        "questions-2-choices_en": "Small\nLarge",
        "questions-2-max_file_mb": 5,
        "questions-2-ORDER": 3,
    }
    assert client.post(url, rows).status_code == 302
    assert [q.label for q in call.questions.all()] == ["Second", "First", "Pick one"]
    rows |= {"questions-1-DELETE": "on", "questions-TOTAL_FORMS": 2}
    rows.pop("questions-2-label_en")
    client.post(url, rows)
    assert [q.label for q in call.questions.all()] == ["First", "Pick one"]


def test_a_choice_question_needs_two_choices(client, coordinator, programme):
    call = CallFactory(programme=programme)
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:questions", args=[call.slug]),
        {
            "questions-TOTAL_FORMS": 1,
            "questions-INITIAL_FORMS": 0,
            "questions-0-label_en": "Pick",
            "questions-0-kind": "single_choice",
            "questions-0-choices_en": "Only",
            "questions-0-max_file_mb": 5,
        },
    )
    assert 'href="#id_questions-0-choices"' in response.text
    assert not call.questions.exists()


def test_the_preview_shows_the_form_and_a_copy_keeps_the_questions(client, coordinator, programme):
    call = CallFactory(programme=programme)
    Question.objects.create(call=call, kind="long_text", label="Your neighbourhood?")
    client.force_login(coordinator)
    preview = client.get(reverse("calls:preview", args=[call.slug])).text
    assert "Your neighbourhood?" in preview and "A challenge from your own city" in preview
    response = client.post(reverse("calls:copy", args=[call.slug]))
    copy = Call.objects.exclude(pk=call.pk).get()
    assert response["Location"] == reverse("calls:edit", args=[copy.slug])
    assert copy.title.startswith("Copy of") and copy.questions.get().label == "Your neighbourhood?"


def test_a_new_call_keeps_the_slug_it_is_given_else_gets_one_from_its_title(
    coordinator, programme, visit
):
    now = datetime.datetime(2027, 1, 4, 9, tzinfo=datetime.UTC)
    times = {"opens_at": now, "closes_at": now + datetime.timedelta(weeks=4)}
    given = Call(programme=programme, title="Hosts 2027", slug="hosts-wanted")
    assert call_save(call=given, by=coordinator, data=times, visits=[visit]).slug == "hosts-wanted"
    made = Call(programme=programme, title="Hosts 2027")
    assert call_save(call=made, by=coordinator, data=times, visits=[]).slug == "hosts-2027"


@pytest.mark.parametrize("typed", ["0001-01-01T00:00", "9999-12-31T23:59", "1999-12-31T23:00"])
def test_a_time_outside_2000_to_2100_is_refused_at_its_field(
    client, programme, coordinator, visit, typed
):
    """Year 1 in Brussels is before year 1 in UTC: it once ended in an OverflowError."""
    client.force_login(coordinator)
    response = client.post(reverse("calls:create"), call_data(programme, visit, opens_local=typed))
    assert response.status_code == 200
    assert 'href="#id_opens_local"' in response.text
    assert "Give a date between 2000 and 2100." in response.text
    assert not Call.objects.exists()


def test_a_title_typed_with_a_line_break_is_saved_on_one_line(
    client, programme, coordinator, visit
):
    client.force_login(coordinator)
    title = "Call for participants\r\nBcc: everyone@example.org"
    client.post(reverse("calls:create"), call_data(programme, visit, title=title))
    assert Call.objects.get().title == "Call for participants Bcc: everyone@example.org"


def test_a_draft_may_wait_for_its_dates_but_not_for_one_of_them(
    client, programme, coordinator, visit
):
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:create"), call_data(programme, visit, opens_local="", closes_local="")
    )
    call = Call.objects.get()
    assert response.status_code == 302 and call.state() == "draft" and call.opens_at is None
    response = client.post(
        reverse("calls:edit", args=[call.slug]), call_data(programme, visit, closes_local="")
    )
    assert 'href="#id_closes_local"' in response.text
    assert "Give both the opening and the closing time." in response.text


def test_a_public_call_cannot_lose_its_dates(client, programme, coordinator, visit):
    call = CallFactory(programme=programme)
    client.force_login(coordinator)
    data = call_data(programme, visit, opens_local="", closes_local="")
    response = client.post(reverse("calls:edit", args=[call.slug]), data)
    assert 'href="#id_opens_local"' in response.text and 'href="#id_closes_local"' in response.text
    call.refresh_from_db()
    assert call.opens_at is not None


@pytest.mark.parametrize(
    ("typed", "valid"), [("0", False), ("1", True), ("5", True), ("6", False), ("20000", False)]
)
def test_a_call_for_participants_lets_applicants_rank_one_to_five_visits(
    client, programme, coordinator, visit, typed, valid
):
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:create"), call_data(programme, visit, max_preferences=typed)
    )
    assert Call.objects.exists() == valid
    if not valid:
        assert 'href="#id_max_preferences"' in response.text


def test_a_coordinator_opens_a_draft_from_its_page(client, programme, coordinator, visit):
    draft = CallFactory(programme=programme, published_at=None)
    client.force_login(coordinator)
    page = client.get(draft.get_absolute_url()).text
    assert "This call is a draft" in page and reverse("calls:publish", args=[draft.slug]) in page
    response = client.post(reverse("calls:publish", args=[draft.slug]), follow=True)
    assert "The call is public." in response.text
    draft.refresh_from_db()
    assert draft.state() == "open"


def test_a_draft_without_dates_is_not_opened_and_the_page_says_why(client, programme, coordinator):
    draft = CallFactory(programme=programme, published_at=None, opens_at=None, closes_at=None)
    client.force_login(coordinator)
    response = client.post(reverse("calls:publish", args=[draft.slug]), follow=True)
    assert "Set the call&#x27;s opening and closing times before opening it." in response.text
    draft.refresh_from_db()
    assert draft.state() == "draft"


def test_an_editor_writes_a_question_in_two_languages_and_both_are_kept(
    client, coordinator, programme
):
    call = CallFactory(programme=programme)
    client.force_login(coordinator)
    url = reverse("calls:questions", args=[call.slug])
    rows = {
        "questions-TOTAL_FORMS": 1,
        "questions-INITIAL_FORMS": 0,
        "questions-0-label_en": "How big is your city?",
        "questions-0-label_fr": "Quelle taille a votre ville ?",
        "questions-0-help_text_fr": "En habitants.",
        "questions-0-kind": "single_choice",
        "questions-0-choices_en": "Small\nLarge",
        "questions-0-choices_fr": "Petite\n\nGrande\n",
        "questions-0-max_file_mb": 5,
    }
    assert client.post(url, rows).status_code == 302
    question = call.questions.get()
    assert translations_of(question, "label") == {
        "en": "How big is your city?",
        "fr": "Quelle taille a votre ville ?",
    }
    assert translations_of(question, "help_text") == {"fr": "En habitants."}
    assert translations_of(question, "choices") == {
        "en": ["Small", "Large"],
        "fr": ["Petite", "Grande"],
    }
    page = client.get(url).text  # the editor shows every language written, one a line
    assert "Petite\nGrande</textarea>" in page and "Small\nLarge</textarea>" in page


def test_choices_in_two_languages_need_as_many_lines_in_each(client, coordinator, programme):
    call = CallFactory(programme=programme)
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:questions", args=[call.slug]),
        {
            "questions-TOTAL_FORMS": 1,
            "questions-INITIAL_FORMS": 0,
            "questions-0-label_en": "Pick",
            "questions-0-kind": "single_choice",
            "questions-0-choices_en": "Small\nLarge",
            "questions-0-choices_fr": "Petite\nMoyenne\nGrande",
            "questions-0-max_file_mb": 5,
        },
    )
    assert 'href="#id_questions-0-choices"' in response.text
    assert "Give the same number of choices in each language, one a line." in response.text
    assert "Petite\nMoyenne\nGrande</textarea>" in response.text  # what was typed is kept
    assert not call.questions.exists()


def test_an_editor_writes_the_call_in_two_languages_and_paragraphs_stay(
    client, programme, coordinator, visit
):
    client.force_login(coordinator)
    data = call_data(programme, visit, description="First.\n\nSecond.")
    data |= {"title_fr": "Appel à participants 2027", "description_fr": "D'abord.\n\nEnsuite."}
    client.post(reverse("calls:create"), data)
    call = Call.objects.get()
    assert translations_of(call, "title") == {
        "en": "Call for participants 2027",
        "fr": "Appel à participants 2027",
    }
    assert translations_of(call, "description") == {
        "en": "First.\n\nSecond.",
        "fr": "D'abord.\n\nEnsuite.",
    }
    with translation.override("fr"):
        page = client.get(reverse("calls:edit", args=[call.slug])).text
    assert 'value="Appel à participants 2027"' in page and 'lang="fr"' in page


def test_a_consent_changed_in_one_language_is_a_new_version(client, coordinator, programme, visit):
    call = CallFactory(programme=programme, consent_text={"en": "I agree.", "fr": "J'accepte."})
    client.force_login(coordinator)
    url = reverse("calls:edit", args=[call.slug])
    client.post(url, call_data(programme, visit, consent_text="I agree.", consent_text_fr="Oui."))
    call.refresh_from_db()
    assert translations_of(call, "consent_text") == {"en": "I agree.", "fr": "Oui."}
    assert call.consent_version == 2
