"""Breakout groups for a visit's interactive sessions, on plain dataclasses (no models yet).

    plan_groups(people=[Person, ...], rounds=3, size=6, seed=0)   -> Rounds
    after_move(rounds=..., person=..., round_index=1, to_group=2)  -> Rounds (recounted)
    replan_after_dropout(rounds=..., person=..., from_round=2)      -> Rounds
    rounds_of(groups=..., people=..., lower_bound=..., size=6)      -> Rounds (as stored)

A `Person` is a participant, a facilitator or an interpreter; an interpreter names the
participant they stay with (`with_key`). Rounds and groups are counted from 0 here and shown
from 1 (`texts/breakouts.py`). `plan_groups` builds an instance of `optim/groups.py`
(docs/optim_groups.md) whose goals come in this order: pairs meet at most once where
possible; facilitators one per group; countries, then city sizes mixed (among participants:
facilitators and interpreters carry neither). Should the optimiser still put two
facilitators in a group, they are swapped apart afterwards, at the cost of repeats. A
participant and their interpreters form a `together` set, and an interpreter is absent
whenever their participant is. Groups have at most `size` people, everyone counted.

`Rounds` holds each round's groups as people, the repeated pairs (the sum over pairs of
meetings - 1; a participant and their interpreter count rounds - 1, forced and inside the
bound), the optimiser's proven lower bound and the mix figures (`Mix`), recounted here from
the groups, so a hand move (`after_move`) is counted the same way without the solver.

`optim/groups.py` cannot hold rounds fixed nor be told which pairs have met already, so
`replan_after_dropout` keeps the earlier rounds as they are, solves the remaining rounds as an
instance of their own (without the person who left), then swaps people of the same kind
between groups of those rounds while that lowers the repeats counted over *all* rounds (then
the mix violations). Its lower bound is the earlier rounds' repeats plus the solver's bound
for the remaining rounds alone: proven (a pair meeting a times before and b times after counts
a + b - 1 >= (a - 1) + (b - 1)), but not always reachable.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.optim import InstanceError
from citypeers.optim.groups import solve
from citypeers.visits.breakout_counts import (
    MIX_ATTRIBUTES,
    Group,
    Kind,
    Mix,
    Person,
    figures,
)
from citypeers.visits.breakout_swaps import Swaps, spread_facilitators, swap_apart

SMALLEST_GROUP, LARGEST_GROUP = 5, 6  # the methodology's breakout groups: 5 to 6 people


@dataclass(frozen=True)
class Rounds:
    groups: tuple[tuple[Group, ...], ...]  # groups[round][group] -> the people in it
    repeated_pairs: int
    lower_bound: int  # proven for the planned group sizes: no plan of them has fewer repeats
    mix: Mix
    met_again: tuple[tuple[str, str, int], ...]  # (key, key, meetings) for pairs meeting twice+
    people: tuple[Person, ...]  # everyone planned, with the absences the plan respects
    size: int
    seed: int
    time_limit_s: float
    method: str  # how the optimiser found the plan, in its words


def plan_groups(
    *,
    people: list[Person],
    rounds: int,
    size: int = LARGEST_GROUP,
    seed: int = 0,
    time_limit_s: float = 5.0,
) -> Rounds:
    """Groups of at most `size` for each round, from the optimiser; see the module's docstring."""
    people = _with_interpreters_absent(_checked(people, rounds, size))
    result = _solve(people, rounds, size, seed, time_limit_s)
    groups, method = _arranged(result, people, past=())
    return _counted(
        groups,
        people=tuple(people),
        lower_bound=result["lower_bound"],
        size=size,
        seed=seed,
        time_limit_s=time_limit_s,
        method=method,
    )


def after_move(*, rounds: Rounds, person: Person, round_index: int, to_group: int) -> Rounds:
    """The plan with `person` (and whoever must stay with them) moved to group `to_group` of
    one round, recounted; nothing else changes. A group left empty disappears. The lower bound
    stays the planned sizes' one: a move that makes sizes uneven may need more repeats."""
    row = _round(rounds, round_index)
    if not 0 <= to_group < len(row):
        raise VisitError(
            _("Round %(round)s has no group %(group)s.")
            % {"round": round_index + 1, "group": to_group + 1}
        )
    moving = _unit_keys(rounds.people, person.key)
    if not any(p.key == person.key for group in row for p in group):
        raise VisitError(
            _("%(name)s is in no group of round %(round)s.")
            % {"name": person.name, "round": round_index + 1}
        )
    movers = tuple(p for group in row for p in group if p.key in moving)
    new_row = tuple(
        tuple(p for p in group if p.key not in moving) + (movers if g == to_group else ())
        for g, group in enumerate(row)
    )
    groups = list(rounds.groups)
    groups[round_index] = tuple(group for group in new_row if group)
    return _recounted(rounds, tuple(groups))


