"""Demo data: the Cultural Heritage in Action 2021 online visits and one account per role.

Idempotent: every object is looked up by a natural key before it is created, so running the
demo again changes nothing and loses nothing.
"""

import datetime

from django.db import transaction
from django.utils.text import slugify

from citypeers.demo.calls_2021.build import load_closed_call
from citypeers.demo.calls_open import load_host_call, load_open_call
from citypeers.demo.practices import CHIA_2021_PRACTICES, THEMES
from citypeers.demo.practices.load import load_demo_practices
from citypeers.demo.visits import plan_demo_visits
from citypeers.methodology.loader import load_methodology
from citypeers.methodology.models import ActivityFormat
from citypeers.people.models import Organisation, User
from citypeers.places.models import Place
from citypeers.places.services import places_load_reference
from citypeers.programmes.models import Membership, Programme, Role, Theme, Visit

DEMO_PASSWORD = "citypeers-demo"  # noqa: S105 - the documented demo password, not a secret
DEMO_ACCOUNTS = [
    ("coordinator@example.org", "coordinator"),
    ("host@example.org", "host"),
    ("reviewer@example.org", "reviewer"),
    ("participant@example.org", "participant"),
    ("expert@example.org", "expert"),
    ("rapporteur@example.org", "rapporteur"),
    ("admin@example.org", "staff (admin site and outbox)"),
]


# (host place name, country, kind, title) as published with the 2021 analytical documents.
CHIA_2021_VISITS = [
    ("Vantaa", "FI", Place.Kind.CITY, "Developing a local cultural environment programme"),
    ("Kortrijk", "BE", Place.Kind.CITY, "Participation and co-creation through cultural heritage"),
    (
        "Central Scotland",
        "GB",
        Place.Kind.REGION,
        "Rediscovering the Antonine Wall in Central Scotland",
    ),
    (
        "Val Grande National Park",
        "IT",
        Place.Kind.RURAL,
        "Commonlands: a rural participatory path of territorial enhancement in the Southern Alps",
    ),
    (
        "Tampere",
        "FI",
        Place.Kind.CITY,
        "Adopt a Monument: inclusive cultural heritage for and with the people",
    ),
    ("Rotterdam", "NL", Place.Kind.CITY, "The Rotterdam cooperation model"),
    (
        "Budapest",
        "HU",
        Place.Kind.CITY,
        "Community building and volunteering through cultural heritage preservation",
    ),
    ("Šibenik", "HR", Place.Kind.CITY, "Transforming fortresses into a cultural hotspot"),
    ("Nantes", "FR", Place.Kind.CITY, "Citizen participation in cultural heritage"),
    (
        "Reggio nell'Emilia",
        "IT",
        Place.Kind.CITY,
        "Renovation of the San Pietro Benedictine complex: "
        "cultural enhancement and social innovation",
    ),
]


CALL_HOSTS = [("Tampere", "FI"), ("Kortrijk", "BE")]  # hosts of the open call's two visits


def _place(name: str, country: str, kind: str) -> Place:
    place = Place.objects.filter(name=name, country=country).order_by("-population").first()
    return place or Place.objects.create(name=name, country=country, kind=kind)


def _next_round(coordinator: User) -> Programme:
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
    Membership.objects.get_or_create(
        user=coordinator, programme=programme, visit=None, role=Role.COORDINATOR
    )
    return programme


def _account(email: str, name: str, *, staff: bool = False, **profile) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name, **profile)
        user.is_staff = user.is_superuser = staff
        user.save()
    # allauth refuses log-in until the address is verified; demo addresses are verified.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def load_demo() -> str:
    if not Place.objects.filter(geonames_id__isnull=False).exists():
        places_load_reference()
    themes = [
        Theme.objects.get_or_create(slug=slugify(name)[:200], defaults={"name": name})[0]
        for name in THEMES
    ]
    programme, _created = Programme.objects.get_or_create(
        slug="cultural-heritage-in-action-2021",
        defaults={
            "name": "Cultural Heritage in Action 2021 (demo)",
            "description": (
                "Ten online peer-learning visits, each of 3 to 5 days of at most 2 hours a day, "
                "for about 24 participants from local and regional authorities and "
                "cultural-heritage organisations chosen through open calls. Each visit ended in "
                "a thematic analytical document."
            ),
            "starts_on": datetime.date(2021, 1, 1),
            "ends_on": datetime.date(2021, 12, 31),
        },
    )
    programme.themes.add(*themes[5:])  # the three themes of Cultural Heritage in Action
    dates = {practice["host"]: practice for practice in CHIA_2021_PRACTICES}
    visits = []
    for name, country, kind, title in CHIA_2021_VISITS:
        visit, _created = Visit.objects.get_or_create(
            programme=programme,
            slug=slugify(name)[:200],
            defaults={
                "title": title,
                "host_place": _place(name, country, kind),
                "mode": "online",
                "starts_on": dates[name]["visit_starts_on"],
                "ends_on": dates[name]["visit_ends_on"],
            },
        )
        visits.append(visit)

    vantaa = visits[0].host_place
    city = Organisation.objects.get_or_create(
        name="City of Vantaa", place=vantaa, defaults={"type": Organisation.Type.LOCAL_AUTHORITY}
    )[0]
    roles = {
        "coordinator": ("Camille Coordinator", Role.COORDINATOR, None),
        "host": ("Hanna Host", Role.HOST, visits[0]),
        "reviewer": ("Rui Reviewer", Role.REVIEWER, None),
        "participant": ("Petra Participant", Role.PARTICIPANT, visits[0]),
        "expert": ("Eamon Expert", Role.EXPERT, visits[0]),
        "rapporteur": ("Rosa Rapporteur", Role.RAPPORTEUR, visits[0]),
    }
    for key, (name, role, visit) in roles.items():
        user = _account(f"{key}@example.org", name, country=vantaa.country if key == "host" else "")
        if key == "host":
            User.objects.filter(pk=user.pk, organisation=None).update(organisation=city)
        Membership.objects.get_or_create(user=user, programme=programme, visit=visit, role=role)
    _account("admin@example.org", "Ada Admin", staff=True)
    practices = load_demo_practices(
        programme=programme,
        visits=visits,
        themes=themes,
        coordinator=User.objects.get(email="coordinator@example.org"),
    )
    load_methodology()
    plan_demo_visits(visits, coordinator=User.objects.get(email="coordinator@example.org"))
    people = {
        role: User.objects.get(email=f"{role}@example.org") for role in ("coordinator", "reviewer")
    }
    load_closed_call(programme=programme, visits=visits, **people)
    next_round = _next_round(User.objects.get(email="coordinator@example.org"))
    places = {name: _place(name, country, "city") for name, country in CALL_HOSTS}
    load_open_call(programme=next_round, places=places)
    load_host_call(programme=next_round)
    return (
        f"Demo ready: {Place.objects.count()} places, {Programme.objects.count()} programme(s), "
        f"{Visit.objects.count()} visits, {practices} good practices, "
        f"{ActivityFormat.objects.count()} activity formats, {User.objects.count()} accounts."
    )
