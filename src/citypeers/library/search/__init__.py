"""Full-text search of published practices: one interface, an index per database.

SQLite uses an FTS5 table (`sqlite.py`), PostgreSQL a tsvector table (`postgres.py`); both are
created by the library app's migration and kept current by the signals in `signals.py`.
Callers get every match, in groups of equal rank (`ranked_groups`, as arrays of ids mostly;
`ranked_practice_ids`, as lists) or unranked (`matching_practice_ids`); the library intersects
them with its cards (`library.card_index`). Writing the index (and the cards beside it) is
`library.indexing`.
"""

from collections.abc import Sequence
from types import ModuleType

import numpy
from django.db import connection

from citypeers.library.search import postgres, sqlite
from citypeers.library.search.highlight import excerpt, highlight
from citypeers.library.search.kept import State, kept_scored_groups
from citypeers.library.search.query import ParsedQuery, parse_query

__all__ = [
    "ParsedQuery",
    "excerpt",
    "highlight",
    "matching_practice_ids",
    "parse_query",
    "ranked_groups",
    "ranked_practice_ids",
]

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}


def backend_for(vendor: str) -> ModuleType:
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"No practice search for {vendor} databases.") from None


def ranked_practice_ids(query: ParsedQuery, *, state: State | None = None) -> list[list[int]]:
    """Every indexed practice matching `query`, in groups of equally relevant practices, the
    most relevant group first (on PostgreSQL a few groups, by where the words are; on SQLite
    one per distinct bm25 rank). Given the library's `state`, the result is kept and reused
    (`kept`)."""
    return [
        numpy.asarray(ids, dtype=numpy.int64).tolist() for ids in ranked_groups(query, state=state)
    ]


def ranked_groups(
    query: ParsedQuery, *, state: State | None = None
) -> list[Sequence[int] | numpy.ndarray]:
    """`ranked_practice_ids` as the search gives them, arrays of ids mostly: the card index
    reads 100,000 ids from an array in a millisecond, from a list of ints in five."""
    if query.is_empty:
        return []
    backend = backend_for(connection.vendor)
    if state is None:
        scored = backend.scored_groups(query)
    else:
        scored = kept_scored_groups(query, state, backend)
    return [ids for _score, ids in scored]


def matching_practice_ids(query: ParsedQuery) -> list[int]:
    """Every indexed practice matching `query`, unranked (cheaper when ordered otherwise)."""
    if query.is_empty:
        return []
    return backend_for(connection.vendor).matching_ids(query)
