"""The public library: filter, search, count facets and order published practices."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import practices_published
from citypeers.library.search import search_practices
from citypeers.places.models import SizeClass
from citypeers.places.selectors import population_range

PracticePlace = Practice.places.through
PracticeTheme = Practice.themes.through
SORTS = {"relevance", "newest", "title"}


@dataclass(frozen=True)
class LibraryQuery:
    q: str = ""
    theme: str = ""
    country: str = ""
    size: str = ""
    type: str = ""
    host: bool = False
    sort: str = ""


def _population_filter(size: str, prefix: str = "place__") -> Q:
    lower, upper = population_range(size)
    condition = Q()
    if lower is not None:
        condition &= Q(**{f"{prefix}population__gte": lower})
    if upper is not None:
        condition &= Q(**{f"{prefix}population__lt": upper})
    return condition


def library_results(*, query: LibraryQuery) -> QuerySet[Practice]:
    """Every published practice matching the query, in the order the person asked for."""
    practices = search_practices(practices_published(), query.q)
    if query.theme:
        practices = practices.filter(
            pk__in=PracticeTheme.objects.filter(theme__slug=query.theme).values("practice_id")
        )
    if query.country:
        practices = practices.filter(
            pk__in=PracticePlace.objects.filter(place__country=query.country).values("practice_id")
        )
    if query.size:
        in_size = PracticePlace.objects.filter(_population_filter(query.size))
        practices = practices.filter(pk__in=in_size.values("practice_id"))
    if query.type:
        practices = practices.filter(type=query.type)
    if query.host:
        practices = practices.filter(willing_to_host=True)
    sort = query.sort if query.sort in SORTS else ("relevance" if query.q else "newest")
    if sort == "relevance" and query.q:
        return practices.order_by("-search_rank", "-published_at", "pk")
    if sort == "title":
        return practices.order_by("title", "pk")
    return practices.order_by("-published_at", "pk")


def library_facets(*, results: QuerySet[Practice]) -> dict:
    """How many of the current results fall under each theme, country, size, type and host."""
    ids = results.order_by().values("pk")
    themes = (
        PracticeTheme.objects.filter(practice_id__in=ids)
        .values("theme__slug", "theme__name")
        .annotate(count=Count("practice_id"))
        .order_by("-count", "theme__name")
    )
    countries = (
        PracticePlace.objects.filter(practice_id__in=ids)
        .values("place__country")
        .annotate(count=Count("practice_id", distinct=True))
        .order_by("-count", "place__country")
    )
    size_counts = PracticePlace.objects.filter(practice_id__in=ids).aggregate(
        **{
            size.value: Count("practice_id", distinct=True, filter=_population_filter(size.value))
            for size in SizeClass
        }
    )
    types = dict(results.order_by().values_list("type").annotate(count=Count("pk")))
    return {
        "themes": [
            {"value": t["theme__slug"], "label": t["theme__name"], "count": t["count"]}
            for t in themes
        ],
        "countries": [{"value": c["place__country"], "count": c["count"]} for c in countries],
        "sizes": [
            {"value": size.value, "label": size.label, "count": size_counts[size.value]}
            for size in SizeClass
            if size_counts[size.value]
        ],
        "types": [
            {"value": value, "label": label, "count": types[value]}
            for value, label in Practice.Type.choices
            if types.get(value)
        ],
        "host": results.filter(willing_to_host=True).count(),
    }
