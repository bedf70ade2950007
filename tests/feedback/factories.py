"""Survey templates, surveys, invitations and answers for the feedback tests, made directly
(beside the shared factories, to keep this app's helpers apart)."""

import datetime
import secrets

from django.utils import timezone

from citypeers.feedback.enums import (
    Anonymity,
    Audience,
    KirkpatrickLevel,
    Moment,
    QuestionKind,
)
from citypeers.feedback.models import (
    Answer,
    Invitation,
    Question,
    Response,
    Survey,
    SurveyTemplate,
    SurveyTemplateVersion,
)
from citypeers.feedback.services.templates import house_templates_load
from citypeers.programmes.models import Role
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitPlanFactory,
)

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
