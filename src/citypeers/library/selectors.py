"""The public library: filter, search, count facets and order published practices.

Filters, facet counts and the newest and title orders come from the library cards held in
memory as bitmaps (`card_index`); the full-text index gives the matches, ranked when the
order is by relevance; only the practices shown are read in full.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.db.models import Prefetch
from django_countries import countries

from citypeers.catalogue.models import Practice
from citypeers.core.translated import named_choices
from citypeers.library.card_index import (
    FACETS,
    CardIndex,
    OrderedMatches,
    Ranking,
    current_index,
)
from citypeers.library.models import ReportCard
from citypeers.library.search import (
    ParsedQuery,
    matching_practice_ids,
    parse_query,
    ranked_groups,
)
from citypeers.places.models import Place, SizeClass
from citypeers.programmes.models import Theme

SORTS = {"relevance", "newest", "title"}
# What a result and an export row show (with `language`, which the texts fall back to): the
# long texts, every language of each, cost more to read than the rest of the page.
LISTED_FIELDS = (
    "slug",
    "title",
    "tagline",
    "summary",
    "type",
    "willing_to_host",
    "language",
    "published_at",
)
# The library's `type` for visit reports, beside the practices' types.
REPORT_TYPE = "report"


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
    # Every match, in the order asked for; worked out as far as it is read (a page of 20).
    practice_ids: Sequence[int]
    facets: dict


def _facets(index: CardIndex, matches: int) -> dict:
    counts = index.counts(matches)
    themes, country_codes, sizes, types = (counts[facet] for facet in FACETS)
    theme_names = dict(named_choices(Theme.objects.filter(slug__in=themes)))
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
            if size.value in sizes
        ],
        "types": [
            {"value": value, "label": label, "count": types[value]}
            for value, label in Practice.Type.choices
            if value in types
        ],
        "host": (index.host & matches).bit_count(),
    }


def library_listing(*, query: LibraryQuery) -> LibraryListing:
    """Every published practice matching the query, in order, with facet counts over them."""
    parsed = parse_query(query.q)
    sort = query.sort if query.sort in SORTS else ("newest" if parsed.is_empty else "relevance")
    index = current_index()
    matches = index.everything
    for facet, value in (
        ("themes", query.theme),
        ("countries", query.country),
        ("sizes", query.size),
        ("types", query.type),
    ):
        if value:
            matches &= index.value(facet, value)
    if query.host:
        matches &= index.host
    ranking = None if parsed.is_empty else _ranking(index, parsed, sort)
    if ranking is not None:
        matches &= ranking.found
    practice_ids = OrderedMatches(
        index,
        matches,
        by_title=sort == "title",
        ranking=ranking if sort == "relevance" else None,
    )
    return LibraryListing(practice_ids=practice_ids, facets=_facets(index, matches))


def _ranking(index: CardIndex, parsed: ParsedQuery, sort: str) -> Ranking:
    """The matches of the words typed: kept by the index for searches made again, and in the
    shared cache for other processes, when the index knows its place in the log of changes;
    else asked of the search, unranked when another order is shown."""
    if index.change is not None:
        state = (index.change, index.token)
        return index.kept_ranking(parsed, partial(ranked_groups, state=state))
    if sort == "relevance":
        return index.ranking(ranked_groups(parsed))
    return Ranking(found=index.bitmap_of(matching_practice_ids(parsed)))


def practices_in_order(practice_ids: list[int], *, with_themes: bool = False) -> list[Practice]:
    """The practices with these ids, in this order, with only what the library lists of them
    (`LISTED_FIELDS`), their places' names and countries as a list, `listed_places` (a list
    costs a page less than a manager per practice), and their themes if asked."""
    related = [Prefetch("places", Place.objects.only("name", "country"), to_attr="listed_places")]
    if with_themes:
        related.append("themes")
    found = (
        Practice.objects.filter(pk__in=practice_ids).only(*LISTED_FIELDS).prefetch_related(*related)
    )
    by_id = {practice.pk: practice for practice in found}
    return [by_id[pk] for pk in practice_ids if pk in by_id]


def library_reports(*, query: LibraryQuery) -> list[ReportCard]:
    """The published visit reports matching the query (each word by its beginning, each phrase
    whole), newest first; none when the query asks for a practice's type or willing hosts."""
    if (query.type and query.type != REPORT_TYPE) or query.host:
        return []
    cards = ReportCard.objects.all()
    for field, value in (
        ("themes", query.theme),
        ("countries", query.country),
        ("sizes", query.size),
    ):
        if value:
            cards = cards.filter(**{f"{field}__contains": f"|{value}|"})
    parsed = parse_query(query.q)
    for term in parsed.terms:
        cards = cards.filter(text__contains=f" {term}")
    for phrase in parsed.phrases:
        cards = cards.filter(text__contains=f" {phrase} ")
    if query.sort == "title":
        cards = cards.order_by("title", "report_id")
    return list(cards.defer("text"))
