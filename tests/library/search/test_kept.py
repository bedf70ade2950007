"""Kept search results (`library.search.kept`): a search made again is not worked out again,
and a kept result shows every write at once, on both databases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeers.catalogue.models import Practice
from citypeers.library import card_index
from citypeers.library.card_index import current_index
from citypeers.library.indexing import index_practice
from citypeers.library.search import kept, parse_query, ranked_practice_ids
from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db
SEARCH_TABLE = {"sqlite": "library_practice_fts", "postgresql": "library_practice_search"}


def searches_made(text: str) -> list[str]:
    """The full-text queries a library search for `text` sends, from a process of its own
    (one whose card index is new), so only the shared cache can spare them."""
    card_index._current = None
    with CaptureQueriesContext(connection) as queries:
        library_listing(query=LibraryQuery(q=text))
    return [query["sql"] for query in queries if SEARCH_TABLE[connection.vendor] in query["sql"]]


def test_a_search_made_again_in_another_process_asks_the_index_nothing(library):
    assert searches_made("heritage")
    assert searches_made("heritage") == []
    assert searches_made("heritage walks")  # other words, another result


def test_a_search_made_again_in_the_same_process_asks_the_index_nothing(
    library, django_assert_max_num_queries
):
    library_listing(query=LibraryQuery(q="heritage"))
    with CaptureQueriesContext(connection) as queries:
        library_listing(query=LibraryQuery(q="heritage", sort="title"))
    assert not [q for q in queries if SEARCH_TABLE[connection.vendor] in q["sql"]]


def test_a_practice_published_after_a_search_is_found_at_once(library, found):
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
    PublishedPracticeFactory(title="Heritage of the mills")
    assert found("heritage") == [
        "Heritage of the mills",
        "Heritage trail of Šibenik",
        "A new life for the harbour",
    ]


def test_a_practice_changed_or_unpublished_after_a_search_is_shown_so_at_once(library, found):
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
    harbour = library["harbour"]
    harbour.title = {"en": "Heritage harbour"}
    harbour.save()
    index_practice(harbour)
    assert sorted(found("heritage")) == ["Heritage harbour", "Heritage trail of Šibenik"]
    fortress = library["fortress"]
    fortress.status = Practice.Status.DRAFT
    fortress.save()
    index_practice(fortress)
    assert found("heritage") == ["Heritage harbour"]


def test_a_kept_result_brought_up_to_date_equals_one_made_afresh(library):
    words = parse_query("heritage")

    def kept() -> list[set[int]]:
        index = current_index()
        return [
            set(group) for group in ranked_practice_ids(words, state=(index.change, index.token))
        ]

    kept()
    for number in range(3):
        PublishedPracticeFactory(title=f"Practice {number}", summary="Heritage in the body.")
    PublishedPracticeFactory(title="Heritage in the title")
    assert kept() == [set(group) for group in ranked_practice_ids(words)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite ranks against the library")
def test_after_a_write_only_the_practices_written_are_searched_again(library):
    searches_made("heritage")
    PublishedPracticeFactory(title="Heritage of the mills")
    searches = searches_made("heritage")
    # The matches among the practices written, then where the words are in those rows.
    assert searches
    assert all("practice_id = ANY" in sql or "unnest(" in sql for sql in searches), searches


def test_searches_kept_in_the_same_place_never_answer_for_each_other(library, found, monkeypatch):
    monkeypatch.setattr(kept, "PLACES", 1)  # every search in one place
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
    assert found("barracks") == ["Barracks for start-ups"]
    card_index._current = None  # another process: only the shared cache could answer
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
