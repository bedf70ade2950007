"""The library page (`library.views`): search, filters, facets, sorting, exports."""

import csv
import io
import json

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from tests.factories import PlaceFactory, PublishedPracticeFactory, ThemeFactory
from tests.library.search.test_query import NASTY_TEXTS

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


def get(client, **params):
    return client.get(reverse("library:search"), params)


def results(page: str) -> str:
    """The part of the page htmx swaps as filters change."""
    return page[page.index('<div id="results"') :]


def test_the_results_are_the_part_htmx_swaps_in(client, two_practices):
    page = client.get(reverse("library:search"), {"q": "archive"}, HTTP_HX_REQUEST="true").text
    assert 'data-hx-select="#results"' in page
    assert f'data-hx-get="{reverse("library:search")}"' in page
    assert "Archive and grassroots lab" in results(page)
    assert "1 practice found" in results(page)


def test_the_form_shows_the_search_as_it_was_asked(client, two_practices):
    page = get(client, q="fortress", country="HR", sort="title", host="yes").text
    assert 'name="q" id="id_q" value="fortress"' in page
    assert '<option value="HR" selected>Croatia</option>' in page
    assert '<option value="title" selected>Title</option>' in page
    assert 'value="yes" id="id_host" checked' in page
    assert "“fortress” in the library" in page


def test_words_typed_as_markup_are_shown_as_text(client, two_practices):
    page = get(client, q='"><script>alert(1)</script>').text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_search_shows_the_matched_words_in_context_and_a_listing_the_tagline(
    client, two_practices
):
    searched = get(client, q="cultural").text
    assert "Three fortresses became a <mark>cultural</mark> hotspot." in searched
    listed = get(client).text
    assert "A practice worth learning from." in listed
    assert "<mark>" not in listed


@pytest.mark.parametrize(
    ("language", "meta"),
    [
        ("en", "Ghent (BE), Split (HR) · Organisational structure · willing to host a visit"),
        (
            "fr",
            "Ghent (BE), Split (HR) · Structure organisationnelle · prêt à accueillir une visite",
        ),
    ],
)
def test_a_result_names_its_places_its_type_and_that_it_hosts_visits(client, language, meta):
    PublishedPracticeFactory(
        title="Twin harbours",
        places=[PlaceFactory(name="Split", country="HR"), PlaceFactory(name="Ghent", country="BE")],
        type="structure",
        willing_to_host=True,
    )
    with translation.override(language):
        url = reverse("library:search")
    for params in ({}, {"q": "harbours"}):
        assert f'<p class="result-meta">{meta}</p>' in client.get(url, params).text


def test_facet_links_narrow_the_current_search_from_its_first_page(client, two_practices):
    page = get(client, q="fortress", country="HR", page="2").text
    assert 'href="?q=fortress&amp;country=HR&amp;theme=adaptive-re-use"' in page
    assert 'href="?q=fortress&amp;country=HR" aria-current="true">Croatia</a>' in page
    assert "aria-current" not in page.split("Adaptive re-use</a>")[0].rsplit("<a ", 1)[1]


def test_the_host_filter_is_offered_with_its_count(client, two_practices):
    page = get(client).text
    assert 'Willing to host a visit</a> <span class="count">(1)</span>' in page
    assert "Visits" not in get(client, theme="participation").text


def test_clearing_the_search_is_offered_only_when_there_is_one(client, two_practices):
    assert "Clear the search" not in get(client).text
    assert "Clear the search" in get(client, country="HR").text
    assert "Clear the search" not in get(client, page="1").text


def test_twenty_practices_a_page_and_every_page_reachable(client):
    for number in range(45):
        PublishedPracticeFactory(title=f"Mill {number:02}")
    first = get(client, sort="title").text
    assert "45 practices found" in first and "Page 1 of 3" in first
    assert first.count('<li class="result">') == 20
    assert 'href="?sort=title&amp;page=2" rel="next"' in first
    last = get(client, sort="title", page="3").text
    assert last.count('<li class="result">') == 5
    assert "Mill 44" in last and "Mill 39" not in last
    assert 'href="?sort=title&amp;page=2" rel="prev"' in last


@pytest.mark.parametrize(
    ("page", "shown"),
    [("abc", 1), ("0", 1), ("-1", 1), ("999", 3), ("1.5", 1), ("", 1), ("2\x00", 1), ("9" * 50, 3)],
)
def test_a_bad_page_number_gives_the_nearest_page(client, page, shown):
    for _ in range(41):
        PublishedPracticeFactory()
    response = get(client, page=page)
    assert response.status_code == 200
    assert f"Page {shown} of 3" in response.text


def test_a_bad_page_number_on_an_empty_library_gives_the_empty_state(client, db):
    response = get(client, page="7")
    assert response.status_code == 200
    assert "0 practices found" in response.text
    assert "No practice matches this search." in response.text


