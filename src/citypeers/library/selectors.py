"""The public library: filter, search, count facets and order published practices.

One narrow query over library cards gives every matching practice's facets and sort keys;
the full-text index gives ranks; counting and ordering happen in Python; only the practices
shown are read in full. This keeps a page at 10,000 practices to a handful of cheap queries.
"""

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from django.db import connections
from django_countries import countries

from citypeers.catalogue.models import Practice
from citypeers.library.models import PracticeCard
from citypeers.library.search import parse_query, ranked_practice_ids
from citypeers.places.models import SizeClass
from citypeers.programmes.models import Theme

SORTS = {"relevance", "newest", "title"}
# The database orders the cards (newest first, or by title); Python then only re-sorts by
# rank, stably, so no dates or titles need converting row by row.
SQL_ORDER = {"title": ("title", "practice_id"), "newest": ("-published_at", "practice_id")}
CARD_FIELDS = ("practice_id", "type", "willing_to_host", "themes", "countries", "sizes")
ID, TYPE, HOST, THEMES, COUNTRIES, SIZES = range(len(CARD_FIELDS))


@dataclass(frozen=True)
class LibraryQuery:
    q: str = ""
    theme: str = ""
    country: str = ""
    size: str = ""
    type: str = ""
    host: bool = False
    sort: str = ""


@dataclass(frozen=True)
class LibraryListing:
    practice_ids: list[int]  # every match, in the order asked for
    facets: dict


def _count_values(bars_counts: Counter) -> Counter:
    """Counts of "|a|b|" strings to counts of each value: few distinct strings, so cheap."""
    counts = Counter()
    for bars, count in bars_counts.items():
        for value in bars.split("|"):
            if value:
                counts[value] += count
    return counts


def _matching_cards(query: LibraryQuery, sort: str) -> list[tuple]:
    cards = PracticeCard.objects.all()
    if query.theme:
        cards = cards.filter(themes__contains=f"|{query.theme}|")
    if query.country:
        cards = cards.filter(countries__contains=f"|{query.country}|")
    if query.size:
        cards = cards.filter(sizes__contains=f"|{query.size}|")
    if query.type:
        cards = cards.filter(type=query.type)
    if query.host:
        cards = cards.filter(willing_to_host=True)
    cards = cards.order_by(*SQL_ORDER.get(sort, SQL_ORDER["newest"])).values_list(*CARD_FIELDS)
    # Read through the cursor: Django's per-value converters cost more than the query here.
    sql, params = cards.query.get_compiler(using=cards.db).as_sql()
    with connections[cards.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _facets(rows: list[tuple]) -> dict:
    themes = _count_values(Counter(map(itemgetter(THEMES), rows)))
    country_codes = _count_values(Counter(map(itemgetter(COUNTRIES), rows)))
    sizes = _count_values(Counter(map(itemgetter(SIZES), rows)))
    types = Counter(map(itemgetter(TYPE), rows))
    theme_names = dict(Theme.objects.filter(slug__in=themes).values_list("slug", "name"))
    by_count = lambda item: (-item[1], item[0])  # noqa: E731 - a sort key, read in place
    return {
        "themes": [
            {"value": slug, "label": theme_names.get(slug, slug), "count": count}
            for slug, count in sorted(themes.items(), key=by_count)
        ],
        "countries": [
            {"value": code, "label": countries.name(code) or code, "count": count}
            for code, count in sorted(country_codes.items(), key=by_count)
        ],
        "sizes": [
            {"value": size.value, "label": size.label, "count": sizes[size.value]}
            for size in SizeClass
            if sizes[size.value]
        ],
        "types": [
            {"value": value, "label": label, "count": types[value]}
            for value, label in Practice.Type.choices
            if types[value]
        ],
        "host": sum(map(itemgetter(HOST), rows)),
    }


def library_listing(*, query: LibraryQuery) -> LibraryListing:
    """Every published practice matching the query, in order, with facet counts over them."""
    parsed = parse_query(query.q)
    sort = query.sort if query.sort in SORTS else ("newest" if parsed.is_empty else "relevance")
    rows = _matching_cards(query, sort)
    if not parsed.is_empty:
        ranks = ranked_practice_ids(parsed)
        rows = [row for row in rows if row[ID] in ranks]
        if sort == "relevance":  # stable: equal ranks stay newest first
            rows.sort(key=lambda row: ranks[row[ID]], reverse=True)
    return LibraryListing(practice_ids=[row[ID] for row in rows], facets=_facets(rows))


def practices_in_order(practice_ids: list[int], *, with_themes: bool = False) -> list[Practice]:
    """The practices with these ids, in this order, with places (and themes) loaded."""
    related = ["places", "themes"] if with_themes else ["places"]
    found = Practice.objects.filter(pk__in=practice_ids).prefetch_related(*related)
    by_id = {practice.pk: practice for practice in found}
    return [by_id[pk] for pk in practice_ids if pk in by_id]
