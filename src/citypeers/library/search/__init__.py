"""Full-text search of published practices: one interface, an index per database.

SQLite uses an FTS5 table (`sqlite.py`), PostgreSQL a tsvector table (`postgres.py`); both are
created by the library app's migration and kept current by the signals in `signals.py`.
Callers get every match, with its rank (`ranked_practice_ids`) or without
(`matching_practice_ids`); the library intersects them with its cards (`library.card_index`).
"""

from collections.abc import Iterable
from types import ModuleType

from django.db import connection, transaction

from citypeers.catalogue.models import Practice
from citypeers.library.cards import cards_delete, cards_delete_all, cards_write
from citypeers.library.search import postgres, sqlite
from citypeers.library.search.documents import practice_document, published_practices
from citypeers.library.search.highlight import highlight
from citypeers.library.search.query import ParsedQuery, parse_query

__all__ = [
    "ParsedQuery",
    "highlight",
    "index_practice",
    "index_practices",
    "matching_practice_ids",
    "parse_query",
    "ranked_practice_ids",
    "rebuild_index",
    "remove_practice",
]

BACKENDS = {"sqlite": sqlite, "postgresql": postgres}
REBUILD_BATCH_SIZE = 500


def backend_for(vendor: str) -> ModuleType:
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"No practice search for {vendor} databases.") from None


def index_practice(practice: Practice) -> None:
    """(Re)index one practice if it is published, else remove it from the index."""
    if practice.status == Practice.Status.PUBLISHED:
        backend_for(connection.vendor).write([practice_document(practice)])
        cards_write([practice])
    else:
        remove_practice(practice.pk)


def index_practices(practice_ids: Iterable[int]) -> None:
    """(Re)index these practices: the published ones written, the others removed."""
    practice_ids = set(practice_ids)
    if not practice_ids:
        return
    backend = backend_for(connection.vendor)
    published = list(published_practices().filter(pk__in=practice_ids))
    backend.write(practice_document(practice) for practice in published)
    cards_write(published)
    if unpublished := practice_ids - {practice.pk for practice in published}:
        backend.delete(unpublished)
        cards_delete(unpublished)


def remove_practice(practice_id: int) -> None:
    backend_for(connection.vendor).delete([practice_id])
    cards_delete([practice_id])


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


def rebuild_index() -> int:
    """Index every published practice afresh; returns how many."""
    backend = backend_for(connection.vendor)
    count = 0
    with transaction.atomic():
        backend.delete_all()
        cards_delete_all()
        batch = []
        for practice in published_practices().iterator(chunk_size=REBUILD_BATCH_SIZE):
            batch.append(practice)
            if len(batch) == REBUILD_BATCH_SIZE:
                backend.write(practice_document(practice) for practice in batch)
                cards_write(batch)
                count, batch = count + len(batch), []
        backend.write(practice_document(practice) for practice in batch)
        cards_write(batch)
        backend.optimise()
    return count + len(batch)