@pytest.mark.parametrize("text", [*NASTY_TEXTS, "x" * 10_000, "😀" * 10_000, '"' * 10_000])
def test_hostile_words_never_break_the_page(client, two_practices, text):
    response = get(client, q=text)
    assert response.status_code == 200
    assert "practices found" in response.text or "practice found" in response.text


def export(client, export_format, **params):
    response = get(client, export=export_format, **params)
    if export_format == "csv":
        return list(csv.DictReader(io.StringIO(response.content.decode())))
    return json.loads(response.content)


def test_an_export_row_holds_what_a_reader_needs(client, two_practices):
    fortress = two_practices["fortress"]
    [row] = export(client, "json", country="HR")
    assert row == {
        "title": "Fortress of Culture",
        "url": "http://testserver" + fortress.get_absolute_url(),
        "tagline": "A practice worth learning from.",
        "places": "Šibenik",
        "countries": "HR",
        "themes": "Adaptive re-use",
        "type": "structure",
        "willing_to_host": "yes",
        "published": fortress.published_at.date().isoformat(),
    }
    [archive] = export(client, "csv", theme="participation")
    assert archive["willing_to_host"] == "no"


def test_an_export_joins_several_places_and_themes(client):
    PublishedPracticeFactory(
        places=[PlaceFactory(name="Ghent", country="BE"), PlaceFactory(name="Lille", country="FR")],
        themes=[ThemeFactory(name="Rivers"), ThemeFactory(name="Trade")],
    )
    [row] = export(client, "csv")
    assert (row["places"], row["countries"]) == ("Ghent; Lille", "BE; FR")
    assert set(row["themes"].split("; ")) == {"Rivers", "Trade"}


def test_exports_are_downloads_named_after_their_format(client, two_practices):
    csv_response = get(client, export="csv")
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="citypeers-practices.csv"' in csv_response["Content-Disposition"]
    json_response = get(client, export="json")
    assert json_response["Content-Type"] == "application/json"
    assert 'filename="citypeers-practices.json"' in json_response["Content-Disposition"]


def test_an_unknown_export_format_shows_the_page(client, two_practices):
    response = get(client, export="xlsx")
    assert response["Content-Type"].startswith("text/html")
    assert "2 practices found" in response.text


def test_exports_keep_the_order_of_the_listing(client, two_practices):
    titles = [row["title"] for row in export(client, "csv", sort="title")]
    assert titles == ["Archive and grassroots lab", "Fortress of Culture"]
    titles = [row["title"] for row in export(client, "json")]
    assert titles == ["Archive and grassroots lab", "Fortress of Culture"]  # newest first


def test_an_export_of_nothing_has_only_its_header(client, two_practices):
    response = get(client, q="zeppelin", export="csv")
    assert response.content.decode().splitlines() == [
        "title,url,tagline,places,countries,themes,type,willing_to_host,published"
    ]
    assert export(client, "json", q="zeppelin") == []


def test_an_export_beyond_one_batch_holds_every_row_once(client, monkeypatch):
    monkeypatch.setattr("citypeers.library.views.EXPORT_BATCH", 2)
    for number in range(5):
        PublishedPracticeFactory(title=f"Mill {number}")
    titles = [row["title"] for row in export(client, "csv", sort="title")]
    assert titles == [f"Mill {number}" for number in range(5)]


def test_a_spreadsheet_never_runs_text_as_a_formula(client):
    PublishedPracticeFactory(
        title='=HYPERLINK("https://evil.example","click")',
        tagline="+1 more way",
        places=[PlaceFactory(name="@home", country="BE")],
    )
    [row] = export(client, "csv")
    assert row["title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert row["tagline"] == "'+1 more way"
    assert row["places"] == "'@home"
    [kept] = export(client, "json")
    assert kept["title"] == '=HYPERLINK("https://evil.example","click")'


@pytest.mark.parametrize(
    ("params", "queries"),
    # The page reads the matching visit reports too (one query); the exports list practices.
    # The first read after the writes also brings the card index up to date: the state, the
    # log of changes since it was made, the cards (all, or the changed ones).
    [({}, 8), ({"q": "fortress"}, 9), ({"export": "json"}, 8), ({"q": "x", "export": "csv"}, 9)],
)
@pytest.mark.parametrize("practices", [1, 3])
def test_the_page_and_exports_cost_the_same_queries_for_one_or_many(
    client, django_assert_max_num_queries, params, queries, practices
):
    for number in range(practices):
        PublishedPracticeFactory(
            title=f"fortress x {number}",
            places=[PlaceFactory(), PlaceFactory()],
            themes=[ThemeFactory(), ThemeFactory()],
        )
    if "q" in params and connection.vendor == "postgresql":
        queries += 1  # the matches, then where the words are in them
    with django_assert_max_num_queries(queries):
        response = get(client, **params)
    assert f"fortress x {practices - 1}" in response.content.decode()
