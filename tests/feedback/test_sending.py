"""Surveys sent through the task queue: an invitation and one mail each, in the person's
language with their own link, for the audience as it is at send time; reminders to those who
have not answered, once each; nothing twice under retries."""

import datetime
import io
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Invitation, Survey
from citypeers.feedback.services.surveys import survey_anonymity_change, survey_send_now
from citypeers.feedback.tasks import send_survey, send_survey_reminders
from citypeers.programmes.models import Role
from tests.factories import VisitFactory
from tests.feedback.factories import on_visit, template_version, utc

pytestmark = pytest.mark.django_db


def _key_in(body: str, *, language: str) -> str:
    """The invitation key the mail's link carries, read back as the answering page would,
    after checking the link is the answering page's address in that language."""
    token = re.search(r"/surveys/([^/\s]+)/", body).group(1)
    with translation.override(language):
        assert reverse("feedback:answer", args=[token]) in body
    return signing.loads(token, salt="feedback.invitation")


@pytest.fixture
def visit():
    return VisitFactory(starts_on=datetime.date(2027, 3, 22), ends_on=datetime.date(2027, 3, 23))


def _survey(visit, *, audience=Audience.PARTICIPANTS, sent_at=None, **more) -> Survey:
    moment = Moment.HOST if audience == Audience.HOSTS else Moment.END_OF_VISIT
    now = timezone.now()
    return Survey.objects.create(
        visit=visit,
        version=template_version(moment=moment, audience=audience),
        moment=moment,
        audience=audience,
        send_at=now - datetime.timedelta(minutes=1),
        closes_at=now + datetime.timedelta(days=14),
        sent_at=sent_at,
        **more,
    )


def test_each_participant_gets_one_mail_in_their_language_with_their_own_link(visit):
    english = on_visit(visit, email="ann@example.org", languages=["en"])
    french = on_visit(visit, email="jean@example.org", languages=["fr", "en"])
    on_visit(visit, Role.HOST, email="host@example.org")  # not a participant
    survey = _survey(visit)

    assert send_survey.call(survey_id=survey.pk) == 2

    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {"ann@example.org", "jean@example.org"}
    ann, jean = Invitation.objects.get(person=english), Invitation.objects.get(person=french)
    assert _key_in(by_person["ann@example.org"].body, language="en") == ann.key
    assert _key_in(by_person["jean@example.org"].body, language="fr") == jean.key
    assert "Votre avis" in by_person["jean@example.org"].subject
    assert "anonymous" in by_person["ann@example.org"].body
    assert ann.key != jean.key and len(ann.key) >= 40
    survey.refresh_from_db()
    assert survey.sent_at is not None
    assert all(i.sent_at for i in Invitation.objects.all())


def test_the_audience_is_the_roster_at_send_time(visit):
    survey = _survey(visit)
    on_visit(visit, email="early@example.org")
    late = on_visit(visit, email="late@example.org")  # joins after the survey was planned
    send_survey.call(survey_id=survey.pk)
    assert Invitation.objects.filter(survey=survey, person=late).exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["early@example.org", "late@example.org"]


def test_the_hosts_feedback_goes_to_the_hosts_only(visit):
    on_visit(visit, email="participant@example.org")
    on_visit(visit, Role.HOST, email="host@example.org")
    on_visit(visit, Role.EXPERT, email="expert@example.org")
    send_survey.call(survey_id=_survey(visit, audience=Audience.HOSTS).pk)
    assert [m.to[0] for m in mail.outbox] == ["host@example.org"]


def test_sending_again_or_retrying_mails_nobody_twice(visit):
    for n in range(3):
        on_visit(visit, email=f"p{n}@example.org")
    survey = _survey(visit)
    send_survey.call(survey_id=survey.pk)
    assert send_survey.call(survey_id=survey.pk) == 0
    assert len(mail.outbox) == 3
    assert Invitation.objects.count() == 3


