"""Each collection of the API shows what the public may see, filters, pages and keeps ids."""

import pytest

from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def _get(client, path, **headers):
    response = client.get(f"/api/v1/{path}", **headers)
    assert response.status_code == 200, response.content
    return response.json()


def _slugs(body, key="slug"):
    return [item[key] for item in body["results"]]


def test_the_index_links_every_collection_the_schema_and_the_docs(client, scene):
    body = _get(client, "")
    assert body["practices"] == "http://testserver/api/v1/practices/"
    assert {"visits", "calls", "reports", "news", "themes", "places", "programmes"} <= set(body)
    assert client.get(body["docs"].removeprefix("http://testserver")).status_code == 200


def test_practices_lists_only_published_ones_without_their_contact_person(client, scene):
    body = _get(client, "practices/")
    assert body["count"] == 1
    [item] = body["results"]
    assert item["id"] == scene.practice.pk and item["slug"] == scene.practice.slug
    assert item["themes"] == ["heritage"]
    assert item["places"][0]["country"] == "PT" and item["places"][0]["size_class"] == "medium"
    detail = _get(client, f"practices/{scene.practice.slug}/")
    assert detail["id"] == scene.practice.pk
    assert "Private Person" not in str(detail) and "private@example.org" not in str(detail)
    assert client.get(f"/api/v1/practices/{scene.draft_practice.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("theme=heritage", True),
        ("theme=other", False),
        ("country=pt", True),
        ("country=BE", False),
        ("size=medium", True),
        ("size=small", False),
        ("updated_since=2000-01-01T00:00:00Z", True),
        ("updated_since=0001-01-01T00:00:00%2B05:00", True),
        ("updated_since=2190-01-01T00:00:00%2B01:00", False),
    ],
)
def test_practices_filter(client, scene, query, found):
    assert _get(client, f"practices/?{query}")["count"] == (1 if found else 0)


def test_practices_search_words_of_their_text(client, scene):
    assert _slugs(_get(client, "practices/?q=mills")) == [scene.practice.slug]
    assert _get(client, "practices/?q=submarines")["count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "country=Portugal",
        "size=huge",
        "updated_since=yesterday",
        "updated_since=0.5",
        "updated_since=2020-01-01",
        "page=0",
        "page_size=101",
        "theme=%00",
        "q=%00",
        "page=99999999999",
    ],
)
def test_invalid_filters_get_422_with_the_reason(client, scene, query):
    response = client.get(f"/api/v1/practices/?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_pages_of_practices_link_each_other_and_never_repeat_one(client, scene):
    PublishedPracticeFactory.create_batch(4, published_at=scene.practice.published_at)
    first = _get(client, "practices/?page_size=2")
    assert first["count"] == 5 and first["previous"] is None
    second = _get(client, first["next"].removeprefix("http://testserver/api/v1/"))
    third = _get(client, second["next"].removeprefix("http://testserver/api/v1/"))
    assert third["next"] is None and "page=2" in third["previous"]
    ids = [item["id"] for page in (first, second, third) for item in page["results"]]
    assert len(ids) == len(set(ids)) == 5
    assert _get(client, "practices/?page=9")["results"] == []


def test_visits_show_a_published_agenda_in_utc_with_public_resources_and_no_person(client, scene):
    body = _get(client, "visits/")
    assert _slugs(body) == ["porto"]
    detail = _get(client, f"visits/{scene.programme.slug}/porto/")
    assert detail["time_zone"] == "Europe/Lisbon" and detail["agenda_published"] is True
    [session] = detail["sessions"]
    assert session["title"] == "Walk" and session["starts_at"].startswith("2027-03-22T08:00:00")
    assert [r["title"] for r in session["resources"]] == ["public slides"]
    assert "Private Person" not in str(detail)
    assert client.get(f"/api/v1/visits/{scene.programme.slug}/ghent/").status_code == 404


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("programme=heritage-in-action", True),
        ("programme=other-programme", False),
        ("theme=heritage", True),
        ("country=PT", True),
        ("country=BE", False),
        ("mode=onsite", True),
        ("mode=online", False),
        ("from=2027-03-24", True),
        ("from=2027-03-25", False),
        ("to=2027-03-22", True),
        ("to=2027-03-21", False),
    ],
)
def test_visits_filter(client, scene, query, found):
    assert _get(client, f"visits/?{query}")["count"] == (1 if found else 0)


def test_calls_show_only_published_ones_and_filter_open_ones(client, scene):
    assert _slugs(_get(client, "calls/")) == ["open-call"]
    assert _slugs(_get(client, "calls/?open=true")) == ["open-call"]
    assert _get(client, "calls/?open=false")["count"] == 0
    detail = _get(client, "calls/open-call/")
    assert detail["state"] == "open" and detail["visits"] == [f"{scene.programme.slug}/porto"]
    assert client.get("/api/v1/calls/draft-call/").status_code == 404


def test_reports_show_the_published_ones_latest_version_and_pdf(client, scene):
    body = _get(client, "reports/")
    [report] = body["results"]
    assert report["id"] == scene.report.pk and report["version"] == 2
    assert report["sections"] == {"summary": "Porto report text."}
    assert report["pdf_url"].endswith(f"/{scene.programme.slug}/visits/porto/report.pdf")
    assert _get(client, "reports/?language=fr")["count"] == 0
    assert _get(client, "reports/?theme=heritage")["count"] == 1
    assert client.get(f"/api/v1/reports/{scene.programme.slug}/ghent/").status_code == 404


def test_news_show_published_items_with_texts_and_only_public_links(client, scene):
    body = _get(client, "news/")
    assert _slugs(body) == ["mills-news"]
    [item] = body["results"]
    assert item["texts"][0]["title"] == "Mills-News"
    assert item["practices"] == [scene.practice.slug]  # the draft practice is left out
    assert _get(client, "news/?language=fr")["count"] == 0
    assert _get(client, "news/?theme=heritage")["count"] == 1
    assert client.get("/api/v1/news/draft-news/").status_code == 404
    assert client.get("/api/v1/news/scheduled-news/").status_code == 404


def test_themes_programmes_and_places_by_their_stable_ids_and_slugs(client, scene):
    assert _get(client, "themes/heritage/")["id"] == scene.heritage.pk
    assert _get(client, f"programmes/{scene.programme.slug}/")["themes"] == []
    place = _get(client, f"places/{scene.porto.pk}/")
    assert place["latitude"] == 41.15 and place["size_class"] == "medium"
    assert _slugs(_get(client, "places/?country=PT&size=medium"), "name") == ["Porto"]
    assert _get(client, "places/?size=metropolis")["results"][0]["name"] == "Ghent"


def test_a_practices_texts_come_in_the_readers_language_else_its_original(client, db):
    practice = PublishedPracticeFactory(
        language="it",
        title="Adotta un monumento",
        title_fr="Adopter un monument",
        tagline="I cittadini curano i siti.",
    )
    french = _get(client, f"practices/{practice.slug}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert (french["title"], french["language"]) == ("Adopter un monument", "fr")
    assert french["tagline"] == "I cittadini curano i siti."  # no French yet: the original
    listed = _get(client, "practices/", HTTP_ACCEPT_LANGUAGE="fr")["results"][0]
    assert (listed["title"], listed["language"]) == ("Adopter un monument", "fr")
    # Answered in French just before: each language is its own (cached) answer.
    italian = client.get("/api/v1/practices/", HTTP_ACCEPT_LANGUAGE="it")
    assert italian.json()["results"][0]["title"] == "Adotta un monumento"
    assert "Accept-Language" in italian["Vary"]
