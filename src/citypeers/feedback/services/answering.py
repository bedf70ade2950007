"""Answering a survey through one's personal link.

No audit entry and no mail per answer: the audit trail and a mail are timed, and a time next
to "answered" is what anonymity keeps out (who answered when could be paired with the answers);
`Invitation.answered` is the whole record. Nobody acts here on someone else's behalf, so there
is nothing for a coordinator to trace."""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import RATING_MAX, RATING_MIN, Anonymity, QuestionKind
from citypeers.feedback.models import Answer, Invitation, Question, Response
from citypeers.feedback.selectors.answering import sessions_to_rate

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE  # the language answers' choices are kept in


def pseudonym_of(*, person, visit) -> str:
    """A stable pseudonym for a person on a visit: the same in all its surveys, different on
    another visit, and not reversible without the site's secret key."""
    message = f"feedback.pseudonym:{visit.pk}:{person.pk}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class AnswerDraft:
    """One answer as the form gives it; empty ones are not kept."""

    question: Question
    session_id: int | None = None
    number: int | None = None
    number_before: int | None = None
    choice: str = ""
    text: str = ""

    @property
    def empty(self) -> bool:
        return self.number is None and self.number_before is None and not (self.choice or self.text)


def _refuse_bad(drafts: list[AnswerDraft], *, survey) -> None:
    """What no form sends: another survey's question, an unrated session, a rating off the scale."""
    question_ids = set(survey.version.questions.values_list("pk", flat=True))
    session_ids = set(sessions_to_rate(survey).values_list("pk", flat=True))
    for draft in drafts:
        field = f"q{draft.question.pk}"
        if draft.question.pk not in question_ids:
            raise FeedbackError(_("This question is not in the survey."))
        is_sessions = draft.question.kind == QuestionKind.SESSION_RATINGS
        if is_sessions != (draft.session_id is not None) or (
            is_sessions and draft.session_id not in session_ids
        ):
            raise FeedbackError(_("This session is not rated in the survey."), field=field)
        for number in (draft.number, draft.number_before):
            if number is not None and not RATING_MIN <= number <= RATING_MAX:
                raise FeedbackError(_("Choose a rating from 1 to 5."), field=field)
        if draft.choice:
            with translation.override(DEFAULT_LANGUAGE):
                if draft.choice not in draft.question.choices:
                    raise FeedbackError(_("Choose one of the answers offered."), field=field)


def _answers_save(*, response: Response, drafts: list[AnswerDraft]) -> None:
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=draft.question,
            session_id=draft.session_id,
            number=draft.number,
            number_before=draft.number_before,
            choice=draft.choice,
            text=draft.text,
        )
        for draft in drafts
        if not draft.empty
    )


def response_submit(*, invitation: Invitation, answers: list[AnswerDraft], now=None) -> Response:
    """Keeps the person's answers, once, while the survey is open; anonymous ones without
    anything that leads back to them."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Invitation.objects.select_for_update()
            .select_related("survey__visit", "survey__version", "person")
            .get(pk=invitation.pk)
        )
        survey = locked.survey
        if locked.answered:
            raise FeedbackError(_("You have answered this survey already."))
        if now >= survey.closes_at:
            raise FeedbackError(_("This survey has closed."))
        _refuse_bad(answers, survey=survey)
        pseudonym = ""
        if survey.anonymity == Anonymity.PSEUDONYMOUS:
            pseudonym = pseudonym_of(person=locked.person, visit=survey.visit)
        response = Response.objects.create(survey=survey, pseudonym=pseudonym)
        _answers_save(response=response, drafts=answers)
        Invitation.objects.filter(pk=locked.pk).update(answered=True)
    invitation.answered = True
    return response