def replan_after_dropout(*, rounds: Rounds, person: Person, from_round: int) -> Rounds:
    """The plan without `person` (and their interpreters) from round `from_round` on: earlier
    rounds stay exactly as they were, later ones are planned again (see the module's
    docstring for how pairs met before are avoided, and what the bound then means)."""
    count = len(rounds.groups)
    _round(rounds, from_round)
    unit = _unit_keys(rounds.people, person.key)
    leaving = unit if person.kind == Kind.PARTICIPANT else {person.key}  # with interpreters
    gone = frozenset(range(from_round, count))
    people = [replace(p, absent=p.absent | gone) if p.key in leaving else p for p in rounds.people]
    if from_round == 0:
        return plan_groups(
            people=people,
            rounds=count,
            size=rounds.size,
            seed=rounds.seed,
            time_limit_s=rounds.time_limit_s,
        )
    later = [
        replace(p, absent=frozenset(r - from_round for r in p.absent if r >= from_round))
        for p in people
    ]
    result = _solve(later, count - from_round, rounds.size, rounds.seed, rounds.time_limit_s)
    by_key = {p.key: p for p in people}
    past = tuple(
        tuple(tuple(by_key[p.key] for p in group) for group in row)
        for row in rounds.groups[:from_round]
    )
    planned, method = _arranged(result, people, past=past)
    kept = _kept(rounds.groups[from_round:], by_key, past, _unit_keys_all(people))
    same_counts = [len(row) for row in kept] == [len(row) for row in result["rounds"]]
    groups, method = planned, f"{method}; rounds from {from_round + 1} on planned again"
    if same_counts and _rank(past + kept) <= _rank(planned):
        groups = past + kept
        method = "the later rounds kept without the people who left, evened out by moves"
    return _counted(
        groups,
        people=tuple(people),
        lower_bound=figures(past)[0] + result["lower_bound"],
        size=rounds.size,
        seed=rounds.seed,
        time_limit_s=rounds.time_limit_s,
        method=method,
    )


def rounds_of(
    *,
    groups: tuple[tuple[Group, ...], ...],
    people: tuple[Person, ...],
    lower_bound: int,
    size: int,
    seed: int = 0,
    time_limit_s: float = 5.0,
    method: str = "",
) -> Rounds:
    """A plan kept elsewhere (the database) as `Rounds` again, its figures recounted, so
    `after_move` and `replan_after_dropout` take it as they take `plan_groups`' result."""
    return _counted(
        groups,
        people=people,
        lower_bound=lower_bound,
        size=size,
        seed=seed,
        time_limit_s=time_limit_s,
        method=method,
    )


def _rank(groups) -> tuple[int, int]:
    repeats, _met, mix = figures(groups)
    return repeats, mix.violations


def _kept(later, by_key: dict[str, Person], past, units: dict[str, set[str]]) -> tuple:
    """The later rounds as they were, without whoever `by_key` now marks absent from them
    (the people who left), sizes evened out by moving one person at a time from the largest
    group to the smallest, the move that adds the fewest repeats, then mix violations. Fewer
    people change rooms than with a new plan, so it wins ties."""
    rows = [
        [
            [by_key[p.key] for p in group if by_key[p.key].absent.isdisjoint({past_r})]
            for group in row
        ]
        for past_r, row in enumerate(later, start=len(past))
    ]
    rows = [[group for group in row if group] for row in rows]
    swaps = Swaps(past + tuple(rows), units)
    for row in rows:
        while row:
            sizes = [len(group) for group in row]
            a, b = sizes.index(max(sizes)), sizes.index(min(sizes))
            options = [
                (swaps.move_cost(row, a, b, x), x.key, x)
                for x in row[a]
                if swaps.single(x) and x.kind != Kind.FACILITATOR
            ]
            if sizes[a] - sizes[b] <= 1 or not options:
                break
            *_order, x = min(options, key=lambda option: option[:2])
            swaps.move(row, a, b, x)
    return tuple(tuple(tuple(group) for group in row) for row in rows)


def groups_instance(
    *, people: list[Person], rounds: int, size: int, seed: int, time_limit_s: float
) -> dict:
    """The JSON instance `optim.groups.solve` reads (docs/optim_groups.md), e.g. for a task."""
    together: dict[str, list[str]] = {}
    for p in people:
        if p.kind == Kind.INTERPRETER:
            together.setdefault(p.with_key, [p.with_key]).append(p.key)
    return {
        "participants": [
            {
                "id": p.key,
                "attributes": {
                    "kind": p.kind.value,
                    "facilitator": True if p.kind == Kind.FACILITATOR else None,
                    **{
                        name: (getattr(p, name) or None) if p.kind == Kind.PARTICIPANT else None
                        for name in MIX_ATTRIBUTES
                    },
                },
            }
            for p in people
        ],
        "rounds": rounds,
        "group_size": size,
        # Mixing ranks above spreading in the optimiser; facilitators as the first thing
        # to mix puts them one per group (in a construction, all in one column) without
        # giving up a repeat, where `spread` alone would rank them after countries.
        "mix": ["facilitator", *MIX_ATTRIBUTES],
        "spread": {"attribute": "kind", "value": Kind.FACILITATOR.value},
        "together": list(together.values()),
        "absent": {p.key: sorted(r + 1 for r in p.absent) for p in people if p.absent},
        "seed": seed,
        "time_limit_s": time_limit_s,
    }


