"""Applying as the service does it, whatever page sent it."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from citypeers.calls.models import Application, Call, Question
from citypeers.calls.services.applications import (
    application_eligibility_decide,
    application_save,
    application_withdraw,
)
from citypeers.core.errors import CallError
from citypeers.core.models import AuditEntry
from tests.factories import OrganisationFactory, UserFactory
from tests.samples import PDF, WINDOWS_EXECUTABLE, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(two_visit_call):
    """Two visits, Vantaa and Kortrijk, open since yesterday."""
    return two_visit_call


def test_two_submissions_make_one_application(call):
    person = UserFactory()
    for _ in range(2):
        application_save(
            call=call,
            applicant=person,
            fields={"role": "Officer"},
            preferences=list(call.visits.all()),
            answers={},
            files={},
            consent=True,
            submit=True,
        )
    assert Application.objects.filter(call=call, applicant=person).count() == 1


def test_the_service_refuses_before_the_opening_too(call):
    with pytest.raises(CallError):
        application_save(
            call=call,
            applicant=UserFactory(),
            fields={},
            preferences=[],
            answers={},
            files={},
            consent=False,
            submit=False,
            now=call.opens_at - datetime.timedelta(seconds=1),
        )


def save(call, person, *, submit=True, now=None, consent=True, **fields):
    return application_save(
        call=call,
        applicant=person,
        fields={"role": "Officer", **fields},
        preferences=list(call.visits.all()),
        answers={},
        files={},
        consent=consent,
        submit=submit,
        now=now,
    )


def test_submission_after_closing_time_is_refused(call):
    with pytest.raises(CallError) as refused:
        save(call, UserFactory(), now=call.closes_at)
    # The call's own zone: Brussels, an hour ahead of UTC in winter.
    local = timezone.localtime(call.closes_at, call.zone)
    assert refused.value.message == (
        f"The call closed on {local.day} {local:%B %Y, %H:%M} (Europe/Brussels): applications "
        "can no longer be sent or changed."
    )
    assert not Application.objects.exists()


def test_a_draft_keeps_the_profiles_organisation_and_the_consent_given(call):
    organisation = OrganisationFactory()
    person = UserFactory(organisation=organisation)
    draft = save(call, person, submit=False, consent=False)
    assert (draft.status, draft.organisation, draft.consent_version, draft.submitted_at) == (
        "draft",
        organisation,
        None,
        None,
    )
    call.consent_version = 3
    call.save()
    sent = save(call, person)
    assert (sent.status, sent.consent_version) == ("submitted", 3)
    assert sent.consented_at is not None and sent.submitted_at is not None


def test_sending_again_keeps_the_first_sending_time(call):
    person = UserFactory()
    first = save(call, person).submitted_at
    assert save(call, person, role="Mayor").submitted_at == first


def test_ranked_visits_replace_the_earlier_ones(call):
    person = UserFactory()
    _first, second = call.visits.order_by("starts_on")
    save(call, person)
    application = application_save(
        call=call,
        applicant=person,
        fields={},
        preferences=[second],
        answers={},
        files={},
        consent=True,
        submit=True,
    )
    assert [(p.rank, p.visit) for p in application.preferences.all()] == [(1, second)]


def test_a_file_answer_replaces_the_one_sent_before(call):
    question = Question.objects.create(call=call, kind="file", label="CV")
    person = UserFactory()
    for name in ("old.pdf", "new.pdf"):
        application = application_save(
            call=call,
            applicant=person,
            fields={},
            preferences=[],
            answers={},
            files={question: SimpleUploadedFile(name, b"%PDF")},
            consent=False,
            submit=False,
        )
    assert application.files.get().name == "new.pdf"


def test_a_file_is_checked_by_the_service_too_and_nothing_is_stored_on_refusal(call, private_files):
    """The API or the console calling the service cannot slip past the form's checks."""
    cv = Question.objects.create(call=call, kind="file", label="CV")
    letter = Question.objects.create(call=call, kind="file", label="Letter")
    with pytest.raises(CallError) as refused:
        application_save(
            call=call,
            applicant=UserFactory(),
            fields={},
            preferences=[],
            answers={},
            files={cv: upload("cv.pdf", PDF), letter: upload("letter.pdf", WINDOWS_EXECUTABLE)},
            consent=False,
            submit=False,
        )
    assert refused.value.field == f"q_{letter.pk}"
    assert not Application.objects.exists()
    assert not private_files.exists("applications")


