"""Two workers sending the same survey at once (a task queued twice, or retried while the
first run still works): each person gets one mail, and the survey is marked sent once all are."""

import pytest
from django.core import mail

from citypeers.feedback.models import Invitation, Survey
from citypeers.feedback.tasks import send_survey
from tests.factories import VisitFactory
from tests.feedback.factories import on_visit
from tests.feedback.scene import sent_survey
from tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_workers_at_once_mail_each_person_once():
    visit = VisitFactory()
    people = {on_visit(visit, email=f"p{n}@example.org").email for n in range(5)}
    survey = sent_survey(visit, invited=0)
    Survey.objects.filter(pk=survey.pk).update(sent_at=None)

    first, second = race(
        lambda: send_survey.call(survey_id=survey.pk),
        lambda: send_survey.call(survey_id=survey.pk),
        hold_after="citypeers.feedback.tasks.invitations_mark_sent",
    )

    assert first.error is None and second.error is None
    assert first.result + second.result == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(people)
    assert not Invitation.objects.filter(sent_at__isnull=True).exists()
    assert Survey.objects.get(pk=survey.pk).sent_at is not None
