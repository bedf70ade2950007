"""The open data's rows: each collection read in its stable fields, public records only
(published practices, calls and reports, news whose time has come, the sessions of published
agendas; never a person's name or address), with absolute page addresses and ISO 8601 UTC
dates."""

import datetime
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation

from citypeers.calls.models import Call
from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import practices_published
from citypeers.core.translated import TranslatedText
from citypeers.library.opendata.selectors import Dataset
from citypeers.news.models import NewsText
from citypeers.news.selectors import published
from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.selectors.reports import published_reports
from citypeers.visits.models import AgendaSession, VisitPlan

CHUNK = 2000  # practices or places read at a time


def _url_maker(name: str, *samples) -> Callable[..., str]:
    """An absolute page address for many objects, reversed once (in the default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(name, args=samples)
    template = settings.SITE_URL + path

    def make(*values) -> str:
        url = template
        for sample, value in zip(samples, values, strict=True):
            url = url.replace(str(sample), str(value), 1)
        return url

    return make


def _iso(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def rows(dataset: Dataset) -> Iterator[dict]:
    """The dataset's rows, each a dict with the collection's fields in order."""
    reader = _READERS[dataset.collection.name]
    return reader(dataset.programme)


def _practices(_programme) -> Iterator[dict]:
    """Read as plain values, a chunk of practices and their places and themes at a time: at
    10,000 practices, model instances and prefetching cost ten times the rest. The files have
    no reader's language: texts are in the practice's own, which `language` names."""
    url = _url_maker("catalogue:detail", "slug-sample-x")
    columns = ("pk", "slug", "title", "tagline", "type", "language", "programme__slug")
    dates = ("started_on", "ended_on", "published_at", "updated_at")
    last = 0
    while True:
        chunk = list(
            practices_published()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list(*columns, *dates)[:CHUNK]
        )
        if not chunk:
            return
        ids = [row[0] for row in chunk]
        last = ids[-1]
        places = _linked(Practice.places.through, ids, "place__name", "place__country")
        themes = _linked(Practice.themes.through, ids, "theme__slug")
        for pk, slug, title, tagline, type_, language, programme, *when in chunk:
            started_on, ended_on, published_at, updated_at = when
            where = places.get(pk, [])
            title = TranslatedText(title, language)
            yield {
                "id": pk,
                "slug": slug,
                "title": str(title),
                "tagline": str(TranslatedText(tagline, language)),
                "type": type_,
                "language": title.language,
                "programme": programme,
                "places": [name for name, _country in where],
                "countries": sorted({str(country) for _name, country in where}),
                "themes": [theme for (theme,) in themes.get(pk, [])],
                "started_on": _day(started_on),
                "ended_on": _day(ended_on),
                "published_at": _iso(published_at),
                "updated_at": _iso(updated_at),
                "url": url(slug),
            }


def _linked(through, ids: list[int], *fields: str) -> dict[int, list[tuple]]:
    """The linked values of each practice in `ids`, through a many-to-many table."""
    found: dict[int, list[tuple]] = {}
    rows = through.objects.filter(practice_id__in=ids).order_by("pk")
    for practice_id, *values in rows.values_list("practice_id", *fields):
        found.setdefault(practice_id, []).append(tuple(values))
    return found


def _programmes(_programme) -> Iterator[dict]:
    url = _url_maker("programmes:detail", "slug-sample-x")
    for p in Programme.objects.prefetch_related("themes").order_by("pk"):
        yield {
            "id": p.pk,
            "slug": p.slug,
            "name": p.name,
            "description": p.description,
            "starts_on": _day(p.starts_on),
            "ends_on": _day(p.ends_on),
            "themes": [theme.slug for theme in p.themes.all()],
            "licence": p.data_licence,
            "url": url(p.slug),
        }


def _themes(_programme) -> Iterator[dict]:
    for theme in Theme.objects.order_by("pk"):
        yield {
            "id": theme.pk,
            "slug": theme.slug,
            "name": theme.name,
            "description": theme.description,
        }


def _places(_programme) -> Iterator[dict]:
    url = _url_maker("places:detail", 987654321)
    for place in Place.objects.order_by("pk").iterator(chunk_size=CHUNK):
        yield {
            "id": place.pk,
            "name": place.name,
            "country": str(place.country),
            "kind": place.kind,
            "population": place.population,
            "latitude": None if place.latitude is None else float(place.latitude),
            "longitude": None if place.longitude is None else float(place.longitude),
            "geonames_id": place.geonames_id,
            "url": url(place.pk),
        }


def _visits(programme: Programme) -> Iterator[dict]:
    url = _url_maker("visits:visit", "programme-sample-x", "visit-sample-x")
    announced = set(
        VisitPlan.objects.filter(visit__programme=programme, agenda_published=True).values_list(
            "visit_id", flat=True
        )
    )
    sessions = AgendaSession.objects.filter(
        visit__in=announced, cancelled_at__isnull=True
    ).select_related("format")
    visits = (
        Visit.objects.filter(programme=programme)
        .select_related("host_place")
        .prefetch_related("themes", Prefetch("sessions", queryset=sessions.order_by("starts_at")))
        .order_by("starts_on", "pk")
    )
    for v in visits:
        host = v.host_place
        yield {
            "id": v.pk,
            "slug": v.slug,
            "title": v.title,
            "programme": programme.slug,
            "host_place": host.name if host else None,
            "country": str(host.country) if host else None,
            "mode": v.mode,
            "starts_on": _day(v.starts_on),
            "ends_on": _day(v.ends_on),
            "themes": [theme.slug for theme in v.themes.all()],
            "sessions": [
                {
                    "starts_at": _iso(s.starts_at),
                    "minutes": s.minutes,
                    "title": s.title or s.format.name,
                }
                for s in v.sessions.all()
            ],
            "url": url(programme.slug, v.slug),
        }


def _calls(programme: Programme) -> Iterator[dict]:
    url = _url_maker("calls:detail", "slug-sample-x")
    calls = (
        Call.objects.filter(programme=programme, published_at__isnull=False)
        .prefetch_related("visits")
        .order_by("published_at", "pk")
    )
    for c in calls:
        yield {
            "id": c.pk,
            "slug": c.slug,
            "title": c.title,
            "type": c.type,
            "programme": programme.slug,
            "opens_at": _iso(c.opens_at),
            "closes_at": _iso(c.closes_at),
            "published_at": _iso(c.published_at),
            "eligible_countries": list(c.eligible_countries or []),
            "visits": [visit.slug for visit in c.visits.all()],
            "url": url(c.slug),
        }


def _reports(programme: Programme) -> Iterator[dict]:
    page = _url_maker("reports:report", "programme-sample-x", "visit-sample-x")
    pdf = _url_maker("reports:pdf", "programme-sample-x", "visit-sample-x")
    for r in published_reports().filter(visit__programme=programme).order_by("published_at"):
        yield {
            "id": r.pk,
            "title": r.title,
            "language": r.language,
            "programme": programme.slug,
            "visit": r.visit.slug,
            "published_at": _iso(r.published_at),
            "url": page(programme.slug, r.visit.slug),
            "pdf_url": pdf(programme.slug, r.visit.slug),
        }


def _news(programme: Programme | None) -> Iterator[dict]:
    texts = (
        NewsText.objects.filter(published(via="item__"), item__programme=programme)
        .select_related("item__programme")
        .prefetch_related("item__themes")
        .order_by("-item__publish_at", "item_id", "language")
    )
    for text in texts:
        item = text.item
        yield {
            "id": item.pk,
            "slug": item.slug,
            "language": text.language,
            "title": text.title,
            "summary": text.summary,
            "programme": item.programme.slug if item.programme else None,
            "themes": [theme.slug for theme in item.themes.all()],
            "published_at": _iso(item.publish_at),
            "updated_at": _iso(max(item.updated_at, text.updated_at)),
        }


_READERS = {
    "practices": _practices,
    "programmes": _programmes,
    "themes": _themes,
    "places": _places,
    "visits": _visits,
    "calls": _calls,
    "reports": _reports,
    "news": _news,
}
