"""Search on PostgreSQL: `library_practice_search`, one weighted tsvector per practice.

The table and its GIN index are created by the library migration 0001. User text only ever
travels as parameters; the SQL is composed from the constant fragments below.
"""

from collections.abc import Iterable

from django.db import connection

from citypeers.library.search.documents import PracticeDocument
from citypeers.library.search.query import ParsedQuery, fold, normalise, words

# Stemming by the practice's own language; 'simple' for languages PostgreSQL cannot stem.
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "es": "spanish",
    "nl": "dutch",
    "pt": "portuguese",
    "fi": "finnish",
    "sv": "swedish",
    "da": "danish",
    "hu": "hungarian",
    "ro": "romanian",
}

# Title (A), tagline and taxonomy (B), body (C), each indexed twice: stemmed by the language it
# is written in (the taxonomy by the practice's own), and as exact accent-folded words split by
# our own word rule (so 'info@city.eu' gives 'info', 'city', 'eu', as on SQLite). A practice's
# document joins these parts for each language it has; its statement is made for that number.
_PART = "setweight(to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s), '{weight}')"
_UPSERT = """
    INSERT INTO library_practice_search (practice_id, document) VALUES (%s, {parts})
    ON CONFLICT (practice_id) DO UPDATE SET document = EXCLUDED.document
"""


def _upsert(languages: int) -> str:
    parts = [_PART.format(weight="B")]  # the taxonomy
    parts += [_PART.format(weight=weight) for _language in range(languages) for weight in "ABC"]
    return _UPSERT.format(parts=" || ".join(parts))


_TERM = "(to_tsquery('simple', %s) || to_tsquery('english', %s))"
_PHRASE = "phraseto_tsquery('simple', %s)"
# Weights of D, C (body), B (tagline, taxonomy), A (title): one title match outranks a body
# that repeats the word several times. Normalisation 32 scales the rank into 0..1. ts_rank,
# not ts_rank_cd: the same order on our cases at half the cost (no positions to walk).
_RANKED_IDS = (
    "SELECT practice_id, ts_rank('{{0.02, 0.1, 0.4, 1.0}}'::float4[], document, q, 32) "
    "FROM library_practice_search, (SELECT {tsquery} AS q) AS query WHERE document @@ q"
)
_MATCHING_IDS = (
    "SELECT practice_id FROM library_practice_search, (SELECT {tsquery} AS q) AS query "
    "WHERE document @@ q"
)


def _tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
    """SQL and parameters of the tsquery: all terms (as prefixes) and phrases AND-ed.

    A stop word makes its 'english' half empty, which `||` ignores; the 'simple' half keeps
    every word, so no term can empty the whole query.
    """
    parts, params = [], []
    for term in query.terms:
        parts.append(_TERM)
        params += [_prefix(fold(term)), _prefix(term)]
    for phrase in query.phrases:
        parts.append(_PHRASE)
        params.append(fold(phrase))
    return "(" + " && ".join(parts) + ")", params


def _prefix(word: str) -> str:
    # Words are letters and digits only; the quoting is tsquery's rule all the same.
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def ranked_ids(query: ParsedQuery) -> dict[int, float]:
    tsquery, params = _tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(_RANKED_IDS.format(tsquery=tsquery), params)
        return dict(cursor.fetchall())


def matching_ids(query: ParsedQuery) -> list[int]:
    tsquery, params = _tsquery(query)
    with connection.cursor() as cursor:
        cursor.execute(_MATCHING_IDS.format(tsquery=tsquery), params)
        return [row[0] for row in cursor.fetchall()]


def _exact_words(text: str) -> str:
    return " ".join(fold(word) for word in words(normalise(text)))


def write(documents: Iterable[PracticeDocument]) -> None:
    by_shape: dict[int, list[list]] = {}
    for document in documents:
        config = TEXT_SEARCH_CONFIGS.get(document.language, "simple")
        row = [document.practice_id, config, document.taxonomy, _exact_words(document.taxonomy)]
        for text in document.texts:
            config = TEXT_SEARCH_CONFIGS.get(text.language, "simple")
            for part in (text.title, text.tagline, text.body):
                row += [config, part, _exact_words(part)]
        by_shape.setdefault(len(document.texts), []).append(row)
    with connection.cursor() as cursor:
        for languages, rows in by_shape.items():
            cursor.executemany(_upsert(languages), rows)


def delete(practice_ids: Iterable[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM library_practice_search WHERE practice_id = ANY(%s)", [list(practice_ids)]
        )


def delete_all() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM library_practice_search")


def optimise() -> None:
    # Fresh statistics after a rebuild, so the planner sizes searches from the new documents.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_practice_search")
