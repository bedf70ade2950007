import pytest
from django.db import IntegrityError, transaction

from citypeers.places.models import SizeClass, size_class_for
from citypeers.places.selectors import population_range
from tests.factories import PlaceFactory


@pytest.mark.parametrize(
    ("population", "size"),
    [
        (49_999, SizeClass.SMALL),
        (50_000, SizeClass.MEDIUM),
        (249_999, SizeClass.MEDIUM),
        (250_000, SizeClass.LARGE),
        (999_999, SizeClass.LARGE),
        (1_000_000, SizeClass.METROPOLIS),
        (None, None),
    ],
)
def test_size_class_follows_the_thresholds(population, size):
    assert size_class_for(population) == size


def test_thresholds_come_from_the_one_setting(settings):
    settings.PLACE_SIZE_THRESHOLDS = {"small": 10_000, "medium": 100_000, "large": 500_000}
    assert size_class_for(60_000) == SizeClass.MEDIUM
    assert population_range("large") == (100_000, 500_000)


@pytest.mark.parametrize(
    ("country", "in_eu"), [("FI", True), ("BE", True), ("NO", False), ("GB", False), ("UA", False)]
)
def test_a_place_knows_whether_its_country_is_in_the_eu(country, in_eu, db):
    assert PlaceFactory(country=country).in_eu is in_eu


def test_a_place_is_named_with_its_country_code(db):
    assert str(PlaceFactory(name="Šibenik", country="HR")) == "Šibenik (HR)"


def test_changing_the_thresholds_reclassifies_places_already_stored(settings, db):
    place = PlaceFactory(population=80_000)
    assert place.size_class == SizeClass.MEDIUM
    settings.PLACE_SIZE_THRESHOLDS = {"small": 100_000, "medium": 250_000, "large": 1_000_000}
    place.refresh_from_db()
    assert place.size_class == SizeClass.SMALL


def test_a_place_without_population_has_no_size_class(db):
    assert PlaceFactory(population=None).size_class is None


@pytest.mark.parametrize(("field", "value"), [("latitude", 91), ("longitude", -180.5)])
def test_the_database_refuses_coordinates_off_the_globe(field, value, db):
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceFactory(**{field: value})
