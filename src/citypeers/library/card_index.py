"""The library cards held in memory as bitmaps, so filtering and facet counts cost microseconds.

Each practice gets a position (its place in newest-first order); each facet value a bitmap, a
Python int whose bit `p` is set when the practice at position `p` has that value. Filtering is
`&`, a facet count is `(bitmap & matches).bit_count()`: a page at 100,000 practices counts its
facets in a few milliseconds, where SQL aggregates or Python counters took hundreds.

Titles are kept as read (every language's, as JSON text) and put in order only when a reader
asks for the title order, once per language: most searches never sort by title, and a rebuild
should not pay for 25 sorts. Orders are followed only as far as the page shown needs
(`OrderedMatches`).

Each process keeps one index and checks, with one tiny query per use, the token that every
write of cards replaces (`LibraryState`). A random token rather than a counter, so that an index
built inside a transaction that then rolls back can never pass for a later state. Every write
also logs which practices it changed (`CardChange`): a process behind by a few changes reads
only those cards and updates its index in place (about 10 ms of CPU at 100,000 cards, where a
rebuild reads every card: seconds on a busy machine); one that cannot follow the log rebuilds.
"""

import bisect
import contextlib
import functools
import json
import operator
import threading
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

import numpy
from django.conf import settings
from django.db import connections, router
from django.utils.translation import get_language

from citypeers.core.translated import fallback_order
from citypeers.library.models import CardChange, LibraryState, PracticeCard

FACETS = ("themes", "countries", "sizes", "types")
# More changed practices than this and a rebuild is cheaper than moving bits one by one.
MAX_IN_PLACE = 200
# The log kept for processes that are behind; one further behind rebuilds.
KEPT_CHANGES = 1000
# What a change that touched every card logs instead of ids.
EVERY_CARD = "*"
# Groups of equal rank are kept as a bitmap each when they are this few (PostgreSQL ranks by
# where the words are: a few groups per word typed); SQLite's bm25 gives nearly every practice
# a rank of its own, and those are sorted whole instead.
MAX_RANK_BITMAPS = 64
# Rankings an index keeps for searches made again (each a few bitmaps of 12 kB at 100,000
# practices); the oldest goes first.
MAX_KEPT_RANKINGS = 200


