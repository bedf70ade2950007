"""Published practices as the API lists them: filtered in the database (and by the library's
full-text search for `q`), newest first, with places and themes loaded."""

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import practices_published
from citypeers.library.search import matching_practice_ids, parse_query
from citypeers.places.models import Place, SizeClass


def population_filter(size: str, field: str = "population") -> Q:
    """Places of one size class, from the thresholds (`places.models.size_class_for`)."""
    lower = 0
    for name, upper in settings.PLACE_SIZE_THRESHOLDS.items():
        if name == size:
            return Q(**{f"{field}__gte": lower, f"{field}__lt": upper})
        lower = upper
    if size == SizeClass.METROPOLIS:
        return Q(**{f"{field}__gte": lower})
    return Q(pk__in=[])


def practices_for_api(
    *,
    q: str = "",
    theme: str = "",
    country: str = "",
    size: str = "",
    updated_since: datetime.datetime | None = None,
) -> QuerySet[Practice]:
    practices = practices_published()
    if theme:
        practices = practices.filter(
            pk__in=Practice.themes.through.objects.filter(theme__slug=theme).values("practice_id")
        )
    if country or size:
        places = Place.objects.all()
        if country:
            places = places.filter(country=country.upper())
        if size:
            places = places.filter(population_filter(size))
        practices = practices.filter(
            pk__in=Practice.places.through.objects.filter(place__in=places).values("practice_id")
        )
    if updated_since:
        practices = practices.filter(updated_at__gte=updated_since)
    parsed = parse_query(q)
    if not parsed.is_empty:
        practices = practices.filter(pk__in=matching_practice_ids(parsed))
    return practices.order_by("-published_at", "-pk")


LIST_FIELDS = [
    "pk",
    "slug",
    "title",
    "tagline",
    "type",
    "language",
    "programme__slug",
    "summary",
    "started_on",
    "ended_on",
    "willing_to_host",
    "published_at",
    "updated_at",
]
PLACE_FIELDS = ["pk", "name", "country", "kind", "population", "latitude", "longitude", "time_zone"]


def practice_rows(practice_ids: list[int]) -> list[dict]:
    """The listed fields of these practices, in this order, each with its `places` (dicts of
    PLACE_FIELDS) and `themes` (slugs): three queries and no model built, for a page of many."""
    rows = {
        row["pk"]: row for row in Practice.objects.filter(pk__in=practice_ids).values(*LIST_FIELDS)
    }
    for row in rows.values():
        row["places"], row["themes"] = [], []
    links = Practice.places.through.objects.filter(practice_id__in=practice_ids)
    for row in links.values("practice_id", *(f"place__{f}" for f in PLACE_FIELDS)).order_by(
        "place__name", "place_id"
    ):
        place = {field: row[f"place__{field}"] for field in PLACE_FIELDS}
        rows[row["practice_id"]]["places"].append(place)
    themes = Practice.themes.through.objects.filter(practice_id__in=practice_ids)
    for practice_id, slug in themes.values_list("practice_id", "theme__slug").order_by(
        "theme__slug", "theme_id"
    ):
        rows[practice_id]["themes"].append(slug)
    return [rows[pk] for pk in practice_ids if pk in rows]


def practice_for_api(*, slug: str) -> Practice:
    return (
        practices_published()
        .select_related("programme")
        .prefetch_related("places", "themes")
        .get(slug=slug)
    )
