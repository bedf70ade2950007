"""Search on PostgreSQL: `library_practice_search`, one weighted tsvector per practice.

The table and its GIN index are created by the library migration 0001; migration 0007 adds
`title_words` and `summary_words`, which a trigger derives from the document, and moves the
documents out of the row, so that matching reads only the index and ranking only those two
small columns. User text only ever travels as parameters; the SQL is composed from the
constant fragments below.
"""

from collections.abc import Iterable

import numpy
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
# Every match through the GIN index alone. A sequential scan, which the planner prefers for a
# broad word, would read every document out of TOAST (a second at 100,000 practices); the
# index never needs the document unless a phrase must be checked. Forbidding it multiplies the
# plan's estimated cost, which would switch on JIT compilation (130 ms to save nothing here):
# off too. SET LOCAL lasts for this execute's statements (one implicit transaction; Django's
# client-side binding cursor sends them together), put back for any transaction around it.
_INDEX_ONLY = (
    "SET LOCAL enable_seqscan = off; SET LOCAL jit = off; {select}; "
    "SET LOCAL enable_seqscan = DEFAULT; SET LOCAL jit = DEFAULT"
)
_MATCHES = "FROM library_practice_search, (SELECT {items}) AS query WHERE document @@ ({every})"
# Ids as 8-byte big-endian integers in one value per row: at 100,000 matches, far cheaper to
# send and read than a row (or a decimal text) per id.
_IDS = "string_agg(int8send(practice_id), ''::bytea)"
_MATCHING_IDS = f"SELECT {_IDS} " + _MATCHES
# A word (or phrase) scores by the best place it is in: the title 1.0, the tagline or the
# taxonomy 0.4, the body 0.1 (so one title match outranks a body that repeats the word); a
# practice's rank is the sum over the words typed. Practices of equal rank come as one group.
_PLACE_SCORE = (
    "CASE WHEN title_words @@ q{n} THEN 1.0 WHEN summary_words @@ q{n} THEN 0.4 ELSE 0.1 END"
)
_RANKED_GROUPS = (
    f"SELECT score, {_IDS} FROM "  # noqa: S608 - constants only
    "(SELECT practice_id, {score} AS score " + _MATCHES + "{among}) AS matched "
    "GROUP BY score ORDER BY score DESC"
)
# A practice's rank depends on its own text alone: a kept result is brought up to date by
# ranking the practices that changed (`library.search.kept`).
RANKS_EACH_PRACTICE_ALONE = True


def _items(query: ParsedQuery) -> tuple[list[str], list[str]]:
    """SQL and parameters of one tsquery per term (as a prefix) and per phrase.

    A stop word makes its 'english' half empty, which `||` ignores; the 'simple' half keeps
    every word, so no term can empty its tsquery.
    """
    parts, params = [], []
    for term in query.terms:
        parts.append(_TERM)
        params += [_prefix(fold(term)), _prefix(term)]
    for phrase in query.phrases:
        parts.append(_PHRASE)
        params.append(fold(phrase))
    return parts, params


def _prefix(word: str) -> str:
    # Words are letters and digits only; the quoting is tsquery's rule all the same.
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def _select(template: str, query: ParsedQuery, among: list[int] | None = None):
    parts, params = _items(query)
    sql = template.format(
        items=", ".join(f"{part} AS q{n}" for n, part in enumerate(parts)),
        every=" && ".join(f"q{n}" for n in range(len(parts))),
        score=" + ".join(_PLACE_SCORE.format(n=n) for n in range(len(parts))),
        among="" if among is None else " AND practice_id = ANY(%s)",
    )
    if among is not None:  # a few practices, found by their key: no index-only plan needed
        return sql, [*params, among]
    return _INDEX_ONLY.format(select=sql), params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while cursor.description is None and cursor.nextset():  # past the SETs
            pass
        return [(*row[:-1], _ids(row[-1])) for row in cursor if row[-1]]


def _ids(packed: bytes) -> numpy.ndarray:
    return numpy.frombuffer(packed, dtype=">i8").astype(numpy.int64)


def scored_groups(
    query: ParsedQuery, among: Iterable[int] | None = None
) -> list[tuple[float, numpy.ndarray]]:
    """The matches (of `among` only, if given) in groups of equal score, the best first."""
    among = None if among is None else sorted(among)
    rows = _fetch(*_select(_RANKED_GROUPS, query, among))
    return [(float(score), ids) for score, ids in rows]


def matching_ids(query: ParsedQuery) -> list[int]:
    found = _fetch(*_select(_MATCHING_IDS, query))
    return found[0][0].tolist() if found else []


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