@dataclass(frozen=True)
class CardIndex:
    token: str
    ids: list[int]  # position -> practice id, newest first
    positions: dict[int, int]  # practice id -> position
    published: list  # position -> publication time as the database orders it (its text)
    titles: list  # position -> the title's translations, as read (JSON text or a dict)
    bitmaps: dict[str, dict[str, int]]  # facet -> value -> bitmap
    host: int
    change: int | None = None  # the last logged change this index includes, if known
    everything: int = field(init=False)
    # language -> practice ids by the title in that language (each made on first use)
    title_orders: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    # search words -> their Ranking, for searches made again while this index is current
    rankings: OrderedDict = field(default_factory=OrderedDict, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "everything", (1 << len(self.ids)) - 1)

    def title_order(self, language: str | None = None) -> list[int]:
        """Practice ids by the title a reader of `language` sees (its fallback when
        untranslated), ignoring case; equal titles by practice id."""
        language = language or get_language() or settings.LANGUAGE_CODE
        order = self.title_orders.get(language)
        if order is None:  # two threads may both make it: the same list, no harm
            key = self._title_key(language)
            order = sorted(self.ids, key=key)
            self.title_orders[language] = order
        return order

    def _title_key(self, language: str):
        languages = fallback_order(language)
        titles, positions = self.titles, self.positions

        def key(practice_id: int) -> tuple[str, int]:
            raw = titles[positions[practice_id]]
            translations = json.loads(raw) if isinstance(raw, str) else (raw or {})
            shown = next((translations[code] for code in languages if translations.get(code)), "")
            shown = shown or next((text for text in translations.values() if text), "")
            return shown.casefold(), practice_id

        return key

    def bitmap_of(self, practice_ids: Iterable[int]) -> int:
        """The bitmap of these practices; ids without a card are left out. In numpy: a search
        matching 100,000 practices took 50 ms to look up one by one in `positions`."""
        ids = _int_array(practice_ids)
        lookup = self._position_of_id
        positions = lookup[ids[(ids >= 0) & (ids < len(lookup))]]
        return _bitmap(len(self.ids), positions[positions >= 0])

    @functools.cached_property
    def _position_of_id(self) -> numpy.ndarray:
        """Each practice id's position (-1 for an id without a card), made on first use."""
        lookup = numpy.full(max(self.ids, default=-1) + 1, -1, dtype=numpy.int32)
        lookup[numpy.array(self.ids, dtype=numpy.int64)] = numpy.arange(len(self.ids))
        return lookup

    def kept_ranking(self, words, groups_of) -> "Ranking":
        """The ranking of the matches of `words` (hashable), made from `groups_of(words)` the
        first time this index is asked."""
        ranking = self.rankings.get(words)
        if ranking is None:
            ranking = self.ranking(groups_of(words))
            if len(self.rankings) >= MAX_KEPT_RANKINGS:
                # One call, safe while other threads add theirs; two may both drop one.
                with contextlib.suppress(KeyError):
                    self.rankings.popitem(last=False)
            self.rankings[words] = ranking
        return ranking

    def ranking(self, groups: Sequence[Sequence[int]]) -> "Ranking":
        """Matches in groups of equal rank, best first (as the search gives them), in the
        form that orders them fastest."""
        if len(groups) <= MAX_RANK_BITMAPS:
            tiers = [self.bitmap_of(group) for group in groups]
            return Ranking(found=functools.reduce(operator.or_, tiers, 0), tiers=tiers)
        ranks = {
            practice_id: rank
            for rank, group in enumerate(groups)
            for practice_id in _int_array(group).tolist()
        }
        return Ranking(found=self.bitmap_of(ranks), ranks=ranks)

    def value(self, facet: str, value: str) -> int:
        return self.bitmaps[facet].get(value, 0)

    def counts(self, matches: int) -> dict[str, dict[str, int]]:
        """For each facet, each value's number of matches (values with none left out)."""
        counts = {}
        for facet, bitmaps in self.bitmaps.items():
            counts[facet] = {
                value: count
                for value, bitmap in bitmaps.items()
                if (count := (bitmap & matches).bit_count())
            }
        return counts

    def ids_in_order(
        self, matches: int, *, by_title: bool = False, language: str | None = None
    ) -> list[int]:
        """The ids of every match, newest first or by title (in `language`, else the active
        one)."""
        return list(OrderedMatches(self, matches, by_title=by_title, language=language))

    def updated(self, *, token: str, change: int, practice_ids, cards) -> "CardIndex":
        """This index with the cards of `practice_ids` replaced by `cards` (the rows of those
        of them that still have one, as `build_index` reads them): the same index as a
        rebuild gives, in time that grows with the changes, not the library."""
        changed = set(practice_ids) | {card[0] for card in cards}
        ids, published, titles = list(self.ids), list(self.published), list(self.titles)
        names = [(facet, value) for facet in FACETS for value in self.bitmaps[facet]]
        maps = [self.bitmaps[facet][value] for facet, value in names] + [self.host]
        gone = sorted((self.positions[i] for i in changed if i in self.positions), reverse=True)
        moved = list(gone)  # every position whose practice may differ after the change
        for position in gone:  # from the end, so the positions still to remove stay right
            del ids[position], published[position], titles[position]
            low = (1 << position) - 1
            maps = [(bits & low) | ((bits >> (position + 1)) << position) for bits in maps]
        for practice_id, title, type_, willing, themes, countries, sizes, when in cards:
            position = _insertion_point(ids, published, when, practice_id)
            moved.append(position)
            ids.insert(position, practice_id)
            published.insert(position, when)
            titles.insert(position, title)
            has = {("types", type_)}
            for facet, values in (("themes", themes), ("countries", countries), ("sizes", sizes)):
                has.update((facet, value) for value in values.split("|") if value)
            for new in has.difference(names):
                names.append(new)
                maps.insert(len(names) - 1, 0)  # before the host's, which stays last
            flags = [(facet, value) in has for facet, value in names] + [bool(willing)]
            low = (1 << position) - 1
            maps = [
                (bits & low) | ((((bits >> position) << 1) | flag) << position)
                for bits, flag in zip(maps, flags, strict=True)
            ]
        bitmaps = {facet: {} for facet in FACETS}
        for (facet, value), bits in zip(names, maps, strict=False):
            if bits:  # a value nobody has any more is gone, as after a rebuild
                bitmaps[facet][value] = bits
        index = CardIndex(
            token=token,
            ids=ids,
            positions=self._moved_positions(ids, changed, moved),
            published=published,
            titles=titles,
            bitmaps=bitmaps,
            host=maps[-1],
            change=change,
        )
        for language, order in self.title_orders.items():
            old_key, key = self._title_key(language), index._title_key(language)
            kept = list(order)
            for practice_id in changed & self.positions.keys():  # found by its old title
                del kept[bisect.bisect_left(kept, old_key(practice_id), key=old_key)]
            for card in cards:
                bisect.insort(kept, card[0], key=key)
            index.title_orders[language] = kept
        return index

    def _moved_positions(self, ids: list[int], changed: set[int], moved: list[int]) -> dict:
        """The positions of `ids`. When as many cards came in as went out, only those near
        the positions touched differ from this index's (each removal or insertion moves a
        position by one at most): an edit that keeps its publication time touches one."""
        balanced = len(ids) == len(self.ids)
        if not moved or not balanced or max(moved) - min(moved) > len(ids) // 2:
            return dict(zip(ids, range(len(ids)), strict=True))
        positions = self.positions.copy()
        for practice_id in changed:
            positions.pop(practice_id, None)
        first, last = min(moved), min(max(moved) + len(moved) + 1, len(ids))
        positions.update(zip(ids[first:last], range(first, last), strict=True))
        return positions


