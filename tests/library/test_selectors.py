"""The library's listing (`library.selectors`): filters, facet counts and orders."""

import datetime

import pytest
from django.utils import timezone

from citypeers.library.selectors import LibraryQuery, library_listing, practices_in_order
from tests.factories import PlaceFactory, PublishedPracticeFactory, ThemeFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def days_ago(days: int) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


@pytest.fixture
def shelf(db):
    """Three practices whose themes, countries, sizes, types and hosting overlap in part."""
    reuse = ThemeFactory(name="Adaptive re-use", slug="reuse")
    rivers = ThemeFactory(name="Rivers", slug="rivers")
    return {
        "bravo": PublishedPracticeFactory(
            title="Bravo mills",
            places=[PlaceFactory(country="FI", population=20_000)],
            themes=[reuse],
            type="project",
            willing_to_host=True,
            published_at=days_ago(3),
        ),
        "alpha": PublishedPracticeFactory(
            title="alpha barracks",
            places=[PlaceFactory(country="BE", population=300_000)],
            themes=[reuse, rivers],
            type="policy",
            published_at=days_ago(2),
        ),
        "charlie": PublishedPracticeFactory(
            title="Charlie riverside",
            places=[
                PlaceFactory(country="FI", population=9_000),
                PlaceFactory(country="BE", population=2_000_000),
            ],
            themes=[rivers],
            type="project",
            willing_to_host=True,
            published_at=days_ago(1),
        ),
    }


def listed(shelf, **query) -> list[str]:
    """The keys of `shelf` the listing gives for this query, in its order."""
    keys = {practice.pk: key for key, practice in shelf.items()}
    return [keys[pk] for pk in library_listing(query=LibraryQuery(**query)).practice_ids]


def counts(**query) -> dict:
    """Each facet as {value: count}, in the order the page shows them; the hosts' count."""
    facets = library_listing(query=LibraryQuery(**query)).facets
    shown = {
        facet: {item["value"]: item["count"] for item in facets[facet]}
        for facet in ("themes", "countries", "sizes", "types")
    }
    return {**shown, "host": facets["host"]}


def test_without_a_query_every_published_practice_is_listed_newest_first(shelf):
    assert listed(shelf) == ["charlie", "alpha", "bravo"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "reuse"}, ["alpha", "bravo"]),
        ({"theme": "rivers"}, ["charlie", "alpha"]),
        ({"country": "FI"}, ["charlie", "bravo"]),
        ({"country": "BE"}, ["charlie", "alpha"]),
        ({"size": "small"}, ["charlie", "bravo"]),
        ({"size": "large"}, ["alpha"]),
        ({"size": "metropolis"}, ["charlie"]),
        ({"type": "policy"}, ["alpha"]),
        ({"type": "project"}, ["charlie", "bravo"]),
        ({"host": True}, ["charlie", "bravo"]),
    ],
)
def test_each_filter_keeps_only_the_practices_filed_under_it(shelf, query, expected):
    assert listed(shelf, **query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "rivers", "country": "BE", "host": True}, ["charlie"]),
        ({"theme": "reuse", "type": "project"}, ["bravo"]),
        ({"country": "FI", "size": "small", "type": "project", "host": True}, ["charlie", "bravo"]),
        ({"theme": "reuse", "size": "metropolis"}, []),
        ({"q": "barracks", "country": "BE"}, ["alpha"]),
        ({"q": "barracks", "country": "FI"}, []),
    ],
)
def test_filters_combine_so_a_practice_must_meet_them_all(shelf, query, expected):
    assert listed(shelf, **query) == expected


@pytest.mark.parametrize("query", [{"theme": "nobody"}, {"country": "ZZ"}, {"size": "huge"}])
def test_a_value_no_practice_has_lists_nothing(shelf, query):
    assert listed(shelf, **query) == []
    assert counts(**query) == {"themes": {}, "countries": {}, "sizes": {}, "types": {}, "host": 0}


def test_facets_count_every_match_with_the_most_frequent_first(shelf):
    assert counts() == {
        "themes": {"reuse": 2, "rivers": 2},
        "countries": {"BE": 2, "FI": 2},
        "sizes": {"small": 2, "large": 1, "metropolis": 1},
        "types": {"policy": 1, "project": 2},
        "host": 2,
    }
    assert list(counts(q="mills riverside barracks")["themes"]) == []


def test_facet_counts_cover_only_what_the_filters_leave(shelf):
    assert counts(country="FI") == {
        "themes": {"reuse": 1, "rivers": 1},
        "countries": {"FI": 2, "BE": 1},
        "sizes": {"small": 2, "metropolis": 1},
        "types": {"project": 2},
        "host": 2,
    }
    assert counts(theme="reuse", host=True)["countries"] == {"FI": 1}


