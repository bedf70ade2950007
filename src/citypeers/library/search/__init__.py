"""Full-text search of published practices: one interface, an index per database.

SQLite uses an FTS5 table (`sqlite.py`), PostgreSQL a tsvector table (`postgres.py`); both are
created by the library app's migration and kept current by the signals in `signals.py`.
Callers get every match, with its rank (`ranked_practice_ids`) or without
(`matching_practice_ids`); the library intersects them with its cards (`library.card_index`).
Writing the index (and the cards beside it) is `library.indexing`.
"""

from types import ModuleType

from django.db import connection

from citypeers.library.search import postgres, sqlite
from citypeers.library.search.highlight import highlight, matching_language
from citypeers.library.search.query import ParsedQuery, parse_query

__all__ = [
    "ParsedQuery",
    "highlight",
    "matching_language",
    "matching_practice_ids",
    "parse_query",
    "ranked_practice_ids",
]

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}


def backend_for(vendor: str) -> ModuleType:
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"No practice search for {vendor} databases.") from None


def ranked_practice_ids(query: ParsedQuery) -> dict[int, float]:
    """Every indexed practice matching `query`, with its rank (higher is more relevant)."""
    if query.is_empty:
        return {}
    return backend_for(connection.vendor).ranked_ids(query)


def matching_practice_ids(query: ParsedQuery) -> list[int]:
    """Every indexed practice matching `query`, unranked (cheaper when ordered otherwise)."""
    if query.is_empty:
        return []
    return backend_for(connection.vendor).matching_ids(query)
