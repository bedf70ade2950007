"""Search results kept in the shared cache and brought up to date through the log of changes.

A word found in most practices ('heritage') costs PostgreSQL its whole posting list, about a
fifth of a second at 100,000 practices however the query is written; its result changes only
when practices do. So a result is worked out once and kept in the shared cache, for every
process and server, with the library state it was made in (the cards' change number and token,
`card_index`). PostgreSQL ranks a practice by where the words are in its own text, so after a
write a kept result is right again once the practices the log names are searched anew: the
card index follows the same log. SQLite's bm25 weighs a practice against the whole library,
so there a kept result serves only the state it was made in.
"""

import hashlib
from array import array
from operator import itemgetter
from types import ModuleType

from django.core.cache import cache
from django.db import connection

from citypeers.library.card_index import MAX_IN_PLACE, practices_changed_between
from citypeers.library.search.query import ParsedQuery

# Long enough to outlive a quiet week-end; a kept result is checked against the log anyway.
KEPT_SECONDS = 7 * 24 * 3600
ScoredGroups = list[tuple[float, list[int]]]
State = tuple[int, str]  # the cards' change number and token


def kept_scored_groups(query: ParsedQuery, state: State, backend: ModuleType) -> ScoredGroups:
    """The matches of `query` in groups of equal score, best first, as of library `state`."""
    key = _key(query)
    kept = cache.get(key)
    if kept is not None:
        since, packed = kept
        if since == state:
            return _unpacked(packed)
        followed = _followed(query, _unpacked(packed), since, state, backend)
        if followed is not None:
            cache.set(key, (state, _packed(followed)), KEPT_SECONDS)
            return followed
        if since[0] > state[0]:  # kept by a process further on: leave it for the others
            return backend.scored_groups(query)
    groups = backend.scored_groups(query)
    cache.set(key, (state, _packed(groups)), KEPT_SECONDS)
    return groups


def _key(query: ParsedQuery) -> str:
    words = "\x1f".join(query.terms) + "\x1e" + "\x1f".join(query.phrases)
    digest = hashlib.sha256(words.encode()).hexdigest()
    return f"library-search:{connection.vendor}:{digest}"


def _followed(
    query: ParsedQuery, groups: ScoredGroups, since: State, state: State, backend: ModuleType
) -> ScoredGroups | None:
    """`groups`, made at `since`, brought to `state`; None when they cannot be."""
    if not backend.RANKS_EACH_PRACTICE_ALONE:
        return None
    changed = practices_changed_between(since, state)
    if changed is None or len(changed) > MAX_IN_PLACE:
        return None
    by_score = {score: [pk for pk in ids if pk not in changed] for score, ids in groups}
    if changed:
        for score, ids in backend.scored_groups(query, among=changed):
            by_score.setdefault(score, []).extend(ids)
    found = [(score, ids) for score, ids in by_score.items() if ids]
    return sorted(found, key=itemgetter(0), reverse=True)


def _packed(groups: ScoredGroups) -> list[tuple[float, bytes]]:
    # Ids as 8-byte machine integers: a twelfth of a pickled list's size, read back at once.
    return [(score, array("q", ids).tobytes()) for score, ids in groups]


def _unpacked(packed: list[tuple[float, bytes]]) -> ScoredGroups:
    return [(score, array("q", ids).tolist()) for score, ids in packed]