# Helpers ------------------------------------------------------------------------------------


def _checked(people: list[Person], rounds: int, size: int) -> list[Person]:
    """The people; VisitError for a size the person planning chose, ValueError for what the
    caller (the service adapting models) got wrong."""
    if not SMALLEST_GROUP <= size <= LARGEST_GROUP:
        raise VisitError(
            _("Groups have %(smallest)s to %(largest)s people.")
            % {"smallest": SMALLEST_GROUP, "largest": LARGEST_GROUP},
            field="size",
        )
    if rounds < 1:
        raise ValueError("rounds: at least 1")
    kinds = {p.key: p.kind for p in people}
    if len(kinds) != len(people):
        raise ValueError("people: two share a key")
    for p in people:
        if (p.kind == Kind.INTERPRETER) != bool(p.with_key):
            raise ValueError(f"{p.key}: an interpreter, and only an interpreter, has a with_key")
        if p.with_key and kinds.get(p.with_key) != Kind.PARTICIPANT:
            raise ValueError(f"{p.key}: with_key {p.with_key!r} is not a participant planned")
        if any(not 0 <= r < rounds for r in p.absent):
            raise ValueError(f"{p.key}: absent from a round that is not 0 to {rounds - 1}")
    return list(people)


def _with_interpreters_absent(people: list[Person]) -> list[Person]:
    absent = {p.key: p.absent for p in people}
    return [
        replace(p, absent=p.absent | absent[p.with_key]) if p.kind == Kind.INTERPRETER else p
        for p in people
    ]


def _solve(people: list[Person], rounds: int, size: int, seed: int, time_limit_s: float) -> dict:
    instance = groups_instance(
        people=people, rounds=rounds, size=size, seed=seed, time_limit_s=time_limit_s
    )
    try:
        return solve(instance)
    except InstanceError as error:  # e.g. too many interpreters to fit the groups
        raise VisitError(_("The groups cannot be made: %(reason)s") % {"reason": error}) from error


def _arranged(result: dict, people: list[Person], *, past) -> tuple[tuple, str]:
    """The optimiser's rounds after `past` as people, facilitators spread one per group and,
    where there is a past, people swapped apart from those they met in it."""
    by_key = {p.key: p for p in people}
    rows = [[[by_key[key] for key in group] for group in row] for row in result["rounds"]]
    swaps = Swaps(past + tuple(rows), _unit_keys_all(people))
    method = result["method"]
    before = sum(m - 1 for m in swaps.met.values() if m > 1)
    if spread_facilitators(swaps, rows):
        added = sum(m - 1 for m in swaps.met.values() if m > 1) - before
        method += f"; facilitators then moved to one per group ({added} repeated pairs more)"
    if past:
        swap_apart(swaps, rows)
    return past + tuple(tuple(tuple(group) for group in row) for row in rows), method


def _round(rounds: Rounds, index: int) -> tuple[Group, ...]:
    if not 0 <= index < len(rounds.groups):
        raise VisitError(_("There is no round %(round)s.") % {"round": index + 1})
    return rounds.groups[index]


def _unit_keys_all(people: list[Person] | tuple[Person, ...]) -> dict[str, set[str]]:
    """For each key, the keys that must share their group: a participant and interpreters."""
    units: dict[str, set[str]] = {p.key: {p.key} for p in people}
    for p in people:
        if p.kind == Kind.INTERPRETER:
            units[p.with_key].add(p.key)
    for p in people:
        if p.kind == Kind.INTERPRETER:
            units[p.key] = units[p.with_key]
    return units


def _unit_keys(people: tuple[Person, ...], key: str) -> set[str]:
    units = _unit_keys_all(people)
    if key not in units:
        raise VisitError(_("This person is not in these groups."))
    return units[key]


def _recounted(rounds: Rounds, groups: tuple[tuple[Group, ...], ...]) -> Rounds:
    return _counted(
        groups,
        people=rounds.people,
        lower_bound=rounds.lower_bound,
        size=rounds.size,
        seed=rounds.seed,
        time_limit_s=rounds.time_limit_s,
        method=rounds.method,
    )


def _counted(groups: tuple[tuple[Group, ...], ...], **fields) -> Rounds:
    repeats, met_again, mix = figures(groups)
    return Rounds(groups=groups, repeated_pairs=repeats, mix=mix, met_again=met_again, **fields)
