"""The open data downloads: every public collection as CSV and JSON, with its licence, stable
fields, page addresses, conditional GET and CORS; never private records."""

import csv
import io
import json

import pytest
from django.test import Client

from citypeers.library.opendata.enums import COLLECTIONS
from tests.factories import (
    CallFactory,
    PlaceFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    VisitFactory,
)
from tests.library.opendata_world import PRIVATE_WORDS, build_open_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_world(db) -> dict:
    return build_open_world()


def _get(path: str, **headers):
    response = Client().get(path, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode()


def _csv(path: str) -> list[dict]:
    response, body = _get(path)
    assert response.status_code == 200, path
    return list(csv.DictReader(io.StringIO(body)))


def test_practices_csv_has_the_documented_columns_and_only_published_practices(open_world):
    response, body = _get("/data/practices.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="citypeers-practices.csv"' in response["Content-Disposition"]
    reader = csv.DictReader(io.StringIO(body))
    assert tuple(reader.fieldnames) == COLLECTIONS["practices"].fields
    rows = list(reader)
    assert [row["title"] for row in rows] == ["Silk workshops reopened"]
    row = rows[0]
    assert row["countries"] == "FR" and row["places"] == "Lyon" and row["themes"] == "heritage"
    assert row["url"].endswith(f"/en/practices/{open_world['practice'].slug}/")
    assert row["url"].startswith("http")
    assert row["published_at"].endswith("Z")


def test_json_download_names_its_licence_and_fields(open_world):
    response, body = _get("/data/programmes/heritage-cities/visits.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(body)
    assert data["licence"] == "CC0-1.0"
    assert data["licence_url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert data["fields"] == list(COLLECTIONS["visits"].fields)
    by_slug = {visit["slug"]: visit for visit in data["items"]}
    assert [s["title"] for s in by_slug["silk"]["sessions"]] == ["Walk through the Croix-Rousse"]
    assert by_slug["tartu"]["sessions"] == []  # agenda not published
    assert by_slug["silk"]["country"] == "FR"


def test_site_wide_collections_carry_the_site_licence(open_world):
    data = json.loads(_get("/data/practices.json")[1])
    assert data["licence"] == "CC-BY-4.0" and len(data["items"]) == 1


@pytest.mark.parametrize("collection", ["visits", "calls", "reports", "news"])
def test_a_programme_collection_names_the_programme_licence_in_its_link_header(
    open_world, collection
):
    response, _body = _get(f"/data/programmes/heritage-cities/{collection}.csv")
    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"'


def test_no_private_record_appears_in_any_download(open_world):
    paths = [
        f"/data/{name}.{fmt}"
        for name in ("practices", "programmes", "themes", "places", "news")
        for fmt in ("csv", "json")
    ]
    paths += [
        f"/data/programmes/heritage-cities/{name}.{fmt}"
        for name in ("visits", "calls", "reports", "news")
        for fmt in ("csv", "json")
    ]
    everything = "".join(_get(path)[1] for path in paths)
    assert "Come to Lyon" in everything and "What Lyon taught us" in everything
    assert "Out now" in everything and "Network news" in everything
    for word in PRIVATE_WORDS:
        assert word not in everything
    assert "@" not in everything  # no e-mail address, no contact person


def test_calls_and_reports_are_one_dataset_per_programme(open_world):
    assert [row["title"] for row in _csv("/data/programmes/heritage-cities/calls.csv")] == [
        "Come to Lyon"
    ]
    assert _csv("/data/programmes/green-cities/calls.csv") == []
    report = _csv("/data/programmes/heritage-cities/reports.csv")[0]
    assert report["pdf_url"].endswith("/report.pdf")


def test_network_news_is_site_wide_and_programme_news_is_the_programmes(open_world):
    assert [row["title"] for row in _csv("/data/news.csv")] == ["Network news"]
    titles = [row["title"] for row in _csv("/data/programmes/heritage-cities/news.csv")]
    assert titles == ["Out now"]


@pytest.mark.parametrize(
    "path",
    [
        "/data/secrets.csv",
        "/data/visits.csv",  # visits exist per programme only
        "/data/programmes/nope/visits.csv",
        "/data/programmes/heritage-cities/practices.csv",
        "/data/practices.xml",
    ],
)
def test_unknown_datasets_are_not_found(open_world, path):
    assert Client().get(path).status_code == 404


def test_conditional_get_answers_304_until_the_data_changes(
    open_world, django_capture_on_commit_callbacks
):
    first, _body = _get("/data/practices.csv")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert Client().get("/data/practices.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = Client().get("/data/practices.csv", HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        open_world["practice"].title = "Renamed"
        open_world["practice"].save()
    changed, body = _get("/data/practices.csv", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and "Renamed" in body


def test_downloads_are_open_to_other_sites(open_world):
    response, _body = _get("/data/practices.json")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_downloads_are_read_only(open_world):
    assert Client().post("/data/practices.csv").status_code == 405


def test_practices_export_reads_a_fixed_number_of_queries(
    open_world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        _get("/data/practices.csv")


def test_formula_like_text_stays_inert_in_csv_and_as_written_in_json(db):
    PublishedPracticeFactory(title='=HYPERLINK("http://evil.example")')
    (row,) = _csv("/data/practices.csv")
    assert row["title"] == '\'=HYPERLINK("http://evil.example")'
    (item,) = json.loads(_get("/data/practices.json")[1])["items"]
    assert item["title"] == '=HYPERLINK("http://evil.example")'


@pytest.mark.parametrize("count", [1, 3])
def test_downloads_read_a_fixed_number_of_queries(db, count, django_assert_max_num_queries):
    programme = ProgrammeFactory(slug="p")
    for _ in range(count):
        PublishedPracticeFactory(places=[PlaceFactory()], themes=[ThemeFactory()])
        VisitFactory(programme=programme)
        CallFactory(programme=programme)
    for path in (
        "/data/practices.csv",
        "/data/programmes/p/visits.json",
        "/data/places.csv",
        "/data/programmes/p/calls.csv",
    ):
        with django_assert_max_num_queries(8):
            assert _get(path)[0].status_code == 200


def test_a_practices_texts_are_in_its_own_language_which_the_row_names(db):
    PublishedPracticeFactory(
        language="it", title="Adotta un monumento", title_en="Adopt a monument", tagline="Siti."
    )
    [row] = _csv("/data/practices.csv")
    assert (row["title"], row["tagline"], row["language"]) == ("Adotta un monumento", "Siti.", "it")


def test_programmes_and_themes_read_the_same_whatever_language_the_reader_asks_in(db):
    theme = ThemeFactory(name={"en": "Adaptive reuse", "fr": "Réemploi"})
    ProgrammeFactory(name={"en": "Heritage in action", "fr": "Patrimoine en action"}).themes.add(
        theme
    )
    for path, word in (
        ("/data/themes.json", "Adaptive reuse"),
        ("/data/programmes.json", "Heritage in action"),
    ):
        english, english_body = _get(path, HTTP_ACCEPT_LANGUAGE="en")
        french, french_body = _get(path, HTTP_ACCEPT_LANGUAGE="fr")
        assert word in french_body and french_body == english_body
        assert french["ETag"] == english["ETag"]
