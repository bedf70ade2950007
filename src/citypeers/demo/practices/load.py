"""Loads the demo's good practices: the ten real CHiA 2021 practices and generated ones.

Each is drafted, submitted and published through the catalogue's services (by nobody in
particular, as if imported; published by the coordinator on its date, mailing nobody).
Idempotent: a practice whose title already exists in the programme is left as it is.
"""

import datetime
import random
from collections import defaultdict

from citypeers.catalogue.models import TEXT_FIELDS, Practice
from citypeers.catalogue.services import practice_create, practice_publish, practice_submit
from citypeers.demo.practices import CHIA_2021_PRACTICES, generated_practices
from citypeers.people.models import Organisation
from citypeers.places.models import Place, size_class_for

PRACTICE_FIELDS = [
    "title",
    "tagline",
    "type",
    *TEXT_FIELDS,
    "started_on",
    "links",
    "willing_to_host",
    "language",
]


def _at_nine(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)


def _create(
    data: dict, *, programme, coordinator, places, themes, published_at, organisations=(), **extra
) -> bool:
    """Publishes a practice unless its title exists; True when it was created."""
    title_in_its_language = {f"title__{data['language']}": data["title"]}
    if Practice.objects.filter(programme=programme, **title_in_its_language).exists():
        return False
    practice = practice_create(
        by=None,
        data={"programme": programme, **{field: data[field] for field in PRACTICE_FIELDS}, **extra},
        places=places,
        themes=themes,
        organisations=list(organisations),
    )
    practice_submit(practice=practice, by=None, notify=False)
    practice_publish(practice=practice, by=coordinator, now=published_at, notify=False)
    return True


def _places_by_country_and_size() -> dict[tuple[str, str], list[int]]:
    places = defaultdict(list)
    cities = Place.objects.filter(kind=Place.Kind.CITY, population__isnull=False)
    for pk, country, population in cities.values_list("pk", "country", "population"):
        places[(country, size_class_for(population).value)].append(pk)
        places[(country, "")].append(pk)
    return places


def load_demo_practices(*, programme, visits, themes, coordinator) -> int:
    """The ten CHiA practices (one per visit) and about 300 generated ones; returns the total."""
    themes_by_name = {theme.name: theme for theme in themes}
    hosts = {visit.host_place.name: visit for visit in visits}
    for data in CHIA_2021_PRACTICES:
        visit = hosts[data["host"]]
        organisation = Organisation.objects.get_or_create(
            name=data["organisation"],
            place=visit.host_place,
            defaults={"type": data["organisation_type"]},
        )[0]
        _create(
            data,
            programme=programme,
            places=[visit.host_place],
            themes=[themes_by_name[name] for name in data["themes"]],
            organisations=[organisation.name],
            coordinator=coordinator,
            published_at=_at_nine(data["visit_ends_on"]),
        )
    candidates = _places_by_country_and_size()
    rng = random.Random(2021)  # noqa: S311 - spreads demo data, no security role
    for number, data in enumerate(generated_practices()):
        pool = candidates.get((data["country_hint"], data["size_hint"])) or candidates.get(
            (data["country_hint"], "")
        )
        if not pool:
            continue
        _create(
            data,
            programme=programme,
            coordinator=coordinator,
            places=[rng.choice(pool)],
            themes=[themes_by_name[name] for name in data["themes"]],
            published_at=_at_nine(datetime.date(2022, 1, 1) + datetime.timedelta(days=number * 3)),
            is_generated=True,
        )
    return Practice.objects.filter(programme=programme, status=Practice.Status.PUBLISHED).count()
