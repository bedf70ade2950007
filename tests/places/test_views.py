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


@pytest.mark.django_db
def test_a_place_page_shows_its_facts(client):
    place = PlaceFactory(
        name="Vantaa", country="FI", population=240_000, latitude=60.29, time_zone="Europe/Helsinki"
    )
    page = client.get(reverse("places:detail", args=[place.pk])).text
    assert "Finland (EU member)" in page
    assert "240,000" in page
    assert "Medium (50,000 to 250,000)" in page
    assert "Europe/Helsinki" in page


@pytest.mark.django_db
def test_a_place_of_unknown_size_says_so(client):
    place = PlaceFactory(country="NO", population=None)
    page = client.get(reverse("places:detail", args=[place.pk])).text
    assert "EU member" not in page
    assert page.count("not known") == 2


@pytest.mark.django_db
def test_an_unknown_place_is_a_404(client):
    assert client.get(reverse("places:detail", args=[987654])).status_code == 404


@pytest.mark.django_db
def test_the_place_list_filters_by_kind_and_size(client):
    PlaceFactory(name="Central Scotland", kind="region", population=400_000)
    PlaceFactory(name="Smallburgh", kind="region", population=1_000)
    PlaceFactory(name="Glasgow", kind="city", population=600_000)
    page = client.get(reverse("places:list"), {"kind": "region", "size": "large"}).text
    assert "Central Scotland" in page
    assert "Smallburgh" not in page and "Glasgow" not in page


@pytest.mark.django_db
def test_an_export_keeps_a_hostile_place_name_inert_and_carries_the_size(client):
    PlaceFactory(name='=HYPERLINK("http://evil.example")', population=60_000)
    rows = client.get(reverse("places:list"), {"export": "csv"}).content.decode().splitlines()
    assert rows[0] == "Name,Country,Kind,Population,Size,Latitude,Longitude"
    assert rows[1].startswith(
        '"\'=HYPERLINK(""http://evil.example"")",BE,City,60000,"Medium (50,000'
    )


@pytest.mark.django_db
def test_an_unknown_export_format_shows_the_page(client):
    response = client.get(reverse("places:list"), {"export": "pdf"})
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "may_add"),
    [
        ("coordinator", True),
        ("coordinator_elsewhere", True),
        ("staff", True),
        ("host", False),
        ("reviewer", False),
        ("participant", False),
        ("no_role", False),
    ],
)
def test_only_coordinators_and_staff_may_add_places(client, people_by_role, role, may_add):
    client.force_login(people_by_role[role])
    listing = client.get(reverse("places:list")).text
    assert ("Add a place" in listing) is may_add
    assert client.get(reverse("places:create")).status_code == (200 if may_add else 403)
    client.post(reverse("places:create"), {"name": "Hidden", "country": "BE", "kind": "city"})
    assert Place.objects.filter(name="Hidden").exists() is may_add


@pytest.mark.django_db
def test_an_anonymous_visitor_is_asked_to_log_in_before_adding_a_place(client):
    response = client.get(reverse("places:create"))
    assert response["Location"].startswith(reverse("account_login"))
    assert "Add a place" not in client.get(reverse("places:list")).text


@pytest.mark.django_db
def test_a_place_added_by_a_coordinator_appears_in_the_place_list(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("places:create"), {"name": "Val Grande", "country": "IT", "kind": "rural"})
    assert "Val Grande" in client.get(reverse("places:list"), {"q": "val gr"}).text


@pytest.mark.django_db
def test_a_place_of_unknown_population_shows_a_dash_in_the_list(client):
    PlaceFactory(name="Val Grande", population=None)
    row = client.get(reverse("places:list")).text.split("Val Grande", 1)[1].split("</tr>")[0]
    assert "None" not in row
    assert row.count("<td>\N{EN DASH}</td>") == 2


@pytest.mark.django_db
def test_the_json_export_keeps_numbers_and_coordinates(client):
    PlaceFactory(name="Vantaa", country="FI", population=240_000, latitude=60.29, longitude=25.04)
    [row] = client.get(reverse("places:list"), {"export": "json"}).json()
    assert row["Name"] == "Vantaa"
    assert row["Population"] == 240_000
    assert float(row["Latitude"]) == 60.29
