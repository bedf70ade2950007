"""The in-memory card index: the same counts and orders as reading the cards one by one."""

import json

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeers.library.card_index import (
    FACETS,
    OrderedMatches,
    build_index,
    cards_changed,
    current_index,
)
from citypeers.library.models import CardChange, LibraryState, PracticeCard
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


card = st.tuples(
    st.text(alphabet="abAB ", max_size=4),  # titles that differ only by case
    st.sampled_from(VALUES["types"]),
    st.booleans(),
    st.lists(st.sampled_from(VALUES["themes"]), max_size=3),
    st.lists(st.sampled_from(VALUES["countries"]), max_size=2),
    st.lists(st.sampled_from(VALUES["sizes"]), max_size=2),
    st.sampled_from(["2026-03-01 10:00:00", "2026-03-01 10:00:00.5", "2026-02-01 09:00:00"]),
)
cards = st.lists(card, max_size=40)
# Lists of cards are slow to draw on a busy machine (the CI's two cores are shared), which
# says nothing about the code under test.
busy_machine = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_row(practice_id, generated):
    text, type_, host, themes, places, sizes, published = generated
    title = json.dumps({"en": text})
    return (practice_id, title, type_, host, bars(themes), bars(places), bars(sizes), published)


def newest_first(rows):
    """As the database reads them: later publications first, then by id."""
    rows = sorted(rows, key=lambda row: row[0])
    return sorted(rows, key=lambda row: row[7], reverse=True)


def as_rows(generated):
    return newest_first(as_row(100 + n, card) for n, card in enumerate(generated))


@busy_machine
@given(cards, st.sampled_from(VALUES["themes"]), st.sampled_from(VALUES["countries"]))
def test_filters_and_counts_match_a_row_by_row_reading(generated, theme, country):
    rows = as_rows(generated)
    index = build_index("token", rows)
    matches = index.value("themes", theme) & index.value("countries", country)
    expected = [row for row in rows if f"|{theme}|" in row[4] and f"|{country}|" in row[5]]
    assert [row[0] for row in rows] == index.ids
    assert index.ids_in_order(matches) == [row[0] for row in expected]
    for facet, column in (("themes", 4), ("countries", 5), ("sizes", 6)):
        for value in VALUES[facet]:
            count = sum(f"|{value}|" in row[column] for row in expected)
            assert index.counts(matches)[facet].get(value, 0) == count
    assert (index.host & matches).bit_count() == sum(row[3] for row in expected)


@busy_machine
@given(cards)
def test_title_order_ignores_case_and_keeps_every_match(generated):
    rows = as_rows(generated)
    index = build_index("token", rows)
    by_title = sorted(rows, key=lambda row: (json.loads(row[1])["en"].casefold(), row[0]))
    assert index.ids_in_order(index.everything, by_title=True) == [row[0] for row in by_title]


def test_ids_without_a_card_are_left_out():
    index = build_index("token", as_rows([("a", "policy", False, [], [], [], "2026")]))
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


@busy_machine
@given(cards, st.sets(st.integers(min_value=90, max_value=150)))
def test_any_set_of_ids_lists_the_carded_ones_newest_first(generated, practice_ids):
    index = build_index("token", as_rows(generated))
    expected = [row_id for row_id in index.ids if row_id in practice_ids]
    assert index.ids_in_order(index.bitmap_of(practice_ids)) == expected
    assert index.bitmap_of(practice_ids).bit_count() == len(expected)


def test_an_empty_library_has_no_matches_and_no_counts():
    index = build_index("token", [])
    assert index.everything == 0
    assert index.ids_in_order(index.everything) == []
    assert index.ids_in_order(index.everything, by_title=True) == []
    assert index.counts(index.everything) == {facet: {} for facet in FACETS}


def test_a_value_nobody_has_matches_nothing():
    index = build_index("token", as_rows([("a", "policy", True, ["reuse"], ["FI"], [], "2026")]))
    assert index.value("themes", "rivers") == 0
    assert index.counts(index.value("themes", "rivers")) == {facet: {} for facet in FACETS}


def same_index(index, other):
    return (index.ids, index.published, index.titles, index.bitmaps, index.host) == (
        other.ids,
        other.published,
        other.titles,
        other.bitmaps,
        other.host,
    )


