"""The tabu search over swaps: its running counts stay true, it never ends worse than it
started, and its work is counted in move evaluations (so the clock never changes a result)."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim.group_input import parse
from citypeers.optim.group_search import Search
from citypeers.optim.group_start import greedy_groups
from tests.optim.group_instances import instances


def started(data: dict, seed: int = 0) -> Search:
    problem = parse(data).problem
    problem.lower = 0
    rng = random.Random(seed)
    groups, _work = greedy_groups(problem, rng)
    return Search(problem, rng, groups)


def counted_afresh(search: Search) -> tuple[int, int, int]:
    fresh = Search(search.p, random.Random(0), search.where)
    return fresh.repeats, fresh.mixing, fresh.spreading


def group_sizes_valid(search: Search) -> bool:
    return all(
        all(lo <= len(group) <= hi for group in search.people[r])
        for r, (lo, hi) in enumerate(search.sizes)
        if search.p.k[r]
    )


def parsed_or_none(data: dict):
    try:
        return started(data)
    except Exception as error:  # together sets that cannot fit are refused when read
        assert type(error).__name__ == "InstanceError"
        return None


@settings(max_examples=80, deadline=None)
@given(instances(), st.data())
def test_each_move_changes_the_counts_by_its_delta_and_keeps_sizes_and_together_sets(data, draw):
    search = parsed_or_none(data)
    if search is None:
        return
    for _ in range(draw.draw(st.integers(1, 12))):
        moves = [
            (r, u, b, v)
            for r in range(len(search.where))
            for u, g in enumerate(search.where[r])
            if g >= 0
            for b, v in search.moves(r, u)
        ]
        if not moves:
            break
        r, u, b, v = draw.draw(st.sampled_from(moves))
        before = (search.repeats, search.mixing, search.spreading)
        delta = search.delta(r, u, b, v)
        search.apply(r, u, b, v)
        after = (search.repeats, search.mixing, search.spreading)
        assert tuple(a - b for a, b in zip(after, before, strict=True)) == delta
        assert after == counted_afresh(search)
        assert group_sizes_valid(search)


@settings(max_examples=60, deadline=None)
@given(instances(), st.integers(0, 5000))
def test_the_search_never_ends_worse_than_it_started(data, budget):
    search = parsed_or_none(data)
    if search is None:
        return
    start = search.cost()
    best, work = search.run(budget)
    assert search.cost() <= start and search.where == best
    assert (search.repeats, search.mixing, search.spreading) == counted_afresh(search)
    assert group_sizes_valid(search)
    if budget == 0:
        assert work == 0 and search.steps == 0


def test_the_same_seed_and_budget_give_the_same_groups_and_the_same_work():
    data = {"participants": [{"id": i} for i in range(12)], "rounds": 4, "group_size": 3}
    first, second = started(data, seed=3), started(data, seed=3)
    assert first.run(20_000) == second.run(20_000)
    assert first.steps == second.steps > 0


def test_the_work_is_counted_in_move_evaluations_and_stops_at_the_budget():
    # 6 people in 2 groups over 6 rounds: repeats cannot be avoided, so the search goes on.
    data = {"participants": [{"id": i} for i in range(6)], "rounds": 6, "group_size": 3}
    search = started(data)
    _groups, work = search.run(3000)
    # One step past the budget at most: a step costs 8 + 6 * 2 * 9 // 4 for looking, and one
    # unit per move tried (16 draws of a unit, 3 swaps each).
    assert 3000 <= work < 3000 + 8 + 27 + 16 * 3
    assert search.steps >= 1


def test_relabelling_improves_the_mixing_and_leaves_every_pair_count_alone():
    countries = [{"id": i, "attributes": {"c": "PT" if i < 4 else f"X{i}"}} for i in range(8)]
    data = {"participants": countries, "rounds": 3, "group_size": 4, "mix": ["c"]}
    problem = parse(data).problem
    problem.lower = 0
    # Every round puts the four from Portugal together: 3 too many of them in one group.
    where = [[0, 0, 0, 0, 1, 1, 1, 1] for _ in range(3)]
    search = Search(problem, random.Random(1), where)
    assert search.mixing > 0
    meetings = [row[:] for row in search.meet]
    repeats = search.repeats
    work = search.relabel(10_000)
    assert work > 0 and search.mixing == 0
    assert search.repeats == repeats
    assert sorted(map(sorted, meetings)) == sorted(map(sorted, search.meet))
    assert (search.repeats, search.mixing, search.spreading) == counted_afresh(search)
