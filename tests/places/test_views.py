import pytest
from django.urls import reverse

from citypeers.places.models import Place, SizeClass
from tests.factories import MembershipFactory, PlaceFactory, UserFactory


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
