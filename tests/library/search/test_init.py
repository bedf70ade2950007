"""The search interface (`library.search`): the same behaviour on SQLite (FTS5) and PostgreSQL
(tsvector), so every test here runs on both databases."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from citypeers.catalogue.models import Practice
from citypeers.library.indexing import index_practice
from citypeers.library.search import (
    backend_for,
    matching_practice_ids,
    parse_query,
    ranked_practice_ids,
)
from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import PublishedPracticeFactory
from tests.library.search.test_query import NASTY_TEXTS

pytestmark = pytest.mark.django_db


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(library, found):
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]


def test_the_start_of_a_word_finds_the_whole_word(library, found):
    assert found("herit") == ["Heritage trail of Šibenik", "A new life for the harbour"]


def test_accents_and_case_do_not_matter(library, found):
    assert found("sibenik") == ["Heritage trail of Šibenik"]
    assert found("MUSEE") == ["Les enfants au musée"]
    assert found("écoles") == found("ecoles") == ["Les enfants au musée"]
    PublishedPracticeFactory(title="Ferries of İSTANBUL")
    assert found("İstanbul") == found("istanbul") == ["Ferries of İSTANBUL"]


def test_english_words_are_found_by_their_stem(library, found):
    assert found("walking") == ["Heritage trail of Šibenik"]


def test_a_quoted_phrase_needs_its_words_together_and_in_order(library, found):
    assert found('"adaptive reuse"') == ["Barracks for start-ups"]
    assert found('"reuse adaptive"') == []


def test_every_word_must_match(library, found):
    assert found("heritage walks") == ["Heritage trail of Šibenik"]
    assert found("heritage zeppelin") == []


def test_a_stop_word_neither_fails_nor_empties_the_search(library, found):
    assert set(found("the heritage")) == set(found("heritage"))


def every(groups: list[list[int]]) -> list[int]:
    return [practice_id for group in groups for practice_id in group]


def test_better_matches_come_in_an_earlier_group(library):
    groups = ranked_practice_ids(parse_query("heritage"))
    assert groups == [[library["fortress"].pk], [library["harbour"].pk]]


def test_text_without_words_lists_every_published_practice(library):
    assert ranked_practice_ids(parse_query(' "" AND * ')) == []
    listed = library_listing(query=LibraryQuery(q=' "" AND * ')).practice_ids
    published = Practice.objects.filter(status="published")
    assert sorted(listed) == sorted(published.values_list("pk", flat=True))


def test_the_ranks_of_every_match_cost_one_or_two_queries(library, django_assert_num_queries):
    # PostgreSQL finds the matches, then where the words are in them; SQLite ranks in one go.
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1):
        groups = ranked_practice_ids(parse_query("heritage"))
    assert set(every(groups)) == {library["fortress"].pk, library["harbour"].pk}


@given(text=st.text() | st.sampled_from(NASTY_TEXTS))
@example(text="x" * 6000)
@example(text=" ".join(f'"{n} the"' for n in range(20)))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_any_text_searches_without_error(library, text):
    parsed = parse_query(text)
    ranked = every(ranked_practice_ids(parsed))
    listed = library_listing(query=LibraryQuery(q=text)).practice_ids
    assert len(ranked) == len(set(ranked))  # each match in one group
    if not parsed.is_empty:
        assert set(listed) <= set(ranked)
    assert len(listed) <= Practice.objects.count()


def test_an_unknown_database_is_named_in_the_error():
    with pytest.raises(NotImplementedError, match="No practice search for oracle databases"):
        backend_for("oracle")


@pytest.mark.parametrize("text", ["heritage", "herit walks", '"adaptive reuse"', "musée", "zzz"])
def test_matches_without_ranks_are_the_same_practices(library, text):
    parsed = parse_query(text)
    assert sorted(matching_practice_ids(parsed)) == sorted(every(ranked_practice_ids(parsed)))


def test_text_without_words_matches_nothing_and_asks_nothing(library, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert matching_practice_ids(parse_query(" AND * ")) == []
        assert ranked_practice_ids(parse_query('""')) == []


def test_an_accent_typed_finds_the_word_written_without_it(library, found):
    PublishedPracticeFactory(title="Cafe culture in Sibenik")
    assert found("café") == ["Cafe culture in Sibenik"]
    assert sorted(found("Šibenik")) == ["Cafe culture in Sibenik", "Heritage trail of Šibenik"]


def test_an_address_is_found_by_its_parts(library, found):
    PublishedPracticeFactory(title="Write to info@port-city.eu")
    assert found("port city") == ["Write to info@port-city.eu"]
    assert found("info@port-city.eu") == ["Write to info@port-city.eu"]


def test_a_stop_word_alone_still_finds_the_practices_holding_it(library, found):
    assert set(found("the")) == {
        "Heritage trail of Šibenik",
        "A new life for the harbour",
        "Barracks for start-ups",
    }


def test_numbers_are_words_too(library, found):
    PublishedPracticeFactory(title="Agenda 2030 for the port", summary="17 goals.")
    assert found("2030") == ["Agenda 2030 for the port"]
    assert found('"17 goals"') == ["Agenda 2030 for the port"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"heritage', ["Heritage trail of Šibenik", "A new life for the harbour"]),
        ("heritage AND", ["Heritage trail of Šibenik", "A new life for the harbour"]),
        ("NOT walks heritage", ["Heritage trail of Šibenik"]),
        ("walks OR zeppelin", []),
        ("NEAR(walks town)", ["Heritage trail of Šibenik"]),
        ("walk*", ["Heritage trail of Šibenik"]),
        ("title:heritage", []),
        ("heritage\x00walks", ["Heritage trail of Šibenik"]),
        ("😀 heritage 🏛️", ["Heritage trail of Šibenik", "A new life for the harbour"]),
        ("'; DROP TABLE catalogue_practice; --", []),
        ("heritage " + "x" * 10_000, []),
        ("heritage " + '"' * 10_000, ["Heritage trail of Šibenik", "A new life for the harbour"]),
    ],
)
def test_hostile_text_is_searched_as_plain_words(library, found, text, expected):
    assert found(text) == expected
    assert Practice.objects.count() == 5


def test_a_phrase_of_only_stop_words_is_searched_as_typed(library, found):
    assert found('"of the"') == []
    assert found('"for the"') == ["A new life for the harbour"]


def test_indexing_a_practice_twice_leaves_one_row(found, indexed_ids):
    practice = PublishedPracticeFactory(title="Ferries")
    practice.title = "Night ferries"
    practice.save()  # indexed by the signal, and once more
    index_practice(practice)
    assert indexed_ids() == {practice.pk}
    assert found("night") == ["Night ferries"]
    assert found("ferries") == ["Night ferries"]


def test_deleting_several_practices_removes_each_row_and_none_removes_nothing(indexed_ids):
    kept, *gone = PublishedPracticeFactory.create_batch(3)
    backend = backend_for(connection.vendor)
    backend.delete([practice.pk for practice in gone])
    assert indexed_ids() == {kept.pk}
    backend.delete([])
    assert indexed_ids() == {kept.pk}


def test_a_word_ranks_by_where_it_is_the_title_then_the_tagline_then_the_body(found):
    # Made oldest first, so newest first would list them the other way round.
    PublishedPracticeFactory(title="The lighthouse")
    PublishedPracticeFactory(title="Light at sea", tagline="A lighthouse for everyone.")
    PublishedPracticeFactory(title="Keepers", summary="They kept the lighthouse lit.")
    assert found("lighthouse") == ["The lighthouse", "Light at sea", "Keepers"]


def test_each_word_typed_counts_where_it_is(found):
    PublishedPracticeFactory(title="A day at sea", summary="The lighthouse keeper's day.")
    PublishedPracticeFactory(title="Lighthouse on the cape", summary="Its last keeper.")
    assert found("lighthouse keeper") == ["Lighthouse on the cape", "A day at sea"]
