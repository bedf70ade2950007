from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeers.core.http import export_response, paginate, query_without_page
from citypeers.library.forms import LibrarySearchForm
from citypeers.library.search import highlight, parse_query
from citypeers.library.selectors import library_facets, library_results

EXPORT_FORMATS = {"csv", "json"}


def _export(request: HttpRequest, results, export_format: str) -> HttpResponse:
    rows = (
        (
            practice.title,
            request.build_absolute_uri(practice.get_absolute_url()),
            practice.tagline,
            "; ".join(place.name for place in practice.places.all()),
            "; ".join(place.country.code for place in practice.places.all()),
            "; ".join(theme.name for theme in practice.themes.all()),
            practice.type,
            "yes" if practice.willing_to_host else "no",
            practice.published_at.date().isoformat(),
        )
        for practice in results.prefetch_related("places", "themes")
    )
    headers = ["title", "url", "tagline", "places", "countries", "themes", "type",
               "willing_to_host", "published"]  # fmt: skip
    return export_response(
        headers=headers, rows=rows, filename="citypeers-practices", export_format=export_format
    )


def library_search(request: HttpRequest) -> HttpResponse:
    form = LibrarySearchForm(request.GET)
    query = form.to_query()
    results = library_results(query=query)
    if (export_format := request.GET.get("export")) in EXPORT_FORMATS:
        return _export(request, results, export_format)
    page = paginate(request, results.prefetch_related("places", "themes"), per_page=20)
    parsed = parse_query(query.q)
    for practice in page.object_list:
        practice.excerpt = highlight(practice.summary, parsed) if not parsed.is_empty else None
    context = {
        "form": form,
        "query": query,
        "page": page,
        "facets": library_facets(results=results),
        "filter_query": query_without_page(request),
        "title": _("Library of good practices"),
    }
    return render(request, "library/search.html", context)
