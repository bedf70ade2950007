"""Search on PostgreSQL: `library_practice_search`, one weighted tsvector per practice.

The table and its GIN index are created by the library migration 0001; migration 0007 adds
`title_words` and `summary_words`, which a trigger derives from the document; 0008 indexes them
too and keeps all three out of the row. A search is two statements: its matches, then where
each word is in them (through the word's indexes, or from the matches' rows when they are few);
numpy sums the scores. User text only ever travels as parameters; the SQL is composed from the
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
_UPSERT_PART = "setweight(to_tsvector(%s::regconfig, %s) || to_tsvector('simple', %s), '{weight}')"
_UPSERT = """
    INSERT INTO library_practice_search (practice_id, document) VALUES (%s, {parts})
    ON CONFLICT (practice_id) DO UPDATE SET document = EXCLUDED.document
"""


def _upsert(languages: int) -> str:
    parts = [_UPSERT_PART.format(weight="B")]  # the taxonomy
    parts += [
        _UPSERT_PART.format(weight=weight) for _language in range(languages) for weight in "ABC"
    ]
    return _UPSERT.format(parts=" || ".join(parts))


_TERM = "(to_tsquery('simple', %s) || to_tsquery('english', %s))"
_PHRASE = "phraseto_tsquery('simple', %s)"
# Every match through the GIN indexes alone. A sequential scan, which the planner prefers for a
# broad word, would read every document out of TOAST (a second at 100,000 practices); the
# index never needs the document unless a phrase must be checked. Forbidding it multiplies the
# plan's estimated cost, which would switch on JIT compilation (130 ms to save nothing here):
# off too, and so are parallel workers, which start slowly on a small server and take the
# cores other requests need ('mill': 25 ms with two, 9 ms without). SET LOCAL lasts for this
# execute's statements (one implicit transaction; Django's client-side binding cursor sends
# them together), put back for any transaction around it.
_INDEX_ONLY = (
    "SET LOCAL enable_seqscan = off; SET LOCAL jit = off; "
    "SET LOCAL max_parallel_workers_per_gather = 0; {select}; "
    "SET LOCAL enable_seqscan = DEFAULT; SET LOCAL jit = DEFAULT; "
    "SET LOCAL max_parallel_workers_per_gather = DEFAULT"
)
_MATCHES = "FROM library_practice_search, (SELECT {items}) AS query WHERE {column} @@ ({every})"
# Ids as 8-byte big-endian integers in one value per row: at 100,000 matches, far cheaper to
# send and read than a row (or a decimal text) per id.
_IDS = "string_agg(int8send(practice_id), ''::bytea)"
_PART_IDS = "SELECT {part} AS part, " + _IDS + " " + _MATCHES + "{among}"
# The same for a few practices, each row found by its key and tested alone (a scalar subquery
# is never made a join: the planner would read the word's whole index instead).
_ROW_PART_IDS = (
    "SELECT {part} AS part, {ids} FROM unnest(%s::bigint[]) AS matched(practice_id), "
    "(SELECT {item} AS q) AS query WHERE (SELECT {column} @@ q "
    "FROM library_practice_search AS words WHERE words.practice_id = matched.practice_id)"
)
# A word (or phrase) scores by the best place it is in: the title 1.0, the tagline or the
# taxonomy 0.4, the body 0.1 (so one title match outranks a body that repeats the word); a
# practice's rank is the sum over the words typed. Scores are counted in tenths, so that the
# same places always give the same score. Practices of equal score come as one group.
TITLE, SUMMARY, BODY = 10, 4, 1
# A practice's rank depends on its own text alone: a kept result is brought up to date by
# ranking the practices that changed (`library.search.kept`).
RANKS_EACH_PRACTICE_ALONE = True
# Matches at most this many, divided by the words typed, are ranked by reading their rows
# (about 8 us a row and word); more, through the title and summary indexes, which cost by how
# many practices hold each word however few match them all ('heritage mill': 30 ms).
MAX_ROWS_RANKED = 1000


def _items(query: ParsedQuery) -> list[tuple[str, list[str]]]:
    """SQL and parameters of one tsquery per term (as a prefix) and per phrase.

    A stop word makes its 'english' half empty, which `||` ignores; the 'simple' half keeps
    every word, so no term can empty its tsquery.
    """
    items = [(_TERM, [_prefix(fold(term)), _prefix(term)]) for term in query.terms]
    return items + [(_PHRASE, [fold(phrase)]) for phrase in query.phrases]


def _prefix(word: str) -> str:
    # Words are letters and digits only; the quoting is tsquery's rule all the same.
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def _part(part: int, column: str, items: dict, among: list[int] | None) -> tuple[str, list]:
    """The ids of the practices (of `among`, if given) whose `column` matches every item of
    `items` (number -> its SQL and parameters), labelled `part`."""
    sql = _PART_IDS.format(
        part=part,
        items=", ".join(f"{item} AS q{n}" for n, (item, _params) in items.items()),
        column=column,
        every=" && ".join(f"q{n}" for n in items),
        among="" if among is None else " AND practice_id = ANY(%s)",
    )
    params = [param for _item, params in items.values() for param in params]
    return sql, params if among is None else [*params, among]


def _statement(parts: list[tuple[str, list]]) -> tuple[str, list]:
    sql = " UNION ALL ".join(sql for sql, _params in parts)
    params = [param for _sql, params in parts for param in params]
    return _INDEX_ONLY.format(select=sql), params


def _matches_statement(items: dict, among: list[int] | None) -> tuple[str, list]:
    """Every match of all `items` (part 0), of `among` only if given."""
    return _statement([_part(0, "document", items, among)])


def _places_statement(items: dict, among: list[int] | None) -> tuple[str, list]:
    """Each item's matches in the titles (part 2n + 1) and in the summaries (part 2n + 2):
    through their own indexes, or, given `among` (a few practices), from those rows."""
    parts = []
    for n, item in items.items():
        for part, column in ((2 * n + 1, "title_words"), (2 * n + 2, "summary_words")):
            if among is None:
                parts.append(_part(part, column, {n: item}, None))
            else:
                sql, params = item
                row_part = _ROW_PART_IDS.format(part=part, ids=_IDS, item=sql, column=column)
                parts.append((row_part, [among, *params]))
    return _statement(parts)


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
    """The matches (of `among` only, if given) in groups of equal score, the best first.

    Two statements: the matches, then where each word is in them. For many matches, each
    word's matches in the titles and in the summaries through their own GIN indexes
    (migration 0008), which read no row for its words unless a phrase must be checked; for
    few, the matches' own rows, found by their key. The scores are summed here.
    """
    items = dict(enumerate(_items(query)))
    if not items:
        return []
    matched = _matched(items, None if among is None else sorted(among))
    if not len(matched):
        return []
    by_index = among is None and len(matched) * len(items) > MAX_ROWS_RANKED
    found = dict(_fetch(*_places_statement(items, None if by_index else matched.tolist())))
    tenths = numpy.zeros(len(matched), dtype=numpy.int64)
    nowhere = numpy.empty(0, dtype=numpy.int64)
    for n in items:
        in_title = numpy.isin(matched, found.get(2 * n + 1, nowhere))
        in_summary = numpy.isin(matched, found.get(2 * n + 2, nowhere))
        tenths += numpy.where(in_title, TITLE, numpy.where(in_summary, SUMMARY, BODY))
    order = numpy.argsort(-tenths, kind="stable")
    tenths, matched = tenths[order], matched[order]
    starts = numpy.flatnonzero(numpy.diff(tenths, prepend=tenths[0] + 1))
    groups = numpy.split(matched, starts[1:])
    return [(int(score) / 10, ids) for score, ids in zip(tenths[starts], groups, strict=True)]


def _matched(items: dict, among: list[int] | None) -> numpy.ndarray:
    found = _fetch(*_matches_statement(items, among))
    return found[0][1] if found else numpy.empty(0, dtype=numpy.int64)


def matching_ids(query: ParsedQuery) -> list[int]:
    items = dict(enumerate(_items(query)))
    return _matched(items, None).tolist() if items else []


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
