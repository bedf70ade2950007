"""Consents keep the exact text shown, its language and when; unsubscribing withdraws one; a
person's export shows them."""

import pytest
from django.utils import translation

from citypeers.newsletter.services.subscriptions import subscription_unsubscribe
from citypeers.people.models import Consent
from citypeers.people.personal_data import personal_data_export
from tests.factories import CallFactory, ProgrammeFactory, UserFactory, sent_application
from tests.newsletter.scene import CONSENT, subscriber


@pytest.mark.django_db
def test_applying_keeps_the_consent_text_shown_in_its_language():
    call = CallFactory(consent_text={"en": "I agree.", "fr": "J'accepte le traitement."})
    person = UserFactory()
    with translation.override("fr"):
        application = sent_application(call, person)
    consent = Consent.objects.get(user=person)
    assert (consent.purpose, consent.text, consent.language) == (
        "application",
        "J'accepte le traitement.",
        "fr",
    )
    assert consent.reference == f"calls.application:{application.pk}"
    sent_application(call, person)  # sending again: one consent, the latest
    assert Consent.objects.filter(user=person).count() == 1


@pytest.mark.django_db
def test_unsubscribing_withdraws_the_newsletter_consent_and_the_export_shows_it():
    person = UserFactory(email="reader@example.org")
    subscription = subscriber(ProgrammeFactory(), "reader@example.org")
    consent = Consent.objects.get(email="reader@example.org")
    assert consent.text == CONSENT and consent.withdrawn_at is None

    subscription_unsubscribe(subscription=subscription)

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    exported = {kind["key"]: kind["records"] for kind in personal_data_export(user=person)}
    (shown,) = exported["people.consents"]
    assert shown["text agreed to"] == CONSENT and shown["withdrawn"]
