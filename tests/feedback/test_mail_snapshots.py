"""The survey's mails as people read them, in English and French: the invitation and the
reminder, subject and body (the link's signed token varies, so it is written as <token>)."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Survey
from citypeers.feedback.tasks import send_survey, send_survey_reminders
from tests.factories import VisitFactory
from tests.feedback.factories import on_visit, template_version, utc

pytestmark = pytest.mark.django_db


def _text(message) -> str:
    body = re.sub(r"/surveys/[^/\s]+/", "/surveys/<token>/", message.body)
    return f"Subject: {message.subject}\n\n{body}"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("anonymity", [Anonymity.ANONYMOUS, Anonymity.PSEUDONYMOUS])
def test_the_invitation_and_its_reminder(language, anonymity, assert_matches_snapshot):
    visit = VisitFactory(title="Heritage walks in Tampere")
    on_visit(visit, languages=[language], time_zone="Europe/Lisbon")
    survey = Survey.objects.create(
        visit=visit,
        version=template_version(moment=Moment.END_OF_VISIT),
        moment=Moment.END_OF_VISIT,
        audience=Audience.PARTICIPANTS,
        anonymity=anonymity,
        send_at=timezone.now(),
        closes_at=utc(2030, 4, 5, 16),
    )
    send_survey.call(survey_id=survey.pk)
    Survey.objects.filter(pk=survey.pk).update(sent_at=timezone.now() - datetime.timedelta(days=3))
    send_survey_reminders.call()
    invitation, reminder = mail.outbox
    assert_matches_snapshot(_text(invitation), f"survey.{anonymity}.{language}.txt")
    if anonymity == Anonymity.ANONYMOUS:
        assert_matches_snapshot(_text(reminder), f"survey_reminder.{language}.txt")
