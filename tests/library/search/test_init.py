"""The search interface (`library.search`): the same behaviour on SQLite (FTS5) and PostgreSQL
(tsvector), so every test here runs on both databases."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from citypeers.catalogue.models import Practice
from citypeers.library.search import parse_query, ranked_practice_ids
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


def test_rank_is_a_float_higher_for_better_matches(library):
    ranks = sorted(ranked_practice_ids(parse_query("heritage")).values(), reverse=True)
    assert all(isinstance(rank, float) for rank in ranks)
    assert ranks[0] > ranks[1] > 0


def test_text_without_words_lists_every_published_practice(library):
    assert ranked_practice_ids(parse_query(' "" AND * ')) == {}
    listed = library_listing(query=LibraryQuery(q=' "" AND * ')).practice_ids
    published = Practice.objects.filter(status="published")
    assert sorted(listed) == sorted(published.values_list("pk", flat=True))


def test_the_ranks_of_every_match_are_one_query(library, django_assert_num_queries):
    with django_assert_num_queries(1):
        ranks = ranked_practice_ids(parse_query("heritage"))
    assert set(ranks) == {library["fortress"].pk, library["harbour"].pk}


@given(text=st.text() | st.sampled_from(NASTY_TEXTS))
@example(text="x" * 6000)
@example(text=" ".join(f'"{n} the"' for n in range(20)))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_any_text_searches_without_error(library, text):
    parsed = parse_query(text)
    ranks = ranked_practice_ids(parsed)
    listed = library_listing(query=LibraryQuery(q=text)).practice_ids
    if not parsed.is_empty:
        assert set(listed) <= set(ranks)
    assert len(listed) <= Practice.objects.count()
