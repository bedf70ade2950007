import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from citypeers.core.errors import PlaceError
from citypeers.places.countries import EU_MEMBERS, PROGRAMME_COUNTRIES, is_eu_member
from citypeers.places.models import Place, SizeClass, size_class_for
from citypeers.places.selectors import places_filter, population_range
from citypeers.places.services import place_create, places_load_reference
from tests.factories import MembershipFactory, PlaceFactory, UserFactory


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


@given(st.integers(min_value=0, max_value=40_000_000))
def test_every_population_falls_in_the_range_of_its_size_class(population):
    lower, upper = population_range(size_class_for(population).value)
    assert (lower is None or population >= lower) and (upper is None or population < upper)


def test_thresholds_come_from_the_one_setting(settings):
    settings.PLACE_SIZE_THRESHOLDS = {"small": 10_000, "medium": 100_000, "large": 500_000}
    assert size_class_for(60_000) == SizeClass.MEDIUM
    assert population_range("large") == (100_000, 500_000)


def test_programme_countries_include_the_uk_ukraine_and_moldova_but_flag_eu_members():
    assert {"GB", "UA", "MD", "NO", "IS"} <= set(PROGRAMME_COUNTRIES)
    assert set(PROGRAMME_COUNTRIES) >= EU_MEMBERS
    assert len(EU_MEMBERS) == 27
    assert is_eu_member("fi") and not is_eu_member("GB") and not is_eu_member("UA")


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
def test_filters_by_size_country_and_name():
    PlaceFactory(name="Smallville", country="BE", population=20_000)
    PlaceFactory(name="Bigtown", country="BE", population=2_000_000)
    PlaceFactory(name="Bigtown", country="FR", population=2_000_000)
    assert [p.name for p in places_filter(size="small")] == ["Smallville"]
    assert places_filter(size="metropolis", country="FR").get().country.code == "FR"
    assert places_filter(q="bigt").count() == 2


@pytest.mark.django_db
def test_place_list_filters_paginates_and_exports_every_match(client):
    for number in range(60):
        PlaceFactory(name=f"Ville {number}", country="FR", population=100_000 + number)
    PlaceFactory(name="Elsewhere", country="DE")
    page = client.get(reverse("places:list"), {"country": "FR"}).text
    assert "60 places" in page
    assert "country=FR&amp;page=2" in page
    assert "Elsewhere" not in page
    export = client.get(reverse("places:list"), {"country": "FR", "export": "csv"})
    assert len(export.content.decode().strip().splitlines()) == 61


@pytest.mark.django_db
def test_place_list_with_nonsense_filters_still_answers(client):
    response = client.get(reverse("places:list"), {"country": "ZZ", "size": "huge", "page": "x"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_empty_place_search_suggests_what_to_try(client):
    assert "Try another spelling" in client.get(reverse("places:list"), {"q": "Atlantis"}).text


@pytest.mark.django_db
def test_a_coordinator_adds_a_missing_region(client):
    coordinator = MembershipFactory(role="coordinator").user
    client.force_login(coordinator)
    response = client.post(
        reverse("places:create"),
        {"name": "Central Scotland", "country": "GB", "kind": "region", "population": "400000"},
    )
    place = Place.objects.get(name="Central Scotland")
    assert response["Location"] == reverse("places:detail", args=[place.pk])
    assert place.size_class == SizeClass.LARGE
    assert "Central Scotland" in client.get(response["Location"]).text


@pytest.mark.django_db
def test_adding_a_duplicate_place_shows_the_error_at_the_name(client):
    PlaceFactory(name="Kortrijk", country="BE")
    client.force_login(UserFactory(is_staff=True))
    response = client.post(
        reverse("places:create"), {"name": "Kortrijk", "country": "BE", "kind": "city"}
    )
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert "already listed" in response.text


@pytest.mark.django_db
def test_coordinates_out_of_range_are_refused_at_the_field(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.post(
        reverse("places:create"),
        {"name": "Nowhere", "country": "BE", "kind": "city", "latitude": "123"},
    )
    assert response.status_code == 200
    assert 'href="#id_latitude"' in response.text
    assert not Place.objects.filter(name="Nowhere").exists()