@busy_machine
@given(
    cards,
    st.dictionaries(st.integers(min_value=95, max_value=150), st.none() | card, max_size=12),
    st.booleans(),
)
def test_an_update_in_place_gives_the_index_a_rebuild_gives(generated, changes, sorted_before):
    """Changed cards (None: deleted), practices new and old, in any order of publication."""
    before = {row[0]: row for row in as_rows(generated)}
    after = dict(before)
    for practice_id, changed in changes.items():
        if changed is None:
            after.pop(practice_id, None)
        else:
            after[practice_id] = as_row(practice_id, changed)
    old = build_index("old", newest_first(before.values()))
    if sorted_before:  # a title order made before the change is kept up to date
        old.title_order("en")
    written = newest_first(row for practice_id, row in after.items() if practice_id in changes)
    updated = old.updated(token="new", change=2, practice_ids=changes, cards=written)
    rebuilt = build_index("new", newest_first(after.values()))
    assert same_index(updated, rebuilt)
    assert updated.positions == rebuilt.positions
    assert updated.title_order("en") == rebuilt.title_order("en")
    assert updated.ids_in_order(updated.everything) == rebuilt.ids


@busy_machine
@given(cards, st.integers(min_value=0, max_value=45), st.sampled_from(VALUES["themes"]))
def test_a_page_of_the_matches_is_the_same_slice_of_all_of_them(generated, start, theme):
    index = build_index("token", as_rows(generated))
    for matches in (index.everything, index.value("themes", theme)):
        for by_title in (False, True):
            everyone = index.ids_in_order(matches, by_title=by_title, language="en")
            ordered = OrderedMatches(index, matches, by_title=by_title, language="en")
            assert len(ordered) == len(everyone)
            assert ordered[start : start + 5] == everyone[start : start + 5]
            assert list(ordered) == everyone


@pytest.mark.django_db
def test_a_write_updates_the_index_in_place_with_the_cards_it_changed(
    django_assert_num_queries,
):
    kept = PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
    changed = PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
    before = current_index()
    PracticeCard.objects.filter(practice=changed).update(countries="|SE|")
    cards_changed([changed.pk])
    # The token, the log since this index's change, the one changed card.
    with django_assert_num_queries(3):
        index = current_index()
    assert index.change > before.change
    assert index.ids_in_order(index.value("countries", "SE")) == [changed.pk]
    assert index.ids_in_order(index.value("countries", "FI")) == [kept.pk]


@pytest.mark.django_db
def test_a_process_behind_the_kept_log_rebuilds():
    practice = PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
    current_index()
    PracticeCard.objects.filter(practice=practice).update(countries="|SE|")
    cards_changed([practice.pk])
    CardChange.objects.exclude(pk=CardChange.objects.order_by("-pk")[0].pk).delete()
    index = current_index()
    assert index.ids_in_order(index.value("countries", "SE")) == [practice.pk]


@pytest.mark.django_db
def test_an_unchanged_library_is_checked_with_one_query_and_not_rebuilt(
    django_assert_num_queries,
):
    PublishedPracticeFactory()
    first = current_index()
    with django_assert_num_queries(1):
        assert current_index() is first


@pytest.mark.django_db
def test_another_processs_write_makes_this_one_rebuild():
    practice = PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
    assert current_index().ids == [practice.pk]
    # Another process writes cards and a new token; no signal runs in this one.
    PracticeCard.objects.filter(practice=practice).update(countries="|SE|")
    LibraryState.objects.update(cards_token="written-by-another-process")
    index = current_index()
    assert index.token == "written-by-another-process"
    assert index.ids_in_order(index.value("countries", "SE")) == [practice.pk]
    assert index.value("countries", "FI") == 0


@pytest.mark.django_db
def test_a_rolled_back_write_never_passes_for_a_later_state():
    kept = PublishedPracticeFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        PublishedPracticeFactory(places=[PlaceFactory(country="FI")])
        assert current_index().value("countries", "FI")
        raise RuntimeError("the publishing fails")
    later = PublishedPracticeFactory(places=[PlaceFactory(country="BE")])
    # One write since the rollback, as one write inside it: a counter would now match the
    # index built inside and list the rolled-back practice instead of the later one.
    index = current_index()
    assert index.value("countries", "FI") == 0
    assert index.ids_in_order(index.value("countries", "BE")) == [later.pk]
    assert index.ids == [later.pk, kept.pk]


@pytest.mark.django_db
def test_an_index_built_before_any_card_is_empty_and_then_follows_the_first():
    LibraryState.objects.all().delete()
    assert current_index().ids == []
    practice = PublishedPracticeFactory()
    assert current_index().ids == [practice.pk]
