"""The open data as rows: which datasets there are (a collection, or a programme's share of
one, with its licence), their rows in stable fields, and the facts the catalogue states about
them (countries covered, period). Public data only: published practices, calls and reports,
news whose time has come, agendas once published; never a person's name or address."""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Min, Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django_countries import countries

from citypeers.calls.models import Call
from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import practices_published
from citypeers.library.opendata.enums import COLLECTIONS, SITE_WIDE, Collection
from citypeers.news.models import NewsText
from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.selectors.reports import published_reports
from citypeers.visits.models import AgendaSession, VisitPlan

CHUNK = 2000


@dataclass(frozen=True)
class Dataset:
    collection: Collection
    programme: Programme | None  # a programme's share of a per-programme collection
    licence: str  # a programmes.DataLicence value

    @property
    def identifier(self) -> str:
        name = self.collection.name
        return f"programmes/{self.programme.slug}/{name}" if self.programme else name


def site_licence() -> str:
    return settings.OPEN_DATA_LICENCE


def datasets() -> list[Dataset]:
    """Every dataset: the site-wide collections (and the network's own news) under the site's
    licence, then each programme's visits, calls, reports and news under its licence."""
    found = [Dataset(COLLECTIONS[name], None, site_licence()) for name in SITE_WIDE]
    found.append(Dataset(COLLECTIONS["news"], None, site_licence()))
    for programme in Programme.objects.order_by("slug"):
        found += [
            Dataset(c, programme, programme.data_licence)
            for c in COLLECTIONS.values()
            if c.per_programme
        ]
    return found


def dataset_for(*, collection: str, programme_slug: str | None = None) -> Dataset | None:
    """The dataset a download address names, or None (no such collection or programme)."""
    if collection not in COLLECTIONS:
        return None
    if programme_slug is None:
        if collection in SITE_WIDE or collection == "news":
            return Dataset(COLLECTIONS[collection], None, site_licence())
        return None
    if not COLLECTIONS[collection].per_programme:
        return None
    programme = Programme.objects.filter(slug=programme_slug).first()
    if programme is None:
        return None
    return Dataset(COLLECTIONS[collection], programme, programme.data_licence)


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
    10,000 practices, model instances and prefetching cost ten times the rest."""
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
            yield {
                "id": pk,
                "slug": slug,
                "title": title,
                "tagline": tagline,
                "type": type_,
                "language": language,
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
    published = set(
        VisitPlan.objects.filter(visit__programme=programme, agenda_published=True).values_list(
            "visit_id", flat=True
        )
    )
    sessions = AgendaSession.objects.filter(
        visit__in=published, cancelled_at__isnull=True
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
        NewsText.objects.filter(item__programme=programme, item__publish_at__lte=timezone.now())
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


@dataclass(frozen=True)
class Coverage:
    countries: tuple[str, ...]  # ISO 3166 alpha-3, for the EU country authority
    starts_on: datetime.date | None
    ends_on: datetime.date | None


def _alpha3(codes) -> tuple[str, ...]:
    return tuple(sorted({countries.alpha3(code) for code in codes if code} - {"", None}))


def coverage(dataset: Dataset) -> Coverage:
    """Where and when the dataset's records are: a few aggregate queries, whatever its size."""
    name, programme = dataset.collection.name, dataset.programme
    if programme is not None:
        hosts = Visit.objects.filter(programme=programme).values_list(
            "host_place__country", flat=True
        )
        return Coverage(
            _alpha3(hosts.order_by().distinct()), programme.starts_on, programme.ends_on
        )
    if name == "practices":
        published = practices_published()
        span = published.aggregate(start=Min("started_on"), end=Max("ended_on"))
        codes = published.values_list("places__country", flat=True).order_by().distinct()
        return Coverage(_alpha3(codes), span["start"], span["end"])
    if name == "programmes":
        span = Programme.objects.aggregate(start=Min("starts_on"), end=Max("ends_on"))
        codes = Visit.objects.values_list("host_place__country", flat=True).order_by().distinct()
        return Coverage(_alpha3(codes), span["start"], span["end"])
    if name == "places":
        codes = Place.objects.values_list("country", flat=True).order_by().distinct()
        return Coverage(_alpha3(codes), None, None)
    return Coverage((), None, None)
