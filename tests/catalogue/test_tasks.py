"""The e-mails of the review workflow: who gets them, in which language, and what they say."""

import pytest
from django.core import mail

from citypeers.catalogue.tasks import notify_coordinators_of_submission, notify_submitter_of_review
from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, PracticeFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _practice(status, language="en", **fields):
    programme = ProgrammeFactory(name="Heritage & Cities 2027")
    author = UserFactory(display_name="Zoë O'Brien", languages=[language], email="zoe@example.org")
    return PracticeFactory(
        programme=programme,
        submitted_by=author,
        title='"Adopt a Monument" & friends',
        slug="adopt-a-monument",
        status=status,
        published_at="2026-01-01T00:00Z" if status == "published" else None,
        **fields,
    )


def _as_text(message):
    return f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_submitted_email(language, assert_matches_snapshot):
    practice = _practice("submitted")
    coordinator = UserFactory(display_name="Ada", languages=[language], email="ada@example.org")
    MembershipFactory(programme=practice.programme, user=coordinator, role=Role.COORDINATOR)
    notify_coordinators_of_submission.call(practice_id=practice.pk)
    [message] = mail.outbox
    assert_matches_snapshot(_as_text(message), f"submitted.{language}.txt")
    assert "&amp;" not in message.body and "&quot;" not in message.subject


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("status", ["published", "changes", "declined"])
def test_reviewed_email(status, language, assert_matches_snapshot):
    comment = "" if status == "published" else "Add the figures of 2024 & 2025."
    practice = _practice(status, language, review_comment=comment)
    notify_submitter_of_review.call(practice_id=practice.pk)
    [message] = mail.outbox
    assert_matches_snapshot(_as_text(message), f"reviewed.{status}.{language}.txt")
    assert "&amp;" not in message.body and "&#x27;" not in message.body


def test_only_the_programmes_own_coordinators_hear_of_a_submission():
    practice = _practice("submitted")
    coordinator = MembershipFactory(programme=practice.programme, role=Role.COORDINATOR).user
    MembershipFactory(programme=practice.programme, role=Role.REVIEWER)
    MembershipFactory(role=Role.COORDINATOR)  # of another programme
    notify_coordinators_of_submission.call(practice_id=practice.pk)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_each_coordinator_reads_the_submission_in_their_language():
    practice = _practice("submitted")
    for language in ["fr", "en"]:
        MembershipFactory(
            programme=practice.programme,
            role=Role.COORDINATOR,
            user=UserFactory(languages=[language]),
        )
    notify_coordinators_of_submission.call(practice_id=practice.pk)
    title = practice.title
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [f"Practice to review: {title}", f"Pratique à évaluer : {title}"]


@pytest.mark.parametrize("status", ["draft", "published"])
def test_no_review_request_once_the_practice_is_no_longer_waiting(status):
    practice = _practice(status)
    MembershipFactory(programme=practice.programme, role=Role.COORDINATOR)
    notify_coordinators_of_submission.call(practice_id=practice.pk)
    assert mail.outbox == []


def test_no_email_about_a_practice_deleted_before_the_worker_ran():
    notify_coordinators_of_submission.call(practice_id=987654)
    notify_submitter_of_review.call(practice_id=987654)
    assert mail.outbox == []


def test_no_outcome_email_when_the_authors_account_is_gone():
    practice = _practice("published")
    practice.submitted_by.delete()
    notify_submitter_of_review.call(practice_id=practice.pk)
    assert mail.outbox == []
