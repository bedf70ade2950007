"""Surveys and invitations for the feedback tests (beside the shared factories, to keep this
app's helpers apart)."""

import datetime
import secrets

from django.utils import timezone

from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Invitation, Survey, SurveyTemplate
from citypeers.feedback.services.templates import house_templates_load

AUDIENCE = {Moment.HOST: Audience.HOSTS}


def survey_of(
    visit,
    *,
    moment: str = Moment.END_OF_VISIT,
    anonymity: str = Anonymity.ANONYMOUS,
    day: int = 0,
    send_at: datetime.datetime | None = None,
    closes_at: datetime.datetime | None = None,
) -> Survey:
    """A survey of the visit with the house template's questions, sent an hour ago and open
    for two weeks unless told."""
    house_templates_load()
    audience = AUDIENCE.get(moment, Audience.PARTICIPANTS)
    template = SurveyTemplate.objects.get(programme=None, moment=moment, audience=audience)
    now = timezone.now()
    send_at = send_at or now - datetime.timedelta(hours=1)
    return Survey.objects.create(
        visit=visit,
        version=template.versions.order_by("-number").first(),
        moment=moment,
        audience=audience,
        day=day,
        anonymity=anonymity,
        send_at=send_at,
        closes_at=closes_at or send_at + datetime.timedelta(days=14),
        sent_at=send_at,
    )


def invitation_for(survey: Survey, person) -> Invitation:
    return Invitation.objects.create(
        survey=survey, person=person, key=secrets.token_urlsafe(32), sent_at=survey.sent_at
    )
