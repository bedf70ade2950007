"""The in-memory card index: the same counts and orders as reading the cards one by one."""

import pytest
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from citypeers.library.card_index import build_index
from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import PlaceFactory, PublishedPracticeFactory

VALUES = {
    "themes": ["reuse", "mills", "rivers"],
    "countries": ["FI", "BE", "HR"],
    "sizes": ["small", "large"],
    "types": ["policy", "project"],
}


def bars(values):
    return "|" + "|".join(sorted(set(values))) + "|" if values else ""


cards = st.lists(
    st.tuples(
        st.text(alphabet="abAB ", max_size=4),  # titles that differ only by case
        st.sampled_from(VALUES["types"]),
        st.booleans(),
        st.lists(st.sampled_from(VALUES["themes"]), max_size=3),
        st.lists(st.sampled_from(VALUES["countries"]), max_size=2),
        st.lists(st.sampled_from(VALUES["sizes"]), max_size=2),
    ),
    max_size=40,
)


def as_rows(generated):
    return [
        (100 + n, title, type_, host, bars(themes), bars(countries), bars(sizes))
        for n, (title, type_, host, themes, countries, sizes) in enumerate(generated)
    ]


@given(cards, st.sampled_from(VALUES["themes"]), st.sampled_from(VALUES["countries"]))
def test_filters_and_counts_match_a_row_by_row_reading(generated, theme, country):
    rows = as_rows(generated)
    index = build_index("token", rows)
    matches = index.value("themes", theme) & index.value("countries", country)
    expected = [row for row in rows if f"|{theme}|" in row[4] and f"|{country}|" in row[5]]
    assert index.ids_in_order(matches) == [row[0] for row in expected]
    for facet, column in (("themes", 4), ("countries", 5), ("sizes", 6)):
        for value in VALUES[facet]:
            count = sum(f"|{value}|" in row[column] for row in expected)
            assert index.counts(matches)[facet].get(value, 0) == count
    assert (index.host & matches).bit_count() == sum(row[3] for row in expected)


@given(cards)
def test_title_order_ignores_case_and_keeps_every_match(generated):
    rows = as_rows(generated)
    index = build_index("token", rows)
    by_title = sorted(rows, key=lambda row: (row[1].casefold(), row[0]))
    assert index.ids_in_order(index.everything, by_title=True) == [row[0] for row in by_title]


def test_ids_without_a_card_are_left_out():
    index = build_index("token", as_rows([("a", "policy", False, [], [], [])]))
    assert index.ids_in_order(index.bitmap_of([100, 999])) == [100]


@pytest.mark.django_db(transaction=True)
def test_the_listing_follows_publications_deletions_and_rollbacks():
    def listed():
        return library_listing(query=LibraryQuery(country="FI")).practice_ids

    kept = PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
    assert listed() == [kept.pk]
    with pytest.raises(RuntimeError), transaction.atomic():
        PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
        assert len(listed()) == 2  # seen inside the transaction that publishes it
        raise RuntimeError("the save fails after indexing")
    assert listed() == [kept.pk]
    kept.delete()
    assert listed() == []