@dataclass(frozen=True)
class Ranking:
    found: int  # the bitmap of every match
    tiers: list[int] | None = None  # a bitmap per group of equal rank, best first; or
    ranks: dict[int, int] | None = None  # practice id -> its group's number (0 the best)


class OrderedMatches(Sequence):
    """The ids of the matches in order (newest first, by title, or by rank), worked out only
    as far as a page asks: a search matching 100,000 practices shows 20 of them."""

    def __init__(
        self,
        index: CardIndex,
        matches: int,
        *,
        by_title: bool = False,
        language: str | None = None,
        ranking: Ranking | None = None,
    ):
        self.index, self.matches, self.ranking = index, matches, ranking
        self.by_title, self.language = by_title, language
        self.total = matches.bit_count()
        self._found: list[int] = []

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if isinstance(item, slice):
            start, stop, step = item.indices(self.total)
            return self._first(stop)[start:stop:step]
        if item < 0:
            item += self.total
        if not 0 <= item < self.total:
            raise IndexError(item)
        return self._first(item + 1)[item]

    def __iter__(self):
        return iter(self._first(self.total))

    def __eq__(self, other) -> bool:  # as the list of every match it stands for
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"OrderedMatches({list(self)!r})"

    def _first(self, wanted: int) -> list[int]:
        if len(self._found) < wanted:
            if self.ranking is not None:
                self._found = self._by_rank(wanted)
            elif self.by_title:
                self._found = self._by_title(wanted)
            else:
                self._found = self._newest(wanted)
        return self._found

    def _flags(self, matches: int) -> str:
        # One string of flags, read by position, beats shifting a 100,000-bit int per practice.
        return format(matches, "b")[::-1]

    def _newest(self, wanted: int, matches: int | None = None) -> list[int]:
        flags = self._flags(self.matches if matches is None else matches)
        ids, found, position = self.index.ids, [], -1
        while len(found) < wanted and (position := flags.find("1", position + 1)) >= 0:
            found.append(ids[position])
        return found

    def _by_title(self, wanted: int) -> list[int]:
        index = self.index
        # Few matches: sort them. Many: walk the title order until the page is full.
        if self.total * self.total < wanted * len(index.ids):
            key = index._title_key(self.language or get_language() or settings.LANGUAGE_CODE)
            return sorted(self._newest(self.total), key=key)
        flags, positions, found = self._flags(self.matches), index.positions, []
        count = len(flags)
        for practice_id in index.title_order(self.language):
            position = positions[practice_id]
            if position < count and flags[position] == "1":
                found.append(practice_id)
                if len(found) == wanted:
                    break
        return found

    def _by_rank(self, wanted: int) -> list[int]:
        """The best group's matches newest first, then the next group's, and so on."""
        if self.ranking.tiers is None:  # ranks come whole: ordered whole, once
            found = self._newest(self.total)
            found.sort(key=self.ranking.ranks.__getitem__)  # stable: newest first in a group
            return found
        found = []
        for tier in self.ranking.tiers:
            found += self._newest(wanted - len(found), tier & self.matches)
            if len(found) >= wanted:
                break
        return found


