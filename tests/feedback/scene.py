"""A visit whose end-of-visit survey was sent and answered, for the results' and pages' tests."""

import datetime
import random

from django.utils import timezone

from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Invitation, Survey
from citypeers.programmes.models import Role
from tests.factories import AgendaSessionFactory, MembershipFactory, VisitFactory
from tests.feedback.factories import on_visit, respond, template_version

TAKEAWAYS = ["Walk the streets first", "Ask the shopkeepers", "Map with residents", "Slow down"]


def sent_survey(visit, version=None, *, anonymity=Anonymity.ANONYMOUS, invited=4) -> Survey:
    now = timezone.now()
    survey = Survey.objects.create(
        visit=visit,
        version=version or template_version(moment=Moment.END_OF_VISIT),
        moment=Moment.END_OF_VISIT,
        audience=Audience.PARTICIPANTS,
        anonymity=anonymity,
        send_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=13),
        sent_at=now - datetime.timedelta(days=1),
    )
    for n in range(invited):
        Invitation.objects.create(survey=survey, person=on_visit(visit), key=f"k{survey.pk}-{n}")
    return survey


def answered_survey(*, responses: int, seed: int = 1, visit=None, version=None, **more):
    """The survey with `responses` answers drawn at random (seeded); returns it and what each
    response answered, as the test's own record to recount from."""
    rng = random.Random(seed)
    visit = visit or VisitFactory()
    sessions = [
        AgendaSessionFactory(
            visit=visit,
            title=f"Session {n}",
            starts_at=datetime.datetime(2027, 3, 22, 8 + 2 * n, tzinfo=datetime.UTC),
        )
        for n in range(2)
    ]
    survey = sent_survey(visit, version, invited=max(responses, 1) + 2, **more)
    given = []
    for n in range(responses):
        answers = {
            "useful": rng.randint(1, 5),
            "knowledge": (rng.randint(1, 3), rng.randint(3, 5)),
            "sessions": {session: rng.randint(1, 5) for session in sessions},
            "format": rng.choice(["Walk", "Workshop"]),
            "takeaway": TAKEAWAYS[n % len(TAKEAWAYS)],
        }
        respond(survey, question_answers=answers, pseudonym=f"p{n}" if more else "")
        given.append(answers)
    survey.invitations.filter(pk__in=survey.invitations.values("pk")[:responses]).update(
        answered=True
    )
    return survey, given, sessions


def coordinator_of(visit):
    return MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user
