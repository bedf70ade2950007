"""Search on PostgreSQL (`library.search.postgres`): what only its tsvector index promises."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeers.catalogue.models import Practice
from citypeers.library.search import parse_query, postgres
from tests.factories import PublishedPracticeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the PostgreSQL index serves PostgreSQL only"
    ),
]


def test_french_practices_are_stemmed_in_french(library, found):
    horses = PublishedPracticeFactory(title="Des chevaux en ville", language="fr")
    PublishedPracticeFactory(title="Chevaux, the English way", language="en")
    assert found("cheval") == [horses.title]


def test_a_practice_in_a_language_without_stemming_is_found_by_its_words(found):
    practice = PublishedPracticeFactory(title="Promy nocne", language="pl")
    assert found("promy") == [practice.title]
    assert found("nocn") == [practice.title]


def test_english_search_words_are_stemmed_against_english_practices(found):
    practice = PublishedPracticeFactory(title="Running ferries", language="en")
    assert found("runs") == [practice.title]


def test_every_word_and_phrase_is_a_parameter_never_sql(found):
    practice = PublishedPracticeFactory(title="Port of call")
    assert found("port') || to_tsquery('call") == []
    assert found('"port of" call') == [practice.title]


def test_equally_relevant_practices_come_newest_first(found):
    for title in ("First", "Second", "Third"):
        PublishedPracticeFactory(title=title, summary="A lighthouse on the coast.")
    assert found("lighthouse") == ["Third", "Second", "First"]


def test_a_document_written_by_the_previous_release_still_ranks_by_its_title(found):
    # The release before migration 0007 wrote the document alone; a trigger fills the rest.
    in_body = PublishedPracticeFactory(title="Keepers", summary="A lighthouse keeper's day.")
    written_before = PublishedPracticeFactory(title="Keepers of the coast")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO library_practice_search (practice_id, document) "
            "VALUES (%s, setweight(to_tsvector('simple', 'Lighthouse of the coast'), 'A')) "
            "ON CONFLICT (practice_id) DO UPDATE SET document = EXCLUDED.document",
            [written_before.pk],
        )
    assert found("lighthouse") == [written_before.title, in_body.title]


def _plan(statement: tuple[str, list]) -> str:
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("; SELECT", "; EXPLAIN SELECT", 1), params)
        while cursor.description is None:  # past the SETs
            cursor.nextset()
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_word_in_every_practice_is_matched_through_the_indexes_not_the_rows():
    for number in range(30):
        PublishedPracticeFactory(title=f"Heritage {number}", summary="Heritage everywhere.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_practice_search")
    items = dict(enumerate(postgres._items(parse_query("heritage"))))
    plan = _plan(postgres._matches_statement(items, None))
    plan += _plan(postgres._places_statement(items, None))
    # The planner's own choice for so broad a word would read every row in turn.
    for index in ("document", "title_words", "summary_words"):
        assert f"Bitmap Index Scan on library_practice_search_{index}" in plan, plan
    assert "Seq Scan" not in plan, plan
    # A few matches: each row found by its key, not the word's whole index.
    few = list(Practice.objects.values_list("pk", flat=True)[:3])
    by_row = _plan(postgres._places_statement(items, few))
    assert "Index Scan using library_practice_search_pkey" in by_row, by_row
    assert "Seq Scan" not in by_row and "Bitmap Index Scan" not in by_row, by_row


# The ranking as one SQL expression, which the search worked out before migration 0008: the
# scores summed in numpy from the three indexes' answers must be the same.
_SCORED_IN_SQL = """
    SELECT practice_id, {score} FROM library_practice_search, (SELECT {items}) AS query
    WHERE document @@ ({every})
"""
_PLACE_SCORE = (
    "CASE WHEN title_words @@ q{n} THEN 1.0 WHEN summary_words @@ q{n} THEN 0.4 ELSE 0.1 END"
)


def _scored_in_sql(text: str) -> dict[int, float]:
    items = postgres._items(parse_query(text))
    sql = _SCORED_IN_SQL.format(
        items=", ".join(f"{item} AS q{n}" for n, (item, _params) in enumerate(items)),
        every=" && ".join(f"q{n}" for n in range(len(items))),
        score=" + ".join(_PLACE_SCORE.format(n=n) for n in range(len(items))),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [param for _item, params in items for param in params])
        return {practice_id: float(score) for practice_id, score in cursor.fetchall()}


TEXTS = [
    "lighthouse",
    "light",
    "lighthouse keeper",
    "coast lighthouse keeper",
    '"lighthouse keeper"',
    'keeper "the coast"',
    "nowhere",
]


@pytest.fixture
def places():
    texts = [
        ("Lighthouse keeper", "A day on the coast.", "Nothing more."),
        ("Coast", "The lighthouse keeper.", "Lighthouse, lighthouse."),
        ("Keepers", "Of the coast.", "A keeper of the lighthouse."),
        ("Light", "Lighthouse", "The keeper of the coast lighthouse."),
        ("Unrelated", "Nothing here.", "Nothing at all."),
    ]
    return [
        PublishedPracticeFactory(title=title, tagline=tagline, summary=body).pk
        for title, tagline, body in texts
    ]


def _scores(groups) -> dict[int, float]:
    ids = [practice_id for _score, group in groups for practice_id in group.tolist()]
    assert len(ids) == len(set(ids)), "a practice in two groups"
    return {practice_id: score for score, group in groups for practice_id in group.tolist()}


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("most_rows", [0, 10**6], ids=["by the indexes", "row by row"])
def test_every_match_scores_as_the_one_sql_ranking_did(places, monkeypatch, text, most_rows):
    monkeypatch.setattr(postgres, "MAX_ROWS_RANKED", most_rows)
    with CaptureQueriesContext(connection) as queries:
        scored = _scores(postgres.scored_groups(parse_query(text)))
    assert scored == _scored_in_sql(text)
    if scored:  # the way asked for was the way taken
        assert ("unnest(" in queries[-1]["sql"]) == bool(most_rows)


@pytest.mark.parametrize("text", TEXTS)
def test_a_few_practices_ranked_anew_score_as_in_the_whole_library(places, text):
    among = set(places[1:4])
    whole = _scored_in_sql(text)
    expected = {practice_id: score for practice_id, score in whole.items() if practice_id in among}
    assert _scores(postgres.scored_groups(parse_query(text), among=among)) == expected
