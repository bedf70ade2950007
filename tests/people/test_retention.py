"""Retention: each kind of personal data past its period is pruned by the daily
`prune_old_records`; younger records, and those the programme keeps, stay."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from citypeers.api.models import ApiToken
from citypeers.api.services import api_token_create
from citypeers.calls.models import Application, ApplicationFile, Call, Question
from citypeers.calls.services.applications import application_save
from citypeers.newsletter.models import Subscription
from citypeers.newsletter.services.subscriptions import subscription_unsubscribe
from citypeers.people.enums import AffiliationState
from citypeers.people.models import Affiliation, Consent
from citypeers.people.personal_data import personal_data_prune
from citypeers.visits.models import QuestionnaireAnswer
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    ProgrammeFactory,
    UserFactory,
    VisitFactory,
)
from tests.newsletter.scene import subscriber
from tests.samples import PDF

NOW = timezone.now()


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def _application(call, *, outcome="", motivation="I want to learn", with_file=False):
    question = Question.objects.create(call=call, kind="file", label="CV", required=False)
    upload = SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf")
    application = application_save(
        call=call,
        applicant=UserFactory(),
        fields={"role": "Officer", "motivation": motivation},
        preferences=[],
        answers={},
        files={question: upload} if with_file else {},
        consent=True,
        submit=True,
    )
    Application.objects.filter(pk=application.pk).update(outcome=outcome)
    return application


def _closed(call, *, days: int) -> None:
    Call.objects.filter(pk=call.pk).update(opens_at=days_ago(days + 30), closes_at=days_ago(days))


@pytest.mark.django_db
def test_applications_that_led_to_no_place_lose_their_texts_and_files_after_two_years(
    private_files, django_capture_on_commit_callbacks
):
    old, recent = CallFactory(), CallFactory()
    rejected = _application(old, outcome="not_selected", with_file=True)
    selected = _application(old, outcome="selected")
    young = _application(recent, outcome="not_selected")
    stored = ApplicationFile.objects.get(application=rejected).file.name
    _closed(old, days=2 * 365 + 1)
    _closed(recent, days=2 * 365 - 1)

    with django_capture_on_commit_callbacks(execute=True):  # files go once it commits
        assert personal_data_prune(NOW)["calls.applications"] == 1

    rejected.refresh_from_db()
    assert rejected.motivation == "" and rejected.role == "" and rejected.consent_text == ""
    assert rejected.outcome == "not_selected"  # the selection's figures stay
    assert not ApplicationFile.objects.filter(application=rejected).exists()
    assert not private_files.exists(stored)
    assert Application.objects.get(pk=selected.pk).motivation == "I want to learn"
    assert Application.objects.get(pk=young.pk).motivation == "I want to learn"
    assert personal_data_prune(NOW)["calls.applications"] == 0  # done once


@pytest.mark.django_db
def test_the_retention_period_is_a_setting(settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    call = CallFactory()
    rejected = _application(call, outcome="not_selected")
    _closed(call, days=31)
    personal_data_prune(NOW)
    assert Application.objects.get(pk=rejected.pk).motivation == ""


@pytest.mark.django_db
def test_answers_before_a_visit_go_ninety_days_after_it_ends():
    person = UserFactory()
    ended = VisitFactory(starts_on=days_ago(95).date(), ends_on=days_ago(91).date())
    recent = VisitFactory(starts_on=days_ago(95).date(), ends_on=days_ago(89).date())
    for visit in (ended, recent):
        QuestionnaireAnswer.objects.create(
            visit=visit, person=person, dietary_needs="Vegan", submitted_at=days_ago(100)
        )
    assert personal_data_prune(NOW)["visits.questionnaires"] == 1
    assert list(QuestionnaireAnswer.objects.values_list("visit", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_unsubscribed_addresses_are_forgotten_thirty_days_later():
    programme = ProgrammeFactory()
    gone, still = subscriber(programme, "gone@example.org"), subscriber(programme, "r@example.org")
    subscription_unsubscribe(subscription=gone, now=days_ago(31))
    subscription_unsubscribe(subscription=still, now=days_ago(29))
    personal_data_prune(NOW)
    assert list(Subscription.objects.values_list("email", flat=True)) == ["r@example.org"]


@pytest.mark.django_db
def test_closed_affiliations_withdrawn_consents_and_revoked_tokens_go_after_their_periods():
    person = UserFactory()
    for state, days in [(AffiliationState.REFUSED, 731), (AffiliationState.REFUSED, 729)]:
        Affiliation.objects.create(
            user=person, organisation=OrganisationFactory(), state=state, decided_at=days_ago(days)
        )
    Affiliation.objects.create(user=person, organisation=OrganisationFactory())  # waiting
    for days in (3 * 365 + 1, 3 * 365 - 1):
        Consent.objects.create(
            user=person, purpose="newsletter", text="Yes", withdrawn_at=days_ago(days)
        )
    Consent.objects.create(user=person, purpose="newsletter", text="Still yes")
    programme = ProgrammeFactory()
    for days in (366, 364):
        token, _secret = api_token_create(programme=programme, name=f"{days}", by=person)
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=days_ago(days))

    pruned = personal_data_prune(NOW)

    assert (pruned["people.affiliations"], Affiliation.objects.count()) == (1, 2)
    assert (pruned["people.consents"], Consent.objects.count()) == (1, 2)
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["364"]


@pytest.mark.django_db
def test_the_daily_clean_up_runs_every_kind_and_says_what_it_pruned():
    expired = SessionStore()
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(expire_date=days_ago(1))
    live = SessionStore()
    live.create()
    out = StringIO()
    call_command("prune_old_records", stdout=out)
    assert "people.sessions: 1 record(s) past their retention pruned." in out.getvalue()
    assert "calls.applications: 0 record(s)" in out.getvalue()
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]
