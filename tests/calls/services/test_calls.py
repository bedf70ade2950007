"""Making and changing calls: addresses, consent versions, questions, copies, settings."""

import datetime

import pytest
from django.utils import timezone
from django.utils.text import slugify

from citypeers.calls.models import Call, Question
from citypeers.calls.services.calls import (
    call_copy,
    call_outcome_messages_save,
    call_publish,
    call_save,
    call_selection_settings_save,
    questions_save,
)
from citypeers.core.errors import CallError
from citypeers.core.models import AuditEntry
from citypeers.core.translated import translations_of
from tests.factories import CallFactory, VisitFactory
from tests.races import race

pytestmark = pytest.mark.django_db
QUESTION = {
    "kind": "short_text",
    "help_text": "",
    "required": True,
    "choices": [],
    "word_limit": None,
    "max_file_mb": 5,
    "file_types": "pdf",
}


def test_a_new_call_gets_an_address_of_its_own_from_its_title(programme, coordinator, visit):
    CallFactory(slug="call-for-hosts")
    data = {"title": "Call for hosts", "description": "Host us.", "type": "hosts"}
    new = Call(programme=programme, opens_at=CallFactory.build().opens_at)
    new.closes_at = CallFactory.build().closes_at
    call = call_save(call=new, by=coordinator, data=data, visits=[visit])
    assert call.slug.startswith("call-for-hosts") and call.slug != "call-for-hosts"
    assert list(call.visits.all()) == [visit]
    assert AuditEntry.objects.get(action="call.created").actor == coordinator


@pytest.mark.parametrize("title", ["New", "Feed"])
def test_a_call_never_takes_an_address_another_page_has(programme, coordinator, title):
    """`calls/new/` creates a call and `calls/feed/` is the open calls' feed."""
    new = Call(programme=programme, opens_at=CallFactory.build().opens_at)
    new.closes_at = CallFactory.build().closes_at
    call = call_save(call=new, by=coordinator, data={"title": title, "type": "hosts"}, visits=[])
    assert call.slug == f"{title.lower()}-2"


def test_the_consent_version_moves_only_when_its_text_changes(call, coordinator):
    call_save(
        call=call,
        by=coordinator,
        data={"title": "New title", "consent_text": call.consent_text},
        visits=[],
    )
    assert call.consent_version == 1 and call.title == "New title"
    call_save(call=call, by=coordinator, data={"consent_text": "I agree, again."}, visits=[])
    call.refresh_from_db()
    assert (call.consent_version, call.visits.count()) == (2, 0)


def test_a_change_that_leaves_the_consent_text_out_keeps_its_version(call, coordinator):
    call_save(call=call, by=coordinator, data={"title": "Dates moved"}, visits=[])
    call.refresh_from_db()
    assert (call.title, call.consent_version) == ("Dates moved", 1)


def test_questions_are_saved_in_the_order_given_and_deleted(call, coordinator):
    old = Question.objects.create(call=call, kind="short_text", label="Old", position=0)
    kept = Question.objects.create(call=call, kind="short_text", label="Kept", position=1)
    rows = [
        QUESTION | {"label": "New first", "instance": None},
        QUESTION | {"label": "Kept, renamed", "instance": kept},
    ]
    questions_save(call=call, by=coordinator, rows=rows, deleted=[old])
    assert [(q.label, q.position) for q in call.questions.all()] == [
        ("New first", 0),
        ("Kept, renamed", 1),
    ]


def test_a_copy_keeps_settings_visits_and_questions_under_a_new_title(call, coordinator):
    Question.objects.create(call=call, kind="long_text", label="Why?", word_limit=50, position=2)
    copy = call_copy(call=call, by=coordinator)
    assert copy.pk != call.pk and copy.title == f"Copy of {call.title}"
    assert copy.slug != call.slug and copy.selection_settings == call.selection_settings
    assert list(copy.visits.all()) == list(call.visits.all())
    question = copy.questions.get()
    assert (question.label, question.word_limit, question.position) == ("Why?", 50, 2)
    assert call.questions.count() == 1  # the original keeps its own
    assert AuditEntry.objects.get(action="call.copied").changes == {"from": call.slug}


