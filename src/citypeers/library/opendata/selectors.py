"""Which datasets the open data has (a collection, or a programme's share of one, with its
licence) and the facts the catalogue states about them (countries covered, period); their rows
are read by `library.opendata.readers`."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Min
from django_countries import countries

from citypeers.catalogue.selectors import practices_published
from citypeers.library.opendata.enums import COLLECTIONS, SITE_WIDE, Collection
from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Visit


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
