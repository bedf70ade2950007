"""The starting data of the journeys through the balancer, made inside the cluster.

Run in the cluster's own environment (its database, cache and files), never by the test
process: `python -m citypeers shell -c "from tests.cluster import scenario; scenario.setup()"`.
Everything goes through the services the app and the demo use, as a coordinator's set-up would;
the one exception is `visit_held`, which stands for the clock: it moves the visit into the past
as the days between confirming a place and giving feedback would.

Each action prints one JSON line, what the tests need to find what was made.
"""

import datetime
import json

from django.db import transaction
from django.utils import timezone

from citypeers.calls.models import Call, Criterion, Question
from citypeers.calls.services.calls import QUESTION_FIELDS, call_publish, call_save, questions_save
from citypeers.calls.services.review import rubric_save
from citypeers.demo.accounts import DEMO_PASSWORD, account, role_give
from citypeers.feedback.services.templates import house_templates_load
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.services.loader import load_methodology
from citypeers.places.models import Place
from citypeers.places.services import place_create
from citypeers.programmes.models import Programme, Role, Visit
from citypeers.visits.models import AgendaSession
from citypeers.visits.services.agenda_edit import session_add

CALL_SLUG = "heritage-walks-participants"
PEOPLE = {
    "coordinator": ("coordinator@example.org", "Camille Coordinator"),
    "reviewer": ("reviewer@example.org", "Rui Reviewer"),
    "staff": ("admin@example.org", "Ada Admin"),  # reads the outbox, as the demo's staff does
    "forgetful": ("forgetful@example.org", "Fay Forgetful"),  # for the rate-limit test
}
SESSION_TITLE = "Walk along the river"


@transaction.atomic
def setup() -> None:
    """A programme with one online visit in ten weeks, its agenda (one session), a coordinator
    and a reviewer, and an open call for participants with a file question and a rubric."""
    load_methodology()  # activity formats, for the agenda
    house_templates_load()  # survey templates, for the feedback
    people = {
        key: account(email, name, staff=key == "staff") for key, (email, name) in PEOPLE.items()
    }
    coordinator = people["coordinator"]
    today = timezone.localdate()
    # There is no service for making a programme or a visit (the demo makes them so too).
    programme = Programme.objects.create(
        slug="peer-visits",
        name="Peer visits (cluster test)",
        description="Peer-learning visits, applied to through the balancer.",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=365),
    )
    starts_on = today + datetime.timedelta(weeks=10)
    visit = Visit.objects.create(
        programme=programme,
        slug="vantaa",
        title="Heritage walks in Vantaa",
        host_place=place_create(by=None, name="Vantaa", country="FI", kind=Place.Kind.CITY),
        mode=Visit.Mode.ONLINE,
        starts_on=starts_on,
        ends_on=starts_on,
    )
    role_give(user=coordinator, programme=programme, role=Role.COORDINATOR, by=coordinator)
    role_give(user=people["reviewer"], programme=programme, role=Role.REVIEWER, by=coordinator)
    walk = ActivityFormat.objects.order_by("position").first()
    session_add(
        visit=visit,
        by=coordinator,
        day=1,
        starts_at=_at_nine(starts_on),
        minutes=walk.min_minutes,
        format=walk,
        title=SESSION_TITLE,
    )
    now = timezone.now()
    call = call_save(
        call=Call(slug=CALL_SLUG),
        by=coordinator,
        data={
            "programme": programme,
            "type": Call.Type.PARTICIPANTS,
            "title": "Call for participants: heritage walks",
            "description": "One online visit; rank it and tell us why you want to come.",
            "opens_at": now - datetime.timedelta(days=1),
            "closes_at": now + datetime.timedelta(weeks=4),
            "time_zone": "Europe/Brussels",
            "max_preferences": 1,
            "reviewers_per_application": 1,
            "selection_settings": {"mode": "merit", "visits": {str(visit.pk): {"capacity": 1}}},
        },
        visits=[visit],
    )
    cv = {name: getattr(Question(), name) for name in QUESTION_FIELDS} | {
        "kind": Question.Kind.FILE,
        "label": {"en": "Your CV"},
        "file_types": "pdf",
    }
    questions_save(call=call, by=coordinator, rows=[cv], deleted=[])
    motivation = Criterion(name="Motivation", scale_max=5, weight=1)
    rubric_save(call=call, by=coordinator, criteria=[(0, motivation)], deleted=[])
    call_publish(call=call, by=coordinator)
    _say(
        call=call.slug,
        programme=programme.slug,
        visit=visit.slug,
        visit_title=visit.title,
        session=SESSION_TITLE,
        password=DEMO_PASSWORD,
        people={key: email for key, (email, _name) in PEOPLE.items()},
    )


@transaction.atomic
def visit_held() -> None:
    """The clock moved on: the visit took place yesterday, its session too."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    visit = Visit.objects.get(slug="vantaa", programme__slug="peer-visits")
    Visit.objects.filter(pk=visit.pk).update(starts_on=yesterday, ends_on=yesterday)
    AgendaSession.objects.filter(visit=visit).update(starts_at=_at_nine(yesterday))
    _say(held_on=yesterday.isoformat())


def _at_nine(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)


def _say(**facts) -> None:
    print(json.dumps(facts))
