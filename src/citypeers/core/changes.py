"""When each public collection last changed, kept in the shared cache so every app server
agrees: the API and open data answer `ETag`/`Last-Modified` (and 304) from it, and caches of
public data are keyed by it, so a write shows at once everywhere.

Which writes change which collection is connected by the library (`library.signals`), which
sees every app that holds public data. A change is marked after its transaction commits, so
a reader never caches the old data under the new mark.
"""

import datetime
import hashlib
import uuid
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

COLLECTIONS = (
    "practices",
    "programmes",
    "visits",
    "calls",
    "reports",
    "news",
    "themes",
    "places",
)
# Kept longer than any cache of the data it marks; if the cache loses it, the next read starts
# a new mark (readers fetch once more, nothing stale is served).
_KEEP = 30 * 24 * 3600


class Version(NamedTuple):
    tag: str  # changes whenever any of the collections changes
    modified: datetime.datetime  # the latest change among them (whole seconds, for HTTP)


def _key(collection: str) -> str:
    return f"changes:{collection}"


# Renewed with every change of any collection: what a reader of everything (the kept public
# pages, at every request) checks with one look-up instead of one per collection.
_ANY_KEY = "changes:any"


def _new_mark() -> tuple[str, float]:
    return uuid.uuid4().hex, timezone.now().replace(microsecond=0).timestamp()


def changed(*collections: str) -> None:
    """Mark the collections changed, once the current transaction (if any) commits."""
    unknown = set(collections) - set(COLLECTIONS)
    if unknown:
        raise ValueError(f"unknown collections: {sorted(unknown)}")

    def mark() -> None:
        marks = {_key(c): _new_mark() for c in collections}
        cache.set_many(marks | {_ANY_KEY: _new_mark()}, _KEEP)

    transaction.on_commit(mark)


def _marks(keys: list[str]) -> dict[str, tuple[str, float]]:
    """The marks under `keys`; one lost (or never made) is started anew."""
    marks = cache.get_many(keys)
    for key in keys:
        if key not in marks:
            cache.add(key, _new_mark(), _KEEP)  # add: two servers starting agree on one
            marks[key] = cache.get(key) or _new_mark()
    return marks


def version(*collections: str) -> Version:
    """The collections' current mark, to compare with what a reader or a cache holds."""
    keys = [_key(c) for c in collections]
    marks = _marks(keys)
    digest = hashlib.sha256("|".join(marks[k][0] for k in keys).encode()).hexdigest()[:32]
    latest = max(marks[k][1] for k in keys)
    return Version(digest, datetime.datetime.fromtimestamp(latest, tz=datetime.UTC))


def any_version() -> Version:
    """A mark that changes whenever any collection changes (one cache look-up)."""
    mark = _marks([_ANY_KEY])[_ANY_KEY]
    return Version(mark[0], datetime.datetime.fromtimestamp(mark[1], tz=datetime.UTC))
