"""The library page (`library.views`): search, filters, facets, sorting, exports."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def test_search_finds_published_practices_with_highlighted_words(client, two_practices):
    page = client.get(reverse("library:search"), {"q": "fortress"}).text
    assert "Fortress of Culture" in page
    assert "<mark>fortresses</mark>" in page or "<mark>Fortresses</mark>" in page
    assert "Unpublished fortress draft" not in page
    assert "1 practice found" in page


def test_filters_and_facet_counts(client, two_practices):
    page = client.get(reverse("library:search"), {"country": "HR"}).text
    assert "Fortress of Culture" in page and "Archive and grassroots lab" not in page
    everything = client.get(reverse("library:search")).text
    assert "2 practices found" in everything
    assert 'Adaptive re-use</a> <span class="count">(1)</span>' in everything
    small = client.get(reverse("library:search"), {"size": "small", "host": "yes"}).text
    assert "Fortress of Culture" in small and "1 practice found" in small
    by_theme = client.get(reverse("library:search"), {"theme": "participation"}).text
    assert "Archive and grassroots lab" in by_theme and "Fortress of Culture" not in by_theme


def test_nonsense_parameters_never_break_the_page(client, two_practices):
    params = {
        "theme": "nope",
        "country": "ZZ",
        "size": "huge",
        "type": "x",
        "sort": "up",
        "page": "-1",
        "host": "maybe",
        "q": '"NEAR(( * -- \x00 😀 Ελλάδα',
    }
    assert client.get(reverse("library:search"), params).status_code == 200


def test_an_empty_result_suggests_what_to_try(client, two_practices):
    page = client.get(reverse("library:search"), {"q": "zeppelin"}).text
    assert "No practice matches this search." in page
    assert "See every practice" in page


def test_exports_hold_every_matching_row_not_only_the_page(client, two_practices):
    for number in range(25):
        PublishedPracticeFactory(title=f"Fortress walk {number}", summary="fortress walks")
    response = client.get(reverse("library:search"), {"q": "fortress", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 26
    assert {"title", "url", "countries", "themes"} <= set(rows[0])
    data = json.loads(
        client.get(reverse("library:search"), {"country": "HR", "export": "json"}).content
    )
    assert [row["title"] for row in data] == ["Fortress of Culture"]


def test_sort_by_title(client, two_practices):
    page = client.get(reverse("library:search"), {"sort": "title"}).text
    assert page.index("Archive and grassroots lab") < page.index("Fortress of Culture")