def test_the_applicant_gets_a_copy_once_the_submission_is_saved(
    call, django_capture_on_commit_callbacks
):
    person = UserFactory(email="aino@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        save(call, person, submit=False)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        save(call, person, challenge="Empty mills.")
    [copy] = mail.outbox
    assert copy.to == ["aino@example.org"]


def test_withdrawing_is_refused_after_the_close(call):
    person = UserFactory()
    application = save(call, person)
    with pytest.raises(CallError, match="The call closed on"):
        application_withdraw(application=application, by=person, now=call.closes_at)
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_withdrawn_application_can_be_sent_again_or_reworked_as_a_draft(call):
    person = UserFactory()
    application = application_withdraw(application=save(call, person), by=person)
    assert application.status == "withdrawn"
    assert AuditEntry.objects.filter(action="application.withdrawn").exists()
    assert save(call, person, submit=False).status == "draft"
    application_withdraw(application=application, by=person)
    assert save(call, person).status == "submitted"


def test_eligibility_by_hand_is_recorded_and_can_go_back_to_the_rules(call, coordinator):
    application = save(call, UserFactory())
    application_eligibility_decide(
        application=application, by=coordinator, decision="ineligible", reason="Not a city."
    )
    application.refresh_from_db()
    assert (application.eligibility_override, application.eligibility_reason) == (
        False,
        "Not a city.",
    )
    application_eligibility_decide(
        application=application, by=coordinator, decision="rules", reason="ignored"
    )
    application.refresh_from_db()
    assert (application.eligibility_override, application.eligibility_reason) == (None, "")
    entries = AuditEntry.objects.filter(action="application.eligibility").order_by("pk")
    assert [e.changes["decision"] for e in entries] == ["ineligible", "rules"]
    assert entries[0].actor == coordinator


def test_a_submission_without_notify_sends_no_copy(call, django_capture_on_commit_callbacks):
    """Demo data about a past call is submitted as it was then, but nobody is mailed today."""
    sent = call.opens_at + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        application = application_save(
            call=call,
            applicant=UserFactory(),
            fields={"role": "Officer"},
            preferences=list(call.visits.all()),
            answers={},
            files={},
            consent=True,
            submit=True,
            now=sent,
            notify=False,
        )
    assert queued == [] and mail.outbox == []
    assert application.status == "submitted" and application.submitted_at == sent


def _send(call, person, *, answers, files=None, preferences=None, **fields):
    return application_save(
        call=call,
        applicant=person,
        fields={"role": "Officer", "languages": ["fi", "en"], **fields},
        preferences=list(call.visits.order_by("starts_on")) if preferences is None else preferences,
        answers=answers,
        files=files or {},
        consent=True,
        submit=True,
    )


def test_the_receipt_lists_everything_sent(call, private_files, django_capture_on_commit_callbacks):
    street = Question.objects.create(call=call, kind="short_text", label="Your street?")
    cv = Question.objects.create(call=call, kind="file", label="Your CV")
    person = UserFactory(languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        _send(
            call,
            person,
            answers={str(street.pk): "Mill Lane"},
            files={cv: upload("aino-cv.pdf", PDF)},
            access_needs="Step-free access",
        )
    [receipt] = mail.outbox
    first, second = call.visits.order_by("starts_on")
    for sent in (
        "Your role in your organisation:\nOfficer",
        "Languages you can take part in:\nFinnish, English",
        "Access needs:\nStep-free access",
        "Your street?:\nMill Lane",
        "Your CV: aino-cv.pdf",
        f"1. {first.title}\n2. {second.title}",
        "What you want to learn:\n(no answer)",
    ):
        assert sent in receipt.body
    assert "What changed" not in receipt.body


def test_sending_again_mails_only_when_something_changed_and_says_what(
    call, django_capture_on_commit_callbacks
):
    street = Question.objects.create(call=call, kind="short_text", label="Your street?")
    person = UserFactory(languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        _send(call, person, answers={str(street.pk): "Mill Lane"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _send(call, person, answers={str(street.pk): "Mill Lane"})
    assert mail.outbox == []  # "Send the changes" with nothing changed: no mail
    first, _second = call.visits.order_by("starts_on")
    with django_capture_on_commit_callbacks(execute=True):
        _send(
            call,
            person,
            answers={str(street.pk): "Quay Street"},
            preferences=[first],
            access_needs="A quiet room",
        )
    [changed] = mail.outbox
    assert changed.subject.startswith("Your changed application")
    what = changed.body.split("What changed:\n")[1].split("\n\n")[0]
    assert what.splitlines() == ["- Access needs", "- The visits you ranked", "- Your street?"]
    assert "Your street?:\nQuay Street" in changed.body


def test_a_consent_keeps_the_words_shown_and_their_language_whatever_the_call_says_later(call):
    call.consent_text = {"en": "I agree.", "fr": "J'accepte."}
    call.save()
    with translation.override("fr"):
        shown = call.consent_text
        application = save(call, UserFactory())
    assert (application.consent_text, application.consent_language) == ("J'accepte.", "fr")
    call.consent_text = {"en": "I agree to more.", "fr": "J'accepte davantage."}
    call.save()
    application.refresh_from_db()
    assert (application.consent_text, application.consent_language) == ("J'accepte.", "fr")
    # A reader of a language the text lacks was shown its English, and consented to that.
    with translation.override("de"):
        german = save(call, UserFactory())
    assert (german.consent_text, german.consent_language) == ("I agree to more.", "en")
    assert shown.language == "fr"


def test_the_page_tells_the_service_which_consent_it_showed(call):
    call.consent_text = {"en": "I agree.", "fr": "J'accepte."}
    call.save()
    with translation.override("fr"):
        shown = Call.objects.get(pk=call.pk).consent_text
    application = application_save(
        call=call,
        applicant=UserFactory(),
        fields={"role": "Officer"},
        preferences=list(call.visits.all()),
        answers={},
        files={},
        consent=True,
        consent_shown=shown,
        submit=True,
    )
    assert (application.consent_text, application.consent_language) == ("J'accepte.", "fr")
