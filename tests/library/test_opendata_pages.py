"""The open data's landing page (every dataset, its licence, downloads, fields) and the page
where a programme's coordinators choose the licence of its open data."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from citypeers.core.models import AuditEntry
from citypeers.demo.opendata import opendata_demo_load
from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, ProgrammeFactory
from tests.html_checker import html_errors, require_checker
from tests.library.opendata_world import build_open_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_world(db) -> dict:
    return build_open_world()


def _licence_page(programme) -> str:
    return reverse("programmes:open_data", args=[programme.slug])


def _coordinator(programme):
    client = Client()
    client.force_login(MembershipFactory(programme=programme, role=Role.COORDINATOR).user)
    return client


def test_landing_page_lists_every_dataset_with_its_licence_and_downloads(open_world):
    html = Client().get(reverse("opendata:index")).content.decode()
    for path in (
        "/data/practices.csv",
        "/data/places.json",
        "/data/programmes/heritage-cities/visits.csv",
        "/data/programmes/green-cities/news.json",
        "/data/catalog.ttl",
        "/data/catalog.jsonld",
    ):
        assert f'href="{path}"' in html
    assert "CC0 1.0" in html and "CC BY 4.0" in html
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in html
    assert "published_at" in html  # the fields are documented


def test_landing_page_in_french():
    html = Client().get("/fr/data/").content.decode()
    assert 'lang="fr"' in html


def test_every_page_links_the_open_data_from_its_footer(db):
    html = Client().get(reverse("core:home")).content.decode()
    assert f'href="{reverse("opendata:index")}"' in html


@pytest.mark.parametrize("programmes", [1, 3])
def test_landing_page_reads_a_fixed_number_of_queries(
    db, programmes, django_assert_max_num_queries
):
    ProgrammeFactory.create_batch(programmes)
    with django_assert_max_num_queries(4):
        assert Client().get(reverse("opendata:index")).status_code == 200


def test_coordinator_sets_the_licence_and_the_downloads_follow(open_world):
    programme = open_world["other"]
    client = _coordinator(programme)
    response = client.post(_licence_page(programme), {"licence": "CC-BY-SA-4.0"})
    assert response.status_code == 302
    data = json.loads(
        b"".join(Client().get("/data/programmes/green-cities/calls.json").streaming_content)
    )
    assert data["licence"] == "CC-BY-SA-4.0"
    entry = AuditEntry.objects.get(action="programme.data_licence_changed")
    assert entry.object_id == str(programme.pk)
    assert entry.changes["data_licence"] == "CC-BY-SA-4.0"
    page = client.get(_licence_page(programme)).content.decode()
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in page


def test_saving_the_same_licence_writes_no_audit_entry(open_world):
    programme = open_world["other"]
    _coordinator(programme).post(_licence_page(programme), {"licence": "CC-BY-4.0"})
    assert not AuditEntry.objects.filter(action="programme.data_licence_changed").exists()


def test_an_unknown_licence_is_refused_at_the_field(open_world):
    programme = open_world["programme"]
    response = _coordinator(programme).post(_licence_page(programme), {"licence": "GPL"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html or "errorlist" in html
    programme.refresh_from_db()
    assert programme.data_licence == "CC0-1.0"


def test_a_coordinator_of_another_programme_may_not_set_the_licence(open_world):
    response = _coordinator(open_world["other"]).post(
        _licence_page(open_world["programme"]), {"licence": "ODbL-1.0"}
    )
    assert response.status_code == 403
    open_world["programme"].refresh_from_db()
    assert open_world["programme"].data_licence == "CC0-1.0"


def test_pages_are_valid_html(open_world, tmp_path):
    require_checker()
    programme = open_world["programme"]
    client = _coordinator(programme)
    pages = {
        "data": Client().get(reverse("opendata:index")),
        "data-fr": Client().get("/fr/data/"),
        "licence": client.get(_licence_page(programme)),
        "licence-error": client.post(_licence_page(programme), {"licence": "x"}),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        (tmp_path / f"{name}.html").write_text(response.content.decode())
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)


def test_the_demo_programme_licence_is_set_once_however_often_the_demo_loads(db):
    programme = ProgrammeFactory()
    for _ in range(2):
        opendata_demo_load(programme=programme, by=None)
    programme.refresh_from_db()
    assert programme.data_licence == "CC-BY-SA-4.0"
    assert AuditEntry.objects.filter(action="programme.data_licence_changed").count() == 1


def test_the_programme_page_links_its_coordinators_to_the_licence_page(open_world):
    programme = open_world["programme"]
    page = reverse("programmes:detail", args=[programme.slug])
    assert _licence_page(programme) in _coordinator(programme).get(page).content.decode()
    assert _licence_page(programme) not in Client().get(page).content.decode()


def test_the_data_address_without_a_language_leads_to_the_landing_page(db):
    response = Client().get("/data/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("opendata:index")
