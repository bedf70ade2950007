"""The affiliation e-mails, as snapshots per language: a change of wording shows as a failing
diff; after checking it, refresh them with UPDATE_SNAPSHOTS=1."""

import os
from pathlib import Path

import pytest
from django.core import mail

from citypeers.people.models import Affiliation
from citypeers.people.tasks import notify_affiliation_decided, notify_affiliation_requested
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(text: str, name: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(text)
    assert snapshot.is_file(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert text == snapshot.read_text()


def _request(language: str, **fields) -> Affiliation:
    vantaa = OrganisationFactory(name="City of Vantaa & Co")
    UserFactory(
        display_name="Veera", email="veera@example.org", languages=[language], organisation=vantaa
    )
    petra = UserFactory(
        display_name="Petra O'Brien", email="petra@example.org", languages=[language]
    )
    return Affiliation.objects.create(user=petra, organisation=vantaa, **fields)


def _text(message) -> str:
    return f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_members_are_asked_in_their_language(language):
    notify_affiliation_requested.call(affiliation_id=_request(language).pk)
    [message] = mail.outbox
    assert_matches_snapshot(_text(message), f"affiliation.requested.{language}.txt")
    assert "&amp;" not in message.body and "&#x27;" not in message.body


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("state", ["approved", "refused"])
def test_the_person_who_asked_is_told_the_decision_and_the_reason(language, state):
    affiliation = _request(language, state=state, reason="We checked with HR.")
    notify_affiliation_decided.call(affiliation_id=affiliation.pk)
    [message] = mail.outbox
    assert message.to == ["petra@example.org"]
    assert_matches_snapshot(_text(message), f"affiliation.{state}.{language}.txt")


def test_nobody_is_asked_about_a_request_withdrawn_before_the_worker_ran():
    notify_affiliation_requested.call(affiliation_id=_request("en", state="withdrawn").pk)
    assert mail.outbox == []
