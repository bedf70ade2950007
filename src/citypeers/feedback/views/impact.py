"""The impact pages, per programme and per visit: public, aggregates only (see
`selectors/impact.py`), with the map at its own `.svg` address like the results' charts."""

from csp.decorators import csp_update
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from citypeers.feedback.selectors.impact import programme_impact, visit_impact
from citypeers.feedback.texts.impact import impact_map, map_alt
from citypeers.feedback.views.results import CHART_CSP
from citypeers.programmes.models import Programme
from citypeers.visits.views.guards import visit_in_address


def programme_impact_page(request: HttpRequest, programme: str) -> HttpResponse:
    obj = get_object_or_404(Programme, slug=programme)
    figures = programme_impact(obj)
    context = {
        "programme": obj,
        "impact": figures.whole,
        "visits": figures.visits,
        "map_url": reverse("feedback:programme_impact_map", args=[obj.slug]),
        "map_alt": map_alt(figures.whole.countries),
    }
    return render(request, "feedback/impact_programme.html", context)


def visit_impact_page(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    obj = visit_in_address(programme=programme, visit=visit)
    impact = visit_impact(obj)
    context = {
        "visit": obj,
        "impact": impact,
        "map_url": reverse("feedback:visit_impact_map", args=[programme, visit]),
        "map_alt": map_alt(impact.countries),
    }
    return render(request, "feedback/impact_visit.html", context)


def _svg(svg: bytes) -> HttpResponse:
    return HttpResponse(svg, content_type="image/svg+xml")


@csp_update(CHART_CSP)
def programme_impact_map(request: HttpRequest, programme: str) -> HttpResponse:
    return _svg(impact_map(get_object_or_404(Programme, slug=programme)))


@csp_update(CHART_CSP)
def visit_impact_map(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    obj = visit_in_address(programme=programme, visit=visit)
    return _svg(impact_map(obj.programme, obj))
