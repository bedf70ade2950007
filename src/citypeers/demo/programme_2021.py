"""The Cultural Heritage in Action 2021 programme: its ten online visits and their hosts.

The programme and its visits are the frame the rest of 2021 is built in (practices, plans, the
closed call); there is no service for making a programme, and the 2021 visits keep the
addresses (`/visits/vantaa/`, …) the demo has always had, so both are made here, once.
"""

import datetime

from django.utils.text import slugify

from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Theme, Visit

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

# Hosts whose visit days in 2021 were not found in public sources: the demo assumes them, and
# says so in the programme's description and in the host's practice.
DATES_ASSUMED = ["Kortrijk"]


def _assumed_dates_note(practices: list[dict]) -> str:
    """One sentence per visit whose days are assumed, e.g. "… assumes 20 to 22 April 2021."."""
    notes = []
    for practice in practices:
        if practice["host"] in DATES_ASSUMED:
            starts, ends = practice["visit_starts_on"], practice["visit_ends_on"]
            notes.append(
                f" The exact days of the {practice['host']} visit were not found; the demo assumes "
                f"{starts.day} to {ends.day} {ends:%B %Y}."
            )
    return "".join(notes)


def place_named(name: str, country: str, kind: str) -> Place:
    """The largest reference place of that name in that country, else a new one."""
    place = Place.objects.filter(name=name, country=country).order_by("-population").first()
    return place or Place.objects.create(name=name, country=country, kind=kind)


def programme_load(*, themes: list[Theme], practices: list[dict]) -> tuple[Programme, list[Visit]]:
    """The 2021 programme and its ten visits, dated as the CHiA `practices` say."""
    programme, _created = Programme.objects.get_or_create(
        slug="cultural-heritage-in-action-2021",
        defaults={
            "name": "Cultural Heritage in Action 2021 (demo)",
            "description": (
                "Ten online peer-learning visits, each of 3 to 5 days of at most 2 hours a day, "
                "for about 24 participants from local and regional authorities and "
                "cultural-heritage organisations chosen through open calls. Each visit ended in "
                "a thematic analytical document."
            )
            + _assumed_dates_note(practices),
            "starts_on": datetime.date(2021, 1, 1),
            "ends_on": datetime.date(2021, 12, 31),
        },
    )
    programme.themes.add(*themes[5:])  # the three themes of Cultural Heritage in Action
    dates = {practice["host"]: practice for practice in practices}
    visits = []
    for name, country, kind, title in CHIA_2021_VISITS:
        visit, _created = Visit.objects.get_or_create(
            programme=programme,
            slug=slugify(name)[:200],
            defaults={
                "title": title,
                "host_place": place_named(name, country, kind),
                "mode": "online",
                "starts_on": dates[name]["visit_starts_on"],
                "ends_on": dates[name]["visit_ends_on"],
            },
        )
        visits.append(visit)
    return programme, visits
