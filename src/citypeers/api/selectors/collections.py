"""Programmes, themes, places, calls, reports and news as the API shows them to a scope: the
public sees what is published; a token also sees its programme's drafts (calls, reports), never
another programme's, and nothing personal."""

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from citypeers.api.selectors.practices import population_filter
from citypeers.api.selectors.scope import Scope
from citypeers.calls.models import Call
from citypeers.news.models import NewsItem, NewsText
from citypeers.news.selectors import published
from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report, ReportVersion


def programmes_for_api() -> QuerySet[Programme]:
    return Programme.objects.prefetch_related("themes").order_by("-starts_on", "pk")


def themes_for_api() -> QuerySet[Theme]:
    return Theme.objects.order_by("slug", "pk")


def places_for_api(*, country: str = "", size: str = "", kind: str = "") -> QuerySet[Place]:
    places = Place.objects.all()
    if country:
        places = places.filter(country=country.upper())
    if size:
        places = places.filter(population_filter(size))
    if kind:
        places = places.filter(kind=kind)
    return places.order_by("name", "country", "pk")


def calls_for_api(*, scope: Scope, programme: str = "", open: bool | None = None) -> QuerySet[Call]:
    calls = Call.objects.filter(scope.or_own(Q(published_at__isnull=False)))
    if programme:
        calls = calls.filter(programme__slug=programme)
    if open is not None:
        now = timezone.now()
        is_open = Q(published_at__isnull=False, opens_at__lte=now, closes_at__gt=now)
        calls = calls.filter(is_open) if open else calls.exclude(is_open)
    visits = Visit.objects.select_related("programme").order_by("starts_on", "pk")
    return (
        calls.select_related("programme")
        .prefetch_related(Prefetch("visits", queryset=visits))
        .order_by("-opens_at", "-pk")
    )


def reports_for_api(
    *, scope: Scope, programme: str = "", theme: str = "", language: str = ""
) -> QuerySet[Report]:
    """Published reports (and the token's programme's others), each with `api_versions`: its
    latest version only."""
    reports = Report.objects.filter(
        scope.or_own(Q(status=ReportStatus.PUBLISHED), "visit__programme_id")
    )
    if programme:
        reports = reports.filter(visit__programme__slug=programme)
    if theme:
        reports = reports.filter(
            visit__in=Visit.themes.through.objects.filter(theme__slug=theme).values("visit_id")
        )
    if language:
        reports = reports.filter(language=language)
    newest = ReportVersion.objects.filter(report=OuterRef("report")).order_by("-number")
    latest = ReportVersion.objects.filter(pk=Subquery(newest.values("pk")[:1]))
    return (
        reports.select_related("visit__programme")
        .prefetch_related(Prefetch("versions", queryset=latest, to_attr="api_versions"))
        .order_by("-published_at", "-pk")
    )


def news_for_api(*, programme: str = "", theme: str = "", language: str = "") -> QuerySet[NewsItem]:
    """Published news (publish_at now or before), each with its texts."""
    news = NewsItem.objects.filter(published())
    if programme:
        news = news.filter(programme__slug=programme)
    if theme:
        news = news.filter(
            pk__in=NewsItem.themes.through.objects.filter(theme__slug=theme).values("newsitem_id")
        )
    if language:
        news = news.filter(pk__in=NewsText.objects.filter(language=language).values("item_id"))
    return (
        news.select_related("programme")
        .prefetch_related(
            "texts", "themes", "visits__programme", "practices", "reports__visit__programme"
        )
        .order_by("-publish_at", "-pk")
    )
