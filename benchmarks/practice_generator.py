"""Fills a database with many published practices for benchmarks (fast bulk inserts)."""

import datetime
import random

from django.utils import timezone
from django.utils.text import slugify

from citypeers.catalogue.models import TEXT_FIELDS, TRANSLATED_FIELDS, Practice
from citypeers.demo.practices import THEMES, generated_practices
from citypeers.places.models import Place
from citypeers.places.services import places_load_reference
from citypeers.programmes.models import Programme, Theme

FIELDS = [
    "title",
    "tagline",
    "type",
    *TEXT_FIELDS,
    "started_on",
    "willing_to_host",
    "language",
]


def generate_practices(count: int, *, seed: int = 7) -> None:
    rng = random.Random(seed)
    places_load_reference()
    place_ids = list(Place.objects.values_list("pk", flat=True))
    themes = [Theme.objects.get_or_create(name=n, slug=slugify(n)[:200])[0] for n in THEMES]
    by_name = {theme.name: theme.pk for theme in themes}
    programme, _ = Programme.objects.get_or_create(
        slug="bench",
        defaults={
            "name": "Bench",
            "starts_on": datetime.date(2026, 1, 1),
            "ends_on": datetime.date(2026, 12, 31),
        },
    )
    templates = generated_practices(count=min(count, 2000), seed=seed)
    now = timezone.now()
    practices, themes_of = [], []
    for number in range(count):
        data = templates[number % len(templates)]
        practices.append(
            Practice(
                programme=programme,
                slug=f"{slugify(data['title'])[:180]}-{number}",
                status=Practice.Status.PUBLISHED,
                published_at=now - datetime.timedelta(hours=number),
                **{field: data[field] for field in FIELDS if field not in TRANSLATED_FIELDS},
                # Texts in the practice's own language, as the services write them.
                **{
                    field: {data["language"]: data[field]} if data.get(field) else {}
                    for field in FIELDS
                    if field in TRANSLATED_FIELDS
                },
            )
        )
        themes_of.append(data["themes"])
    created = Practice.objects.bulk_create(practices, batch_size=500)
    Practice.places.through.objects.bulk_create(
        [
            Practice.places.through(practice_id=p.pk, place_id=rng.choice(place_ids))
            for p in created
        ],
        batch_size=1000,
    )
    Practice.themes.through.objects.bulk_create(
        [
            Practice.themes.through(practice_id=p.pk, theme_id=by_name[name])
            for p, names in zip(created, themes_of, strict=True)
            for name in names
        ],
        batch_size=1000,
    )
