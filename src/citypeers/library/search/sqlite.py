"""Search on SQLite: the FTS5 table `library_practice_fts`, whose rowid is the practice id.

The table is created by the library migration 0001. The MATCH text is always a parameter,
built only from the parsed query's words.
"""

from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter

from django.db import connection

from citypeers.library.search.documents import PracticeDocument
from citypeers.library.search.query import ParsedQuery

# Negated so that higher is better; bm25 weights in column order (title, tagline, taxonomy,
# body). One statement ranks every match, which the library intersects with its cards.
_RANKED_IDS = (
    "SELECT rowid, -bm25(library_practice_fts, 10.0, 5.0, 3.0, 1.0) "
    "FROM library_practice_fts WHERE library_practice_fts MATCH %s"
)
_MATCHING_IDS = "SELECT rowid FROM library_practice_fts WHERE library_practice_fts MATCH %s"
_DELETE = "DELETE FROM library_practice_fts WHERE rowid = %s"
_OPTIMISE = "INSERT INTO library_practice_fts (library_practice_fts) VALUES ('optimize')"
_INSERT = (
    "INSERT INTO library_practice_fts (rowid, title, tagline, taxonomy, body) "
    "VALUES (%s, %s, %s, %s, %s)"
)


def match_expression(query: ParsedQuery) -> str:
    """FTS5 query text: every term as a quoted prefix, every phrase quoted, all AND-ed."""
    quoted = [f'"{_escape(term)}"*' for term in query.terms]
    quoted += [f'"{_escape(phrase)}"' for phrase in query.phrases]
    return " AND ".join(quoted)


def _escape(words: str) -> str:
    # Words are letters and digits only, so this never changes them; it is the FTS5 rule.
    return words.replace('"', '""')


# bm25 weighs a practice against the whole library: a kept result serves one state only.
RANKS_EACH_PRACTICE_ALONE = False


def scored_groups(query: ParsedQuery) -> list[tuple[float, list[int]]]:
    """The matches in groups of equal rank, the best first."""
    with connection.cursor() as cursor:
        cursor.execute(_RANKED_IDS, [match_expression(query)])
        ranked = sorted(cursor.fetchall(), key=itemgetter(1), reverse=True)
    return [(rank, [row[0] for row in rows]) for rank, rows in groupby(ranked, key=itemgetter(1))]


def matching_ids(query: ParsedQuery) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(_MATCHING_IDS, [match_expression(query)])
        return [row[0] for row in cursor.fetchall()]


def write(documents: Iterable[PracticeDocument]) -> None:
    rows = [(document.practice_id, *document.parts) for document in documents]
    if not rows:
        return
    with connection.cursor() as cursor:
        # FTS5 has no upsert; delete first so indexing twice leaves one row.
        cursor.executemany(_DELETE, [row[:1] for row in rows])
        cursor.executemany(_INSERT, rows)


def delete(practice_ids: Iterable[int]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(_DELETE, [(practice_id,) for practice_id in practice_ids])


def delete_all() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM library_practice_fts")


def optimise() -> None:
    # Merges the index segments a bulk load leaves behind into one, which queries read faster.
    with connection.cursor() as cursor:
        cursor.execute(_OPTIMISE)
