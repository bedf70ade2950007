"""Search behaves the same on SQLite (FTS5) and PostgreSQL (tsvector): the suite runs on both."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from citypeers.catalogue.models import Practice
from citypeers.library.indexing import rebuild_index
from citypeers.library.search import highlight, parse_query, ranked_practice_ids
from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
)
from tests.library.test_query_parser import NASTY_TEXTS

pytestmark = pytest.mark.django_db
on_postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming by the practice's language"
)


@pytest.fixture
def library(db):
    sibenik = PlaceFactory(name="Šibenik", country="HR")
    return {
        "fortress": PublishedPracticeFactory(
            title="Heritage trail of Šibenik",
            summary="Walks through the old town.",
            places=[sibenik],
        ),
        "harbour": PublishedPracticeFactory(
            title="A new life for the harbour",
            summary="The port shows its **heritage** to visitors, by boat and on foot.",
        ),
        "musee": PublishedPracticeFactory(
            title="Les enfants au musée",
            summary="Des ateliers pour les écoles.",
            language="fr",
        ),
        "barracks": PublishedPracticeFactory(
            title="Barracks for start-ups",
            summary="The adaptive reuse of a barracks. See [the study](https://example.org/zeppelin).",
        ),
        "draft": PracticeFactory(title="Heritage draft", summary="Heritage, heritage, heritage."),
    }


def found(text: str) -> list[str]:
    """Titles of the practices `text` finds, most relevant first, as the library lists them."""
    ids = library_listing(query=LibraryQuery(q=text)).practice_ids
    titles = dict(Practice.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [titles[pk] for pk in ids]


def indexed_ids() -> set[int]:
    sql = {
        "sqlite": "SELECT rowid FROM library_practice_fts",
        "postgresql": "SELECT practice_id FROM library_practice_search",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {row[0] for row in cursor.fetchall()}


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(library):
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]


def test_the_start_of_a_word_finds_the_whole_word(library):
    assert found("herit") == ["Heritage trail of Šibenik", "A new life for the harbour"]


def test_accents_and_case_do_not_matter(library):
    assert found("sibenik") == ["Heritage trail of Šibenik"]
    assert found("MUSEE") == ["Les enfants au musée"]
    assert found("écoles") == found("ecoles") == ["Les enfants au musée"]
    PublishedPracticeFactory(title="Ferries of İSTANBUL")
    assert found("İstanbul") == found("istanbul") == ["Ferries of İSTANBUL"]


def test_english_words_are_found_by_their_stem(library):
    assert found("walking") == ["Heritage trail of Šibenik"]


def test_a_quoted_phrase_needs_its_words_together_and_in_order(library):
    assert found('"adaptive reuse"') == ["Barracks for start-ups"]
    assert found('"reuse adaptive"') == []


def test_every_word_must_match(library):
    assert found("heritage walks") == ["Heritage trail of Šibenik"]
    assert found("heritage zeppelin") == []


def test_a_stop_word_neither_fails_nor_empties_the_search(library):
    assert set(found("the heritage")) == set(found("heritage"))


def test_link_targets_are_not_searched(library):
    assert found("zeppelin") == []
    assert found("study") == ["Barracks for start-ups"]


def test_a_practice_not_published_is_never_found(library):
    assert "Heritage draft" not in found("heritage")
    fortress = library["fortress"]
    fortress.status = Practice.Status.CHANGES_REQUESTED
    fortress.save()
    assert found("heritage") == ["A new life for the harbour"]
    assert fortress.pk not in indexed_ids()


def test_editing_the_title_reindexes_the_practice(library):
    fortress = library["fortress"]
    fortress.title = "Coastal fortress trail"
    fortress.save()
    assert found("coastal") == ["Coastal fortress trail"]
    assert found("heritage") == ["A new life for the harbour"]


def test_places_countries_themes_and_organisations_are_findable(library):
    harbour = library["harbour"]
    harbour.places.add(PlaceFactory(name="Rotterdam", country="NL"))
    harbour.themes.add(ThemeFactory(name="Blue economy"))
    harbour.organisations.add(OrganisationFactory(name="Port Authority"))
    assert found("rotterdam netherlands") == ["A new life for the harbour"]
    assert found("blue economy authority") == ["A new life for the harbour"]
    assert found("croatia") == ["Heritage trail of Šibenik"]


def test_links_changed_from_the_other_side_reindex_too(library):
    rijeka = PlaceFactory(name="Rijeka", country="HR")
    rijeka.practices.add(library["barracks"])
    assert found("rijeka") == ["Barracks for start-ups"]
    rijeka.practices.clear()
    assert found("rijeka") == []


def test_renamed_and_deleted_places_and_themes_are_reindexed(library):
    theme = ThemeFactory(name="Mobility")
    library["barracks"].themes.add(theme)
    theme.name = "Active travel"
    theme.save()
    assert found("mobility") == []
    assert found("travel") == ["Barracks for start-ups"]
    theme.delete()
    assert found("travel") == []


def test_deleting_a_practice_removes_it_from_the_index(library):
    fortress_id = library["fortress"].pk
    library["fortress"].delete()
    assert fortress_id not in indexed_ids()
    assert found("heritage") == ["A new life for the harbour"]


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


def test_rebuilding_the_index_restores_every_published_practice(library):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM library_practice_fts"
            if connection.vendor == "sqlite"
            else "DELETE FROM library_practice_search"
        )
    assert found("heritage") == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 4 published practices." in out.getvalue()
    assert indexed_ids() == {
        library[key].pk for key in ["fortress", "harbour", "musee", "barracks"]
    }
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
    assert rebuild_index() == 4


@on_postgresql_only
def test_french_practices_are_stemmed_in_french(library):
    horses = PublishedPracticeFactory(title="Des chevaux en ville", language="fr")
    PublishedPracticeFactory(title="Chevaux, the English way", language="en")
    assert found("cheval") == [horses.title]


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


def test_highlight_marks_words_as_the_search_matches_them():
    excerpt = highlight("Walks in **Šibenik**, a heritage town", parse_query("SIBENIK herit"))
    assert excerpt == "Walks in <mark>Šibenik</mark>, a <mark>heritage</mark> town"
    excerpt = highlight("Ferries of İSTANBUL", parse_query("istanbul"))
    assert excerpt == "Ferries of <mark>İSTANBUL</mark>"


def test_highlight_marks_each_word_of_a_phrase():
    excerpt = highlight("The old town and the old harbour town", parse_query('"old town"'))
    assert excerpt == "The <mark>old</mark> <mark>town</mark> and the old harbour town"


def test_highlight_escapes_everything_from_the_text():
    excerpt = highlight('<script>alert("heritage")</script> & heritage', parse_query("heritage"))
    assert "<script" not in excerpt
    assert excerpt == (
        "&lt;script&gt;alert(&quot;<mark>heritage</mark>&quot;)&lt;/script&gt; "
        "&amp; <mark>heritage</mark>"
    )


def test_highlight_leaves_out_markdown_and_link_targets():
    excerpt = highlight(
        "## Results\n\nRead [the report](https://x.org/heritage).", parse_query("x")
    )
    assert excerpt == "Results Read the report."


def test_highlight_cuts_long_text_around_the_first_match():
    text = "before " * 100 + "the heritage quarter " + "after " * 100
    excerpt = highlight(text, parse_query("heritage"), max_chars=80)
    assert excerpt.startswith("…before ") and excerpt.endswith(" after…")
    assert "<mark>heritage</mark>" in excerpt
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "")) <= 80 + 2
    assert highlight(text, parse_query("zeppelin"), max_chars=20) == "before before before…"
