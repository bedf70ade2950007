import pytest

from citypeers.core.errors import PlaceError
from citypeers.places.models import Place, SizeClass
from citypeers.places.services import place_create, places_load_reference
from tests.factories import PlaceFactory


@pytest.mark.django_db
def test_reference_cities_load_from_geonames_and_reloading_changes_nothing():
    count = places_load_reference(countries=["LU", "MT", "FI"])
    assert count == Place.objects.count() > 10
    vantaa = Place.objects.get(name="Vantaa", country="FI")
    assert vantaa.size_class == SizeClass.LARGE
    assert 60 < vantaa.latitude < 61
    assert not Place.objects.filter(population__lt=15_000).exists()
    assert places_load_reference(countries=["LU", "MT", "FI"]) == count
    assert Place.objects.count() == count


@pytest.mark.django_db
def test_a_second_place_of_the_same_name_and_kind_is_refused():
    PlaceFactory(name="Val Grande", country="IT", kind=Place.Kind.RURAL)
    with pytest.raises(PlaceError) as refusal:
        place_create(by=None, name=" val grande ", country="IT", kind=Place.Kind.RURAL)
    assert refusal.value.field == "name"
