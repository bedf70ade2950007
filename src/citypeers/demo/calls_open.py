"""The demo's next round: a programme running now, with an open call for participants (two
future visits a person trying the demo can apply to) and an open call for hosts."""

import datetime

from django.utils import timezone

from citypeers.calls.models import Call, Question
from citypeers.calls.services.calls import (
    QUESTION_FIELDS,
    call_publish,
    call_save,
    questions_save,
)
from citypeers.demo.accounts import role_give
from citypeers.people.models import User
from citypeers.programmes.models import Programme, Role, Visit

OPEN_CALL_SLUG = "heritage-in-action-2027-participants"
CALL_HOSTS = [("Tampere", "FI"), ("Kortrijk", "BE")]  # hosts of the open call's two visits


def _this_hour():
    """Now, to the hour: calls close at a time people would set ("17 Jan, 03:00"), not at the
    minute the demo happened to be built."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def next_round_load(coordinator: User) -> Programme:
    """A programme running now, with an open call, so the demo can be applied to."""
    today = datetime.date.today()
    programme, _created = Programme.objects.get_or_create(
        slug="cultural-heritage-in-action-next",
        defaults={
            "name": "Cultural Heritage in Action: the next round (demo)",
            "description": "Online peer-learning visits open to applications now.",
            "starts_on": today - datetime.timedelta(days=30),
            "ends_on": today + datetime.timedelta(days=365),
        },
    )
    role_give(user=coordinator, programme=programme, role=Role.COORDINATOR, by=coordinator)
    return programme


def load_open_call(*, programme, places: dict, by: User) -> Call:
    """Idempotent: the call and its visits are made once; the call stays open a few weeks
    after each load, so the demo always has somewhere to apply."""
    today = timezone.localdate()
    first_monday = today + datetime.timedelta(weeks=10, days=-today.weekday())
    visits = []
    for number, (name, title) in enumerate(
        [
            ("Tampere", "Tampere: industrial heritage for new neighbourhoods"),
            ("Kortrijk", "Kortrijk: giants, stories and participation"),
        ]
    ):
        start = first_monday + datetime.timedelta(weeks=4 * number)
        visit, _created = Visit.objects.get_or_create(
            programme=programme,
            slug=f"{name.lower()}-2027",
            defaults={
                "title": title,
                "host_place": places[name],
                "mode": "online",
                "starts_on": start,
                "ends_on": start + datetime.timedelta(days=3),
            },
        )
        visits.append(visit)
    now = _this_hour()
    call = Call.objects.filter(slug=OPEN_CALL_SLUG).first()
    created = call is None
    data = {
        "programme": programme,
        "type": Call.Type.PARTICIPANTS,
        "title": "Call for participants: two online visits (demo)",
        "description": (
            "Local and regional authorities and cultural-heritage organisations are invited "
            "to take part in two online peer-learning visits. Rank the visits you would "
            "like to join; each has about 24 places."
        ),
        "eligibility_text": "Public authorities and heritage or civil-society organisations "
        "from the programme's countries.",
        "opens_at": now - datetime.timedelta(days=7),
        "closes_at": now + datetime.timedelta(weeks=4),
        "time_zone": "Europe/Brussels",
        "max_preferences": 2,
    }
    call = call_save(call=call or Call(slug=OPEN_CALL_SLUG), by=by, data=data, visits=visits)
    if call.is_draft:
        call = call_publish(call=call, by=by)
    if created:
        question = {name: getattr(Question(), name) for name in QUESTION_FIELDS} | {
            "kind": Question.Kind.SINGLE_CHOICE,
            # In two languages: a French reader applies in French, answers count together.
            "label": {
                "en": "How big is your city or region?",
                "fr": "Quelle est la taille de votre ville ou région ?",
            },
            "choices": {
                "en": ["Under 50,000 inhabitants", "50,000 to 250,000", "Over 250,000"],
                "fr": ["Moins de 50 000 habitants", "De 50 000 à 250 000", "Plus de 250 000"],
            },
        }
        questions_save(call=call, by=by, rows=[question], deleted=[])
    return call


HOST_CALL_SLUG = "heritage-in-action-2027-hosts"


def load_host_call(*, programme, by: User) -> Call:
    """Idempotent: an open call for hosts, so the demo's host can propose a visit."""
    now = _this_hour()
    data = {
        "programme": programme,
        "type": Call.Type.HOSTS,
        "title": "Call for hosts: share your practice in a visit (demo)",
        "description": (
            "Cities and regions with a good practice in the library can propose to host a "
            "peer-learning visit in 2027: choose the practice, say how the visit would run "
            "and when you could host it. The coordinators plan the chosen visits with you."
        ),
        "opens_at": now - datetime.timedelta(days=3),
        "closes_at": now + datetime.timedelta(weeks=6),
        "time_zone": "Europe/Brussels",
        "max_preferences": 0,
    }
    call = Call.objects.filter(slug=HOST_CALL_SLUG).first() or Call(slug=HOST_CALL_SLUG)
    call = call_save(call=call, by=by, data=data, visits=[])
    if call.is_draft:
        call = call_publish(call=call, by=by)
    return call
