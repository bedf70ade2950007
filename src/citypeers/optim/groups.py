"""Breakout groups over several rounds in which no two people meet twice where possible.

    solve(instance) -> result            (see docs/optim_groups.md for the format)

Hard: everyone present is in exactly one group per round, absentees in none, groups of a
round differ in size by at most one, `together` sets share a group. Then, in this order:
fewest repeated pairs, mixing (`mix`), spread (`spread`). A construction from
`designs.py` is used where one fits, people are relabelled for mixing (a relabelling keeps
every pair count), and the tabu search of `group_search.py` takes over where the
construction does not reach the lower bound of `group_bounds.py`. Only `seconds` depends on
the clock: the search budget is counted in move evaluations. The instance is read and
checked by `group_input.py`.
"""

import random
import time
from itertools import combinations
from typing import Any

from citypeers.optim.designs import Design, candidate_designs
from citypeers.optim.group_bounds import lower_bound
from citypeers.optim.group_input import Parsed, group_sizes, groups_for, parse
from citypeers.optim.group_search import Search
from citypeers.optim.group_start import Problem, greedy_groups

# The search budget is time_limit_s * WORK_PER_SECOND units of work (move evaluations, two
# each where mix or spread is asked for: about what one core of the machine it was tuned on
# does in a second), so results never depend on the clock.
WORK_PER_SECOND = 850_000


def solve(instance: Any) -> dict:
    began = time.perf_counter()
    parsed = parse(instance)
    problem = parsed.problem
    rng = random.Random(parsed.seed)  # noqa: S311 - reproducible on purpose, not secret
    sizes = [
        group_sizes(len(people), k) for people, k in zip(problem.present, problem.k, strict=True)
    ]
    bound = lower_bound(
        problem.n,
        [frozenset(p) for p in problem.present],
        sizes,
        [u for u in problem.units if len(u) > 1],
    )
    problem.lower = bound.value
    budget = max(1000, int(parsed.time_limit_s * WORK_PER_SECOND))
    groups, method = _schedule(parsed, rng, budget)
    rounds = _output_rounds(parsed, groups)
    repeats, mixing, spreading = evaluate(problem, groups)
    if repeats == bound.value > 0:
        method += (
            f"; the lower bound of {bound.value} repeated pairs is met, so no schedule "
            "has fewer (zero repeats is impossible here)"
        )
    elif repeats > bound.value:
        method += f"; the proven lower bound is {bound.value}"
    return {
        "rounds": rounds,
        "repeated_pairs": repeats,
        "lower_bound": bound.value,
        "mix_violations": mixing,
        "spread_violations": spreading,
        "method": method,
        "seconds": round(time.perf_counter() - began, 3),
    }


# Search -------------------------------------------------------------------------------------


