import pytest

from citypeers.core.errors import PlaceError
from citypeers.core.models import AuditEntry
from citypeers.places.models import Place, SizeClass
from citypeers.places.services import place_create, places_load_reference
from tests.factories import PlaceFactory, UserFactory
from tests.races import race


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


@pytest.mark.django_db
def test_a_place_added_by_hand_is_recorded_with_who_added_it():
    coordinator = UserFactory()
    place = place_create(
        by=coordinator, name="  Val Grande ", country="IT", kind=Place.Kind.RURAL, population=900
    )
    assert place.name == "Val Grande"
    assert place.size_class == SizeClass.SMALL
    entry = AuditEntry.objects.get(action="place.created")
    assert (entry.actor, entry.object_id, entry.changes) == (
        coordinator,
        str(place.pk),
        {"name": "Val Grande"},
    )


@pytest.mark.django_db
def test_the_same_name_as_another_kind_or_in_another_country_is_accepted():
    PlaceFactory(name="Limburg", country="BE", kind=Place.Kind.REGION)
    place_create(by=None, name="Limburg", country="NL", kind=Place.Kind.REGION)
    place_create(by=None, name="Limburg", country="BE", kind=Place.Kind.CITY)
    assert Place.objects.filter(name="Limburg").count() == 3


@pytest.mark.django_db
def test_reloading_the_reference_leaves_places_added_by_hand_as_they_are():
    by_hand = PlaceFactory(name="Vantaa", country="FI", population=1, kind=Place.Kind.RURAL)
    places_load_reference(countries=["FI"])
    by_hand.refresh_from_db()
    assert (by_hand.population, by_hand.kind) == (1, Place.Kind.RURAL)
    assert Place.objects.filter(name="Vantaa", geonames_id__isnull=False).count() == 1


@pytest.mark.django_db
def test_the_reference_load_refreshes_a_city_edited_since():
    places_load_reference(countries=["LU"])
    luxembourg = Place.objects.get(name="Luxembourg", country="LU")
    Place.objects.filter(pk=luxembourg.pk).update(population=1, name="Lux")
    places_load_reference(countries=["LU"])
    luxembourg.refresh_from_db()
    assert luxembourg.name == "Luxembourg"
    assert luxembourg.population > 15_000
    assert luxembourg.time_zone == "Europe/Luxembourg"


@pytest.mark.django_db
def test_the_population_floor_can_be_raised():
    everything = places_load_reference(countries=["FI"])
    Place.objects.all().delete()
    big = places_load_reference(countries=["FI"], min_population=200_000)
    assert 0 < big < everything
    assert not Place.objects.filter(population__lt=200_000).exists()


@pytest.mark.django_db(transaction=True)
def test_a_place_added_twice_at_once_is_listed_once():
    """The second sees the first's place and is refused at the name (both were listed: the
    check ran before either was saved)."""

    def add():
        return place_create(by=None, name="Val Grande", country="IT", kind=Place.Kind.RURAL)

    first, second = race(add, add, hold_after="citypeers.places.services.log_action")
    assert first.error is None
    assert isinstance(second.error, PlaceError) and second.error.field == "name"
    assert Place.objects.filter(name="Val Grande").count() == 1