def _bitmap(size: int, positions: Iterable[int]) -> int:
    """The bitmap of `size` bits with these positions set, made in numpy (one byte per
    position, packed eight to a byte): 100,000 positions in about a millisecond."""
    flags = numpy.zeros(size, dtype=numpy.uint8)
    flags[_int_array(positions)] = 1
    return int.from_bytes(numpy.packbits(flags, bitorder="little").tobytes(), "little")


def _int_array(values: Iterable[int]) -> numpy.ndarray:
    """`values` as an array of int64, without a copy when they already are one."""
    if isinstance(values, numpy.ndarray):
        return values.astype(numpy.int64, copy=False)
    if isinstance(values, Sequence):
        return numpy.array(values, dtype=numpy.int64)
    return numpy.fromiter(values, dtype=numpy.int64)


def _insertion_point(ids: list[int], published: list, when, practice_id: int) -> int:
    """Where a card goes in newest-first order (later publications first, then by id)."""
    low, high = 0, len(ids)
    while low < high:
        middle = (low + high) // 2
        if published[middle] > when or (published[middle] == when and ids[middle] < practice_id):
            low = middle + 1
        else:
            high = middle
    return low


def build_index(token: str, cards, *, change: int | None = None) -> CardIndex:
    """An index of `cards`, newest first: (id, title, type, host, themes, countries, sizes,
    published), the title being its translations (JSON text as the database gives it, or a
    dict) and `published` anything ordered as the database orders publication times."""
    cards = list(cards)
    size = len(cards)
    ids, titles, types, hosts, themes, countries, sizes, published = (
        list(column) for column in (zip(*cards, strict=True) if cards else [()] * 8)
    )
    bitmaps = {
        "themes": _value_bitmaps(size, themes),
        "countries": _value_bitmaps(size, countries),
        "sizes": _value_bitmaps(size, sizes),
        "types": _value_bitmaps(size, types, single=True),
    }
    return CardIndex(
        token=token,
        ids=ids,
        positions=dict(zip(ids, range(size), strict=True)),
        published=published,
        titles=titles,
        bitmaps=bitmaps,
        host=_bitmap(size, (p for p, willing in enumerate(hosts) if willing)),
        change=change,
    )


def _value_bitmaps(size: int, column: list[str], *, single: bool = False) -> dict[str, int]:
    """Each value's bitmap, from a column of values (or of values between bars): the rows are
    grouped by their text first, as many share it, then each value is set in one pass."""
    groups = defaultdict(list)
    for position, text in enumerate(column):
        groups[text].append(position)
    by_value = defaultdict(list)
    for text, positions in groups.items():
        for value in [text] if single else text.split("|"):
            if value:
                by_value[value].append(positions)
    return {value: _bitmap(size, chain.from_iterable(lists)) for value, lists in by_value.items()}


_current: CardIndex | None = None
_building = threading.Lock()


def current_index() -> CardIndex:
    """The index of the cards as they are now, updated or rebuilt when they have changed."""
    global _current
    token, change = _read_state()
    index = _current
    if index is None or index.token != token:
        with _building:
            if _current is index:  # no other thread brought it up to date meanwhile
                _current = _followed(index, token, change)
            index = _current
    return index


