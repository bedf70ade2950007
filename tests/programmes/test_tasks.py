"""Snapshots of the e-mails the programmes app sends, in each shipped language.

A change to wording or layout shows up as a failing diff; after checking it, refresh the
snapshots with UPDATE_SNAPSHOTS=1.
"""

import os
from pathlib import Path

import pytest
from django.core import mail

from citypeers.programmes.models import Role
from citypeers.programmes.tasks import notify_membership_added
from tests.factories import MembershipFactory, PlaceFactory, ProgrammeFactory, UserFactory

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(text: str, name: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(text)
    assert snapshot.is_file(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert text == snapshot.read_text()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("on_visit", [True, False], ids=["visit", "programme"])
def test_membership_added_email(language, on_visit):
    programme = ProgrammeFactory(name="Heritage & Cities 2027", slug="heritage-2027")
    person = UserFactory(display_name="Zoë O'Brien", languages=[language], email="zoe@example.org")
    visit = None
    if on_visit:
        visit = programme.visits.create(
            title='"Adopt a Monument" & friends',
            slug="tampere",
            host_place=PlaceFactory(name="Tampere", country="FI"),
        )
    membership = MembershipFactory(user=person, programme=programme, visit=visit, role=Role.HOST)
    notify_membership_added.call(membership_id=membership.pk)
    [message] = mail.outbox
    where = "visit" if on_visit else "programme"
    text = f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"
    assert_matches_snapshot(text, f"membership_added.{where}.{language}.txt")
    assert "&amp;" not in text and "&#x27;" not in text and "&quot;" not in text


@pytest.mark.django_db
def test_no_email_when_the_role_was_removed_before_the_worker_ran():
    notify_membership_added.call(membership_id=987654)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reviewer_is_sent_to_the_review_of_their_call_or_else_to_their_page():
    from citypeers.calls.models import ReviewAssignment  # the calls app sits above programmes
    from tests.calls.helpers import apply
    from tests.factories import CallFactory

    programme = ProgrammeFactory()
    person = UserFactory(languages=["en"])
    first = MembershipFactory(user=person, programme=programme, role=Role.REVIEWER)
    notify_membership_added.call(membership_id=first.pk)
    assert "What needs you, on your page: http://127.0.0.1:8000/en/me/" in mail.outbox[0].body
    call = CallFactory(programme=programme, slug="call-2027")
    ReviewAssignment.objects.create(application=apply(call, "Aino"), reviewer=person)
    notify_membership_added.call(membership_id=first.pk)
    assert (
        "The applications to review: http://127.0.0.1:8000/en/calls/call-2027/review/"
        in mail.outbox[1].body
    )