def test_facets_are_ordered_by_count_then_value_and_sizes_from_small_to_large(shelf):
    PublishedPracticeFactory(
        places=[PlaceFactory(country="AT", population=100_000)],
        themes=[shelf["bravo"].themes.get()],
    )
    facets = library_listing(query=LibraryQuery()).facets
    assert [item["value"] for item in facets["themes"]] == ["reuse", "rivers"]
    assert [item["value"] for item in facets["countries"]] == ["BE", "FI", "AT"]
    assert [item["value"] for item in facets["sizes"]] == ["small", "medium", "large", "metropolis"]
    assert [item["value"] for item in facets["types"]] == ["policy", "project"]


def test_facet_values_carry_the_names_people_read(shelf):
    facets = library_listing(query=LibraryQuery()).facets
    assert {item["label"] for item in facets["themes"]} == {"Adaptive re-use", "Rivers"}
    assert {item["label"] for item in facets["countries"]} == {"Belgium", "Finland"}
    assert facets["sizes"][0]["label"] == "Small (under 50,000)"
    assert [item["label"] for item in facets["types"]] == ["Policy", "Project"]


def test_words_find_by_relevance_unless_another_order_is_asked_for(shelf):
    shelf["alpha"].summary = "Where the mills stood."
    shelf["alpha"].save()
    assert listed(shelf, q="mills") == ["bravo", "alpha"]  # in the title ranks first
    assert listed(shelf, q="mills", sort="relevance") == ["bravo", "alpha"]
    assert listed(shelf, q="mills", sort="newest") == ["alpha", "bravo"]
    assert listed(shelf, q="mills", sort="title") == ["alpha", "bravo"]


def test_the_title_order_ignores_case(shelf):
    assert listed(shelf, sort="title") == ["alpha", "bravo", "charlie"]


def test_an_unknown_order_falls_back_to_relevance_or_newest(shelf):
    assert listed(shelf, sort="upside-down") == ["charlie", "alpha", "bravo"]
    shelf["alpha"].summary = "Where the mills stood."
    shelf["alpha"].save()
    assert listed(shelf, q="mills", sort="upside-down") == ["bravo", "alpha"]


def test_relevance_without_words_is_newest_first(shelf):
    assert listed(shelf, sort="relevance") == ["charlie", "alpha", "bravo"]


def test_equally_relevant_practices_stay_newest_first():
    older, newer, newest = (
        PublishedPracticeFactory(title="Twin ferries", summary="Same.", published_at=days_ago(d))
        for d in (5, 4, 3)
    )
    ids = library_listing(query=LibraryQuery(q="ferries")).practice_ids
    assert ids == [newest.pk, newer.pk, older.pk]


def test_practices_published_at_the_same_moment_keep_a_stable_order():
    moment = days_ago(1)
    first, second = (PublishedPracticeFactory(published_at=moment) for _ in range(2))
    assert library_listing(query=LibraryQuery()).practice_ids == [first.pk, second.pk]


def test_practices_with_the_same_title_keep_a_stable_order():
    first, second = (
        PublishedPracticeFactory(title="Same", published_at=days_ago(d)) for d in (9, 1)
    )
    by_title = library_listing(query=LibraryQuery(sort="title")).practice_ids
    assert by_title == [first.pk, second.pk]


def test_an_empty_library_lists_nothing_and_counts_nothing():
    listing = library_listing(query=LibraryQuery(q="heritage", theme="reuse"))
    assert listing.practice_ids == []
    assert listing.facets == {"themes": [], "countries": [], "sizes": [], "types": [], "host": 0}


def test_practices_come_back_in_the_order_asked_with_unknown_ids_left_out(shelf):
    ids = [shelf["bravo"].pk, 999_999, shelf["charlie"].pk, shelf["alpha"].pk]
    practices = practices_in_order(ids)
    assert [practice.title for practice in practices] == [
        "Bravo mills",
        "Charlie riverside",
        "alpha barracks",
    ]


def test_practices_in_order_read_what_a_result_and_an_export_row_show_in_three_queries(
    shelf, django_assert_num_queries
):
    ids = [practice.pk for practice in shelf.values()]
    with django_assert_num_queries(3):
        practices = practices_in_order(ids, with_themes=True)
        themes = [[theme.slug for theme in practice.themes.all()] for practice in practices]
        places = [
            [(place.name, place.country.code) for place in practice.listed_places]
            for practice in practices
        ]
        shown = [
            (
                practice.get_absolute_url(),
                str(practice.title),
                practice.title.is_fallback,
                str(practice.tagline),
                str(practice.summary),
                practice.get_type_display(),
                practice.willing_to_host,
                practice.published_at,
            )
            for practice in practices
        ]
    assert themes == [["reuse"], ["reuse", "rivers"], ["rivers"]]
    assert [[country for _name, country in row] for row in places] == [["FI"], ["BE"], ["FI", "BE"]]
    assert all(name for row in places for name, _country in row)
    assert shown[0][:2] == (shelf["bravo"].get_absolute_url(), "Bravo mills")
    assert shown[0][5:7] == ("Project", True)
