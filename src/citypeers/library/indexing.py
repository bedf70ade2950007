"""Writing the search index and the library cards of published practices, together.

Called by the signals on practices (`signals.py`) and by `citypeers rebuild_search_index`;
the read side is `library.search`.
"""

from collections.abc import Iterable

from django.db import connection, transaction

from citypeers.catalogue.models import Practice
from citypeers.library.cards import cards_delete, cards_delete_all, cards_write
from citypeers.library.models import PracticeCard
from citypeers.library.report_cards import report_cards_rebuild
from citypeers.library.search import backend_for
from citypeers.library.search.documents import practice_document, published_practices

REBUILD_BATCH_SIZE = 500


def index_practice(practice: Practice) -> None:
    """(Re)index one practice if it is published, else take it out of the index if it is in.

    A draft that never was in the index is left alone: taking it out would still give the
    cards a new token and make every process rebuild its library index for nothing."""
    if practice.status == Practice.Status.PUBLISHED:
        backend_for(connection.vendor).write([practice_document(practice)])
        cards_write([practice])
    elif _indexed({practice.pk}):
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
    if unpublished := _indexed(practice_ids - {practice.pk for practice in published}):
        backend.delete(unpublished)
        cards_delete(unpublished)


def _indexed(practice_ids: set[int]) -> set[int]:
    """Those of `practice_ids` in the index: a practice has a card exactly while it is."""
    if not practice_ids:
        return set()
    cards = PracticeCard.objects.filter(practice_id__in=practice_ids)
    return set(cards.values_list("practice_id", flat=True))


def remove_practice(practice_id: int) -> None:
    backend_for(connection.vendor).delete([practice_id])
    cards_delete([practice_id])


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
        report_cards_rebuild()
    return count + len(batch)
