"""Survey templates and answers for the feedback tests, made directly (the template editor is
another part of the app)."""

import datetime

from citypeers.feedback.enums import Audience, KirkpatrickLevel, Moment, QuestionKind
from citypeers.feedback.models import (
    Answer,
    Question,
    Response,
    SurveyTemplate,
    SurveyTemplateVersion,
)
from citypeers.programmes.models import Role
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitPlanFactory,
)

QUESTIONS = [
    ("useful", QuestionKind.RATING),
    ("knowledge", QuestionKind.BEFORE_AFTER),
    ("sessions", QuestionKind.SESSION_RATINGS),
    ("format", QuestionKind.CHOICE),
    ("takeaway", QuestionKind.TEXT),
]


def template_version(
    *, moment=Moment.END_OF_VISIT, audience=Audience.PARTICIPANTS, programme=None, number=1
) -> SurveyTemplateVersion:
    """The template's version `number` (the template made if needed), with QUESTIONS."""
    template, _new = SurveyTemplate.objects.get_or_create(
        programme=programme,
        moment=moment,
        audience=audience,
        defaults={"title": f"{'Programme' if programme else 'House'} {moment}"},
    )
    version = SurveyTemplateVersion.objects.create(template=template, number=number)
    for position, (key, kind) in enumerate(QUESTIONS, start=1):
        Question.objects.create(
            version=version,
            position=position,
            key=key,
            text=f"Question {key}",
            kind=kind,
            level=KirkpatrickLevel.REACTION,
            choices=["Walk", "Workshop"] if kind == QuestionKind.CHOICE else [],
        )
    return version


def house_templates() -> dict:
    """A house template for every moment and its audience."""
    pairs = [
        (Moment.DAILY_PULSE, Audience.PARTICIPANTS),
        (Moment.END_OF_VISIT, Audience.PARTICIPANTS),
        (Moment.HOST, Audience.HOSTS),
        (Moment.FOLLOW_UP, Audience.PARTICIPANTS),
    ]
    return {
        moment: template_version(moment=moment, audience=audience) for moment, audience in pairs
    }


def utc(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def published_visit(visit, *, sessions):
    """The visit's agenda, published (Helsinki's zone): `sessions` are (day, start UTC, minutes)."""
    VisitPlanFactory(visit=visit, agenda_published=True)
    return [
        AgendaSessionFactory(visit=visit, day=day, starts_at=start, minutes=minutes)
        for day, start, minutes in sessions
    ]


def on_visit(visit, role=Role.PARTICIPANT, **user):
    return MembershipFactory(
        programme=visit.programme, visit=visit, role=role, user=UserFactory(**user)
    ).user


def respond(survey, *, question_answers: dict, pseudonym: str = "") -> Response:
    """A response with one answer per question key: a number, (before, after), a choice or a
    text, or {session: number} for session ratings."""
    response = Response.objects.create(survey=survey, pseudonym=pseudonym)
    questions = {q.key: q for q in survey.version.questions.all()}
    for key, value in question_answers.items():
        question = questions[key]
        if question.kind == QuestionKind.SESSION_RATINGS:
            for session, number in value.items():
                Answer.objects.create(
                    response=response, question=question, session=session, number=number
                )
        elif question.kind == QuestionKind.BEFORE_AFTER:
            Answer.objects.create(
                response=response, question=question, number_before=value[0], number=value[1]
            )
        elif question.kind == QuestionKind.RATING:
            Answer.objects.create(response=response, question=question, number=value)
        elif question.kind == QuestionKind.CHOICE:
            Answer.objects.create(response=response, question=question, choice=value)
        else:
            Answer.objects.create(response=response, question=question, text=value)
    return response
