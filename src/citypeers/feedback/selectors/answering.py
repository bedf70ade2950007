"""Reading what a person's survey link opens: the invitation behind a token, the survey's
questions and the sessions it rates."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.core.notifications import mail_language
from citypeers.feedback.enums import Moment
from citypeers.feedback.models import Invitation, Question, Survey
from citypeers.visits.models import AgendaSession

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE  # the language answers' choices are kept in

LINK_SALT = "feedback.invitation"  # signing salt: a token for one purpose is no other


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.key, salt=LINK_SALT)


def invitation_link(invitation: Invitation) -> str:
    """The absolute path of the person's own link, in their language (mails prefix the site)."""
    with translation.override(mail_language(invitation.person)):
        return reverse("feedback:answer", args=[invitation_token(invitation)])


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a link names; None for a token that was not signed here or was changed."""
    try:
        key = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(key, str):
        return None
    return (
        Invitation.objects.select_related("survey__visit__programme", "survey__version")
        .filter(key=key)
        .first()
    )


@dataclass(frozen=True)
class LinkState:
    """What the link shows now: the form, the thanks, or that the survey closed."""

    answered: bool
    closed: bool


def link_state(invitation: Invitation, *, now=None) -> LinkState:
    now = now or timezone.now()
    return LinkState(answered=invitation.answered, closed=now >= invitation.survey.closes_at)


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.version.questions.order_by("position"))


def sessions_to_rate(survey: Survey) -> QuerySet[AgendaSession]:
    """The sessions held before the survey was sent, not cancelled; a day's pulse rates that
    day's sessions only."""
    sessions = AgendaSession.objects.filter(
        visit=survey.visit, cancelled_at__isnull=True, starts_at__lt=survey.send_at
    ).select_related("format")
    if survey.moment == Moment.DAILY_PULSE:
        sessions = sessions.filter(day=survey.day)
    return sessions.order_by("starts_at", "pk")


def choice_stored(question: Question, index: int) -> str:
    """The label an answer keeps for a choice: the default language's, so that answers given in
    every language count together."""
    with translation.override(DEFAULT_LANGUAGE):
        return question.choices[index]