def _followed(index: CardIndex | None, token: str, change: int | None) -> CardIndex:
    """`index` brought to the state read through the log of changes if it can be, else
    rebuilt (the cards, read after the state, are at least as new)."""
    followable = index is not None and index.change is not None and change is not None
    if followable and change > index.change:
        updated = _updated_from_log(index, token, change)
        if updated is not None:
            return updated
    return build_index(token, _read_cards(), change=change)


def _updated_from_log(index: CardIndex, token: str, change: int) -> CardIndex | None:
    """`index` with the changes logged since it was made; None when the log cannot tell."""
    changed = practices_changed_between((index.change, index.token), (change, token))
    if changed is None or len(changed) > MAX_IN_PLACE:
        return None
    cards = _read_cards(changed) if changed else []
    return index.updated(token=token, change=change, practice_ids=changed, cards=cards)


def practices_changed_between(since: tuple[int, str], until: tuple[int, str]) -> set[int] | None:
    """The practices whose cards the changes logged after `since` up to `until` wrote, each
    state a (change number, token); None when the log cannot tell."""
    changes = list(
        CardChange.objects.filter(pk__gte=since[0], pk__lte=until[0])
        .order_by("pk")
        .values_list("pk", "token", "practice_ids")
    )
    # The log must run from `since` (a rolled-back change is gone from it, or its number
    # reused with another token; an old one may be pruned) to `until`.
    if not changes or changes[0][:2] != tuple(since) or changes[-1][:2] != tuple(until):
        return None
    return _changed_ids(text for _pk, _token, text in changes[1:])


def _changed_ids(logged: Iterable[str]) -> set[int] | None:
    """The practice ids these log entries name; None if one of them changed every card."""
    changed = set()
    for text in logged:
        if text == EVERY_CARD:
            return None
        changed.update(int(practice_id) for practice_id in text.split())
    return changed


def cards_changed(practice_ids: Iterable[int] | None = None) -> None:
    """Called by every write of cards, in the writing transaction, with the practices whose
    cards it wrote or deleted (None: possibly every one)."""
    token = uuid.uuid4().hex
    logged = EVERY_CARD if practice_ids is None else " ".join(map(str, sorted(practice_ids)))
    change = CardChange.objects.create(token=token, practice_ids=logged)
    # Two writes committing in the other order than they were numbered only make a process
    # rebuild: the log must lead from its index's (change, token) to the state's.
    LibraryState.objects.update_or_create(
        pk=1, defaults={"cards_token": token, "cards_change": change.pk}
    )
    if change.pk % 100 == 0:  # now and then, not on every write
        CardChange.objects.filter(pk__lte=change.pk - KEPT_CHANGES).delete()


def _read_state() -> tuple[str, int | None]:
    """The cards' token and the number of the change that left it, in one small query."""
    state = LibraryState.objects.filter(pk=1).values_list("cards_token", "cards_change").first()
    return state or ("", None)


_CARDS = (
    "SELECT practice_id, CAST(title AS TEXT), type, willing_to_host, themes, countries, sizes, "
    "CAST(published_at AS TEXT) FROM library_practicecard {where} "
    "ORDER BY published_at DESC, practice_id"
)


def _read_cards(practice_ids: set[int] | None = None) -> list[tuple]:
    """The cards (of these practices, else all), newest first. Through the cursor, with the
    title and time as text: Django's per-value converters and psycopg's JSON and time
    parsing would cost more than the query; the text of a time orders as the time does, the
    database writing every one in the same zone (UTC) and form."""
    using = router.db_for_read(PracticeCard)
    with connections[using].cursor() as cursor:
        if practice_ids is None:
            cursor.execute(_CARDS.format(where=""))
        else:
            placeholders = ", ".join(["%s"] * len(practice_ids))
            where = f"WHERE practice_id IN ({placeholders})"
            cursor.execute(_CARDS.format(where=where), list(practice_ids))
        return cursor.fetchall()