def test_a_run_that_died_half_way_sends_only_what_was_left(visit):
    people = [on_visit(visit, email=f"p{n}@example.org") for n in range(3)]
    survey = _survey(visit)
    # The first run made the invitations and mailed one person, then its worker died.
    for person in people:
        Invitation.objects.create(
            survey=survey,
            person=person,
            key=f"key-{person.pk}",
            sent_at=timezone.now() if person == people[0] else None,
        )
    assert send_survey.call(survey_id=survey.pk) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["p1@example.org", "p2@example.org"]


def test_send_now_queues_the_survey_and_it_goes_out(visit, django_capture_on_commit_callbacks):
    on_visit(visit, email="p@example.org")
    survey = _survey(visit)
    Survey.objects.filter(pk=survey.pk).update(send_at=utc(2027, 3, 23, 15))
    with django_capture_on_commit_callbacks(execute=True):
        survey_send_now(survey=survey, by=None)
    survey.refresh_from_db()
    assert survey.sent_at is not None
    assert len(mail.outbox) == 1
    with pytest.raises(FeedbackError):
        survey_send_now(survey=survey, by=None)


def test_the_daily_command_sends_the_due_surveys_only(visit, django_capture_on_commit_callbacks):
    on_visit(visit, email="p@example.org")
    due = _survey(visit)
    later = Survey.objects.create(
        visit=visit,
        version=due.version,
        moment=Moment.FOLLOW_UP,
        audience=Audience.PARTICIPANTS,
        send_at=timezone.now() + datetime.timedelta(days=180),
        closes_at=timezone.now() + datetime.timedelta(days=194),
    )
    call_command("send_surveys", stdout=io.StringIO())
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.sent_at is not None and later.sent_at is None
    assert len(mail.outbox) == 1


def _sent_days_ago(visit, days: int) -> Survey:
    survey = _survey(visit)
    send_survey.call(survey_id=survey.pk)
    Survey.objects.filter(pk=survey.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=days)
    )
    mail.outbox.clear()
    return survey


def test_reminders_go_to_those_who_have_not_answered_once_each(visit):
    answered = on_visit(visit, email="done@example.org")
    on_visit(visit, email="late@example.org")
    survey = _sent_days_ago(visit, 2)
    Invitation.objects.filter(person=answered).update(answered=True)

    assert send_survey_reminders.call() == 0  # too early: the first reminder is on day 3
    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now() - datetime.timedelta(days=3))
    assert send_survey_reminders.call() == 1
    assert send_survey_reminders.call() == 0  # the same day again: nothing
    assert [m.to[0] for m in mail.outbox] == ["late@example.org"]
    assert "Reminder" in mail.outbox[0].subject
    late = Invitation.objects.get(person__email="late@example.org")
    assert late.reminders_sent == 1 and late.last_reminded_at is not None

    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now() - datetime.timedelta(days=7))
    assert send_survey_reminders.call() == 1
    assert send_survey_reminders.call() == 0  # two reminders, no third
    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now() - datetime.timedelta(days=9))
    assert send_survey_reminders.call() == 0
    assert len(mail.outbox) == 2


def test_a_closed_survey_reminds_nobody(visit):
    on_visit(visit, email="late@example.org")
    survey = _sent_days_ago(visit, 3)
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now())
    assert send_survey_reminders.call() == 0


def test_the_anonymity_can_change_until_the_survey_is_sent(visit):
    survey = _survey(visit)
    changed = survey_anonymity_change(survey=survey, anonymity=Anonymity.PSEUDONYMOUS, by=None)
    assert changed.anonymity == Anonymity.PSEUDONYMOUS
    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now())
    with pytest.raises(FeedbackError) as refused:
        survey_anonymity_change(survey=survey, anonymity=Anonymity.ANONYMOUS, by=None)
    assert refused.value.field == "anonymity"
    survey.refresh_from_db()
    assert survey.anonymity == Anonymity.PSEUDONYMOUS
