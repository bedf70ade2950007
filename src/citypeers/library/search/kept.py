"""Search results kept in the shared cache and brought up to date through the log of changes.

A word found in most practices ('heritage') costs PostgreSQL its whole posting lists, tens of
milliseconds at 100,000 practices (a phrase of common words, hundreds); its result changes only
when practices do. So a result is worked out once and kept in the shared cache, for every
process and server, with the library state it was made in (the cards' change number and token,
`card_index`). PostgreSQL ranks a practice by where the words are in its own text, so after a
write a kept result is right again once the practices the log names are searched anew: the
card index follows the same log. SQLite's bm25 weighs a practice against the whole library,
so there a kept result serves only the state it was made in.

What is kept is bounded whatever people (or robots) type: results share a fixed number of
places (`PLACES`), a search taking the place its words hash to, and ids are kept as the
compressed gaps between them (a few kB for a word in every practice, 2 bytes or so an id for
a rare one).
"""

import hashlib
import zlib
from collections.abc import Sequence
from operator import itemgetter
from types import ModuleType

import numpy
from django.core.cache import cache
from django.db import connection

from citypeers.library.card_index import MAX_IN_PLACE, practices_changed_between
from citypeers.library.search.query import ParsedQuery

# Long enough to outlive a quiet week-end; a kept result is checked against the log anyway.
KEPT_SECONDS = 7 * 24 * 3600
# Places for kept results: at most this many in the shared cache (a popular search is rarely
# pushed out by another whose words hash to the same place).
PLACES = 1024
# Ids as numpy arrays (as kept, and from PostgreSQL) or lists (from SQLite's own search).
ScoredGroups = list[tuple[float, Sequence[int] | numpy.ndarray]]
State = tuple[int, str]  # the cards' change number and token


def kept_scored_groups(query: ParsedQuery, state: State, backend: ModuleType) -> ScoredGroups:
    """The matches of `query` in groups of equal score, best first, as of library `state`."""
    key, words = _place(query), (query.terms, query.phrases)
    kept = cache.get(key)
    if kept is not None and kept[0] == words:
        _words, since, packed = kept
        if since == state:
            return _unpacked(packed)
        changed = _changed(since, state, backend)
        if changed is not None:
            followed = _followed(query, _unpacked(packed), changed, backend)
            cache.set(key, (words, state, _packed(followed)), KEPT_SECONDS)
            return followed
        if since[0] > state[0]:  # kept by a process further on: leave it for the others
            return backend.scored_groups(query)
    groups = backend.scored_groups(query)
    cache.set(key, (words, state, _packed(groups)), KEPT_SECONDS)
    return groups


def _place(query: ParsedQuery) -> str:
    words = "\x1f".join(query.terms) + "\x1e" + "\x1f".join(query.phrases)
    digest = hashlib.sha256(words.encode()).digest()
    return f"library-search:{connection.vendor}:{int.from_bytes(digest[:4]) % PLACES}"


def _changed(since: State, state: State, backend: ModuleType) -> set[int] | None:
    """The practices changed from `since` to `state`, when a result can follow them."""
    if not backend.RANKS_EACH_PRACTICE_ALONE:
        return None
    changed = practices_changed_between(since, state)
    if changed is None or len(changed) > MAX_IN_PLACE:
        return None
    return changed


def _followed(
    query: ParsedQuery,
    groups: list[tuple[float, numpy.ndarray]],
    changed: set[int],
    backend: ModuleType,
) -> ScoredGroups:
    """`groups` with the `changed` practices searched anew."""
    if not changed:
        return groups
    left_out = numpy.fromiter(changed, dtype=numpy.int64)
    by_score = {score: [ids[~numpy.isin(ids, left_out)]] for score, ids in groups}
    for score, ids in backend.scored_groups(query, among=changed):
        by_score.setdefault(score, []).append(ids)
    found = [(score, numpy.concatenate(parts)) for score, parts in by_score.items()]
    return sorted(
        ((score, ids) for score, ids in found if len(ids)), key=itemgetter(0), reverse=True
    )


def _packed(groups: ScoredGroups) -> list[tuple[float, bytes]]:
    return [(score, _compressed(ids)) for score, ids in groups]


def _compressed(ids: Sequence[int]) -> bytes:
    gaps = numpy.diff(numpy.sort(numpy.asarray(ids, dtype=numpy.int64)), prepend=0)
    return zlib.compress(gaps.tobytes(), 1)


def _unpacked(packed: list[tuple[float, bytes]]) -> list[tuple[float, numpy.ndarray]]:
    return [
        (score, numpy.cumsum(numpy.frombuffer(zlib.decompress(ids), dtype=numpy.int64)))
        for score, ids in packed
    ]
