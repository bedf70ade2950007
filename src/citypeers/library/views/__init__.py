"""The library's search page (and its exports); the widgets are in `views.widgets`."""

from dataclasses import replace

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeers.catalogue.models import Practice
from citypeers.core.http import export_response, paginate, query_without_page
from citypeers.core.page_cache import public_page
from citypeers.library.forms import LibrarySearchForm
from citypeers.library.search import ParsedQuery, excerpt, parse_query
from citypeers.library.selectors import (
    REPORT_TYPE,
    library_listing,
    library_reports,
    practices_in_order,
)

EXPORT_FORMATS = {"csv", "json"}
EXPORT_BATCH = 500
FACET_PARAMETERS = {"themes": "theme", "countries": "country", "sizes": "size", "types": "type"}


def _export(request: HttpRequest, practice_ids: list[int], export_format: str) -> HttpResponse:
    def rows():
        for start in range(0, len(practice_ids), EXPORT_BATCH):
            for practice in practices_in_order(
                practice_ids[start : start + EXPORT_BATCH], with_themes=True
            ):
                places = practice.listed_places
                yield (
                    practice.title,
                    request.build_absolute_uri(practice.get_absolute_url()),
                    practice.tagline,
                    "; ".join(place.name for place in places),
                    "; ".join(place.country.code for place in places),
                    "; ".join(theme.name for theme in practice.themes.all()),
                    practice.type,
                    "yes" if practice.willing_to_host else "no",
                    practice.published_at.date().isoformat(),
                )

    headers = [
        "title",
        "url",
        "tagline",
        "places",
        "countries",
        "themes",
        "type",
        "willing_to_host",
        "published",
    ]
    return export_response(
        headers=headers, rows=rows(), filename="citypeers-practices", export_format=export_format
    )


def _facet_links(facets: dict, request: HttpRequest) -> dict:
    """Each facet value with the address that narrows the current search to it."""
    for facet, parameter in FACET_PARAMETERS.items():
        # One copy a facet: its values' addresses differ only in `parameter`.
        query = request.GET.copy()
        query.pop("page", None)
        current = request.GET.get(parameter)
        for item in facets[facet]:
            query[parameter] = item["value"]
            item["url"] = "?" + query.urlencode()
            item["current"] = current == item["value"]
    return facets


def _results(practices: list[Practice], parsed: ParsedQuery) -> list[Practice]:
    """The practices with what their result shows beside their fields: an excerpt of the
    summary when words were searched, and the name of their type (get_type_display hashes
    every type's name, translating each, for each practice)."""
    type_names = {value: str(name) for value, name in Practice.Type.choices}
    for practice in practices:
        practice.type_name = type_names.get(practice.type, practice.type)
        practice.excerpt = practice.excerpt_language = None
        if not parsed.is_empty:  # quoted in the language the words were found in
            practice.excerpt_language, practice.excerpt = excerpt(practice.summary, parsed)
    return practices


# The search form's fields and the page: a link to a search is kept, any other query is not.
@public_page(
    query=("q", "theme", "country", "size", "type", "host", "sort", "page"), for_signed_in=True
)
def library_search(request: HttpRequest) -> HttpResponse:
    form = LibrarySearchForm(request.GET)
    query = form.to_query()
    listing = library_listing(query=query)
    if (export_format := request.GET.get("export")) in EXPORT_FORMATS:
        return _export(request, listing.practice_ids, export_format)
    # Visit reports are listed above the practices, on the first page, and counted as a type.
    reports = library_reports(query=replace(query, type=""))
    if reports:
        listing.facets["types"].append(
            {"value": REPORT_TYPE, "label": _("Visit report"), "count": len(reports)}
        )
    page = paginate(request, listing.practice_ids, per_page=20)
    page.object_list = _results(practices_in_order(list(page.object_list)), parse_query(query.q))
    context = {
        "form": form,
        "query": query,
        "page": page,
        "facets": _facet_links(listing.facets, request),
        "filter_query": query_without_page(request),
        "reports": reports if query.type in {"", REPORT_TYPE} and page.number == 1 else [],
        "only_reports": query.type == REPORT_TYPE,
        "title": _("Library of good practices"),
    }
    return render(request, "library/search.html", context)
