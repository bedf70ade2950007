"""What the lessons tests share: a visit under way with sessions in two formats, and survey
answers rating its sessions, as the participants' end-of-visit survey stores them."""

import datetime

from django.utils import timezone

from citypeers.feedback.enums import Audience, KirkpatrickLevel, Moment, QuestionKind
from citypeers.feedback.models import (
    Answer,
    Question,
    Response,
    Survey,
    SurveyTemplate,
    SurveyTemplateVersion,
)
from citypeers.programmes.models import Role
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    VisitFactory,
    VisitPlanFactory,
)


def visit_under_way(*, published: bool = True, **fields):
    """A visit that began yesterday, with its plan (agenda public or not)."""
    today = timezone.localdate()
    fields.setdefault("starts_on", today - datetime.timedelta(days=1))
    fields.setdefault("ends_on", today + datetime.timedelta(days=1))
    visit = VisitFactory(**fields)
    VisitPlanFactory(visit=visit, agenda_published=published)
    return visit


def team_member(visit, role=Role.HOST):
    return MembershipFactory(programme=visit.programme, visit=visit, role=role).user


def session_in(visit, activity=None, *, minutes=60, day=1, cancelled=False):
    return AgendaSessionFactory(
        visit=visit,
        format=activity or ActivityFormatFactory(),
        minutes=minutes,
        day=day,
        cancelled_at=timezone.now() if cancelled else None,
    )


def _question(kind: str) -> Question:
    template, _ = SurveyTemplate.objects.get_or_create(
        programme=None,
        moment=Moment.END_OF_VISIT,
        audience=Audience.PARTICIPANTS,
        defaults={"title": "End of visit"},
    )
    version, _ = SurveyTemplateVersion.objects.get_or_create(template=template, number=1)
    question, _ = Question.objects.get_or_create(
        version=version,
        key=kind,
        defaults={
            "position": len(QuestionKind.values),
            "text": kind,
            "kind": kind,
            "level": KirkpatrickLevel.REACTION,
        },
    )
    return question


def _survey(visit) -> Survey:
    now = timezone.now()
    survey, _ = Survey.objects.get_or_create(
        visit=visit,
        moment=Moment.END_OF_VISIT,
        audience=Audience.PARTICIPANTS,
        day=0,
        defaults={
            "version": _question(QuestionKind.SESSION_RATINGS).version,
            "send_at": now,
            "closes_at": now + datetime.timedelta(days=14),
        },
    )
    return survey


def rate(session, *numbers: int) -> None:
    """Each number one participant's rating of the session, in their own response."""
    question = _question(QuestionKind.SESSION_RATINGS)
    for number in numbers:
        response = Response.objects.create(survey=_survey(session.visit))
        Answer.objects.create(response=response, question=question, session=session, number=number)


def rate_the_visit(visit, number: int) -> None:
    """A rating of the whole visit: not a session's, so no format's."""
    response = Response.objects.create(survey=_survey(visit))
    Answer.objects.create(response=response, question=_question(QuestionKind.RATING), number=number)
