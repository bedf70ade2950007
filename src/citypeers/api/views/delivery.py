"""The API's programme collections: visits with their agendas, calls, reports and news. The
public sees what is published; a token also sees its programme's visits before their agenda is
published, its draft calls and its reports before publication (never another programme's)."""

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from citypeers.api.selectors.collections import calls_for_api, news_for_api, reports_for_api
from citypeers.api.selectors.visits import visit_for_api, visits_for_api
from citypeers.api.views import shapes
from citypeers.api.views.catalogue import ANSWERS, one
from citypeers.api.views.http import read
from citypeers.api.views.paging import PageQuery, page_of
from citypeers.api.views.params import CallFilters, NewsFilters, ReportFilters, Slug, VisitFilters
from citypeers.api.views.schemas import (
    CallOut,
    CallPage,
    NewsOut,
    NewsPage,
    ReportOut,
    ReportPage,
    VisitDetailOut,
    VisitPage,
)

router = Router()
VISITS = ("visits", "programmes", "themes", "places")


@router.get("/visits/", response={200: VisitPage, **ANSWERS}, tags=["visits"], url_name="visits")
@decorate_view(read(*VISITS))
def visits(request: HttpRequest, filters: Query[VisitFilters], paging: PageQuery):
    """Visits whose agenda is published (with a token: all of its programme's), soonest first."""
    items = visits_for_api(scope=request.api_scope, **filters.dict())
    return page_of(request, items, paging, lambda item: shapes.visit(request, item))


@router.get(
    "/visits/{programme}/{visit}/", response={200: VisitDetailOut, **ANSWERS}, tags=["visits"]
)
@decorate_view(read(*VISITS))
def visit(request: HttpRequest, programme: Path[Slug], visit: Path[Slug]):
    """A visit with its agenda: sessions in UTC, the zone they are kept in, public resources
    (with its programme's token: the draft agenda and every resource)."""
    found = one(lambda: visit_for_api(scope=request.api_scope, programme=programme, visit=visit))
    return shapes.visit_detail(request, found)


@router.get("/calls/", response={200: CallPage, **ANSWERS}, tags=["calls"], url_name="calls")
@decorate_view(read("calls", "visits", "programmes", clock=True))
def calls(request: HttpRequest, filters: Query[CallFilters], paging: PageQuery):
    """Published calls (with a token: its programme's drafts too), latest opening first."""
    items = calls_for_api(scope=request.api_scope, **filters.dict())
    return page_of(request, items, paging, lambda item: shapes.call(request, item))


@router.get("/calls/{slug}/", response={200: CallOut, **ANSWERS}, tags=["calls"])
@decorate_view(read("calls", "visits", "programmes", clock=True))
def call(request: HttpRequest, slug: Path[Slug]):
    return shapes.call(request, one(lambda: calls_for_api(scope=request.api_scope).get(slug=slug)))


@router.get(
    "/reports/", response={200: ReportPage, **ANSWERS}, tags=["reports"], url_name="reports"
)
@decorate_view(read("reports", "visits", "programmes", "themes"))
def reports(request: HttpRequest, filters: Query[ReportFilters], paging: PageQuery):
    """Published visit reports, latest version (with a token: its programme's unpublished ones)."""
    items = reports_for_api(scope=request.api_scope, **filters.dict())
    return page_of(request, items, paging, lambda item: shapes.report(request, item))


@router.get("/reports/{programme}/{visit}/", response={200: ReportOut, **ANSWERS}, tags=["reports"])
@decorate_view(read("reports", "visits", "programmes", "themes"))
def report(request: HttpRequest, programme: Path[Slug], visit: Path[Slug]):
    reports = reports_for_api(scope=request.api_scope)
    found = one(lambda: reports.get(visit__programme__slug=programme, visit__slug=visit))
    return shapes.report(request, found)


@router.get("/news/", response={200: NewsPage, **ANSWERS}, tags=["news"], url_name="news")
@decorate_view(read("news", "programmes", "themes", clock=True))
def news(request: HttpRequest, filters: Query[NewsFilters], paging: PageQuery):
    """Published news, newest first, with its texts in every language written."""
    return page_of(
        request, news_for_api(**filters.dict()), paging, lambda i: shapes.news(request, i)
    )


@router.get("/news/{slug}/", response={200: NewsOut, **ANSWERS}, tags=["news"])
@decorate_view(read("news", "programmes", "themes", clock=True))
def news_item(request: HttpRequest, slug: Path[Slug]):
    return shapes.news(request, one(lambda: news_for_api().get(slug=slug)))