def test_selection_settings_and_decision_texts_are_kept_and_logged(call, coordinator):
    other = VisitFactory(programme=call.programme)
    settings = {"mode": "lottery", "threshold": 50.0, "visits": {str(other.pk): {"capacity": 3}}}
    call_selection_settings_save(call=call, by=coordinator, settings=settings)
    call_outcome_messages_save(call=call, by=coordinator, messages={"selected": "Hi {name}"})
    call.refresh_from_db()
    assert call.selection_settings == settings
    assert call.outcome_messages == {"selected": "Hi {name}"}
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {
        "selection.settings",
        "selection.messages",
    }


def test_a_new_call_is_a_draft_until_a_coordinator_opens_it(programme, coordinator):
    now = timezone.now()
    data = {
        "programme": programme,
        "type": Call.Type.PARTICIPANTS,
        "title": "Heritage in action",
        "description": "Visits.",
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=30),
    }
    call = call_save(call=Call(), by=coordinator, data=data, visits=[])
    assert call.state() == "draft" and not call.is_open()
    call = call_publish(call=call, by=coordinator)
    assert call.state() == "open" and call.published_at is not None
    with pytest.raises(CallError, match="public already"):
        call_publish(call=call, by=coordinator)


def test_a_call_without_both_times_or_past_its_close_cannot_be_opened(programme, coordinator):
    call = CallFactory(programme=programme, published_at=None, opens_at=None, closes_at=None)
    with pytest.raises(CallError, match="opening and closing times") as refused:
        call_publish(call=call, by=coordinator)
    assert refused.value.field == "opens_at"
    past = CallFactory(
        programme=programme,
        published_at=None,
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    with pytest.raises(CallError, match="closing time has passed"):
        call_publish(call=past, by=coordinator)
    assert Call.objects.filter(published_at=None).count() == 2


def test_a_copy_of_an_open_call_is_a_draft_without_dates(call, coordinator):
    copy = call_copy(call=call, by=coordinator)
    assert copy.state() == "draft"
    assert (copy.opens_at, copy.closes_at, copy.notify_on) == (None, None, None)
    assert copy.max_preferences == call.max_preferences


def test_a_public_call_keeps_both_its_times(call, coordinator):
    with pytest.raises(CallError, match="needs its opening and closing times"):
        call_save(call=call, by=coordinator, data={"closes_at": None}, visits=[])


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_copy_makes_two_drafts_each_at_its_own_address(call, coordinator):
    """The second copy takes the next free address (on PostgreSQL it met the first's on the
    unique index and failed with an error page)."""
    first, second = race(
        lambda: call_copy(call=call, by=coordinator),
        lambda: call_copy(call=call, by=coordinator),
        hold_after="citypeers.calls.services.calls.log_action",
    )
    assert (first.error, second.error) == (None, None)
    slug = slugify(f"Copy of {call.title}")
    assert (first.result.slug, second.result.slug) == (slug, f"{slug}-2")


def test_a_copy_is_titled_in_each_language_of_the_title(call, coordinator):
    call.title = {"en": "Walks", "fr": "Promenades"}
    call.save()
    copy = call_copy(call=call, by=coordinator)
    assert translations_of(copy, "title") == {"en": "Copy of Walks", "fr": "Copie de Promenades"}


def test_a_question_saved_from_the_editor_keeps_a_language_the_platform_does_not_offer(
    call, coordinator
):
    question = Question.objects.create(
        call=call, kind="short_text", label={"en": "Street?", "is": "Gata?"}, position=0
    )
    rows = [QUESTION | {"label": {"en": "Your street?"}, "instance": question}]
    questions_save(call=call, by=coordinator, rows=rows, deleted=[])
    question.refresh_from_db()
    assert translations_of(question, "label") == {"en": "Your street?", "is": "Gata?"}