def _schedule(parsed: Parsed, rng: random.Random, budget: int) -> tuple[list[list[int]], str]:
    """groups[r][unit] and how they were found: the best (by repeats, then mixing, then
    spread) of a construction, relabelled and searched further, and a search from a greedy
    start. The work budget is shared out: a quarter at most for the relabelling, half of
    what is left for the search from the construction, the rest for the greedy start."""
    problem = parsed.problem
    n, rounds = problem.n, len(problem.present)
    k_all = groups_for(n, parsed)
    designs = candidate_designs(n, k_all, rounds) if n >= 2 else []
    design = min(designs, key=_slot_repeats, default=None)
    tried: list[tuple[int, list[list[int]], str]] = []
    spent = 0
    if design is not None:
        slot_of = _labelling(problem, design.columns)
        preferred = [[-1] * n for _ in range(rounds)]
        for r, groups in enumerate(design.rounds):
            where = {slot: g for g, group in enumerate(groups) for slot in group}
            for person in range(n):
                preferred[r][person] = where[slot_of[person]]
        if parsed.simple:  # everyone present, nobody tied: the construction as it stands
            start = [[preferred[r][unit[0]] for unit in problem.units] for r in range(rounds)]
            search = Search(problem, rng, start)
            spent += search.relabel(budget // 4)
            method = design.method + _changed(" + people relabelled for mixing", search, start)
        else:  # as close to the construction as absences and together sets allow
            start, spent = greedy_groups(problem, rng, preferred)
            search = Search(problem, rng, start)
            method = f"{design.method}, adjusted for absences and together sets"
        if search.cost() > search.floor():
            before = search.cost()
            _groups, work = search.run((budget - spent) // 2)
            spent += work
            if search.cost() < before:
                method += f" + tabu search over swaps ({search.steps} steps)"
        tried.append((search.cost(), [row[:] for row in search.where], method))
        if search.cost() <= search.floor():
            return tried[0][1], tried[0][2]
    start, work = greedy_groups(problem, rng)
    search = Search(problem, rng, start)
    groups, _work = search.run(max(budget - spent - work, 1000))
    method = (
        f"tabu search over swaps from a greedy start ({search.steps} steps, seed {parsed.seed})"
    )
    tried.append((search.cost(), groups, method))
    _cost, groups, method = min(tried, key=lambda t: t[0])
    return groups, method


def _changed(text: str, search: Search, start: list[list[int]]) -> str:
    return text if search.where != start else ""


def _slot_repeats(design: Design) -> int:
    met: dict[tuple[int, int], int] = {}
    for groups in design.rounds:
        for group in groups:
            for pair in combinations(group, 2):
                met[pair] = met.get(pair, 0) + 1
    return sum(m - 1 for m in met.values())


def _labelling(problem: Problem, columns: list[int]) -> list[int]:
    """slot_of[person]: where each person sits in the design. Sorted by spread value, then
    mix values; with the design's columns (whose people never share a group) known, the
    people of each value of the first mix attribute are packed into as few columns as
    possible (best fit, largest first), and each column is rotated so the spread value's
    holders take different positions (groups of round 1) from column to column."""

    def key(x: int) -> tuple:
        return (
            *(not flags[x] for flags in problem.spread),
            *(values[x] if values[x] >= 0 else 1 << 30 for values in problem.mix),
            x,
        )

    order = sorted(range(problem.n), key=key)
    if columns and problem.mix:
        blocks: dict[int, list[int]] = {}
        for x in order:
            blocks.setdefault(problem.mix[0][x] if problem.mix[0][x] >= 0 else -1 - x, []).append(x)
        room, bins = list(columns), [[] for _ in columns]
        for piece in sorted(blocks.values(), key=lambda block: (-len(block), key(block[0]))):
            while piece:
                fits = [i for i in range(len(room)) if room[i] >= len(piece)]
                i = min(fits, key=lambda i: (room[i], i)) if fits else room.index(max(room))
                bins[i] += piece[: room[i]]
                piece, room[i] = piece[room[i] :], max(0, room[i] - len(piece))
        shift = 0
        for i, members in enumerate(bins):
            marked = sum(any(flags[x] for flags in problem.spread) for x in members)
            if members:
                turn = shift % len(members)
                bins[i] = members[-turn:] + members[:-turn] if turn else members
            shift += marked
        order = [x for members in bins for x in members]
    slot_of = [0] * problem.n
    for slot, person in enumerate(order):
        slot_of[person] = slot
    return slot_of


def evaluate(problem: Problem, groups: list[list[int]]) -> tuple[int, int, int]:
    """(repeated pairs, mix violations, spread violations) of groups[r][unit], from scratch."""
    search = Search(problem, random.Random(0), groups)  # noqa: S311 - unused: no search
    return search.repeats, search.mixing, search.spreading


def _output_rounds(parsed: Parsed, groups: list[list[int]]) -> list[list[list[Any]]]:
    problem, rounds = parsed.problem, []
    for r, row in enumerate(groups):
        here = set(problem.present[r])
        members: list[list[int]] = [[] for _ in range(problem.k[r])]
        for u, g in enumerate(row):
            if g >= 0:
                members[g].extend(x for x in problem.units[u] if x in here)
        ordered = sorted(sorted(group) for group in members if group)
        rounds.append([[parsed.ids[x] for x in group] for group in ordered])
    return rounds
