"""A first schedule: round sizes, together sets packed into groups, and the greedy start."""

import random
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.group_input import parse
from citypeers.optim.group_start import greedy_groups, pack, round_sizes
from tests.optim.group_instances import instances


@given(st.integers(0, 200), st.integers(1, 40))
def test_round_sizes_differ_by_at_most_one_and_add_up(present, k):
    small, big_size, big = round_sizes(present, k)
    assert big * big_size + (k - big) * small == present
    assert big_size - small <= 1 and 0 <= big < k


def fits(weights: list[int], k: int, present: int) -> bool:
    """By brute force: some groups for the units of two or more keep the round's sizes."""
    small, big_size, big = round_sizes(present, k)
    units = [w for w in weights if w > 1]
    for groups in product(range(k), repeat=len(units)):
        loads = [0] * k
        for w, g in zip(units, groups, strict=True):
            loads[g] += w
        if all(load <= big_size for load in loads) and sum(load > small for load in loads) <= big:
            return True
    return False


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=7), st.integers(1, 4))
def test_together_sets_are_packed_exactly_when_they_fit(weights, k):
    present = sum(weights)
    chosen = pack(weights, k, present)
    assert (chosen is not None) == fits(weights, k, present)
    if chosen is not None:
        small, big_size, big = round_sizes(present, k)
        loads = [0] * k
        for w, g in zip(weights, chosen, strict=True):
            if w > 1:
                loads[g] += w
        assert max(loads) <= big_size and sum(load > small for load in loads) <= big


@settings(max_examples=80, deadline=None)
@given(instances())
def test_the_greedy_start_keeps_every_hard_rule(data):
    try:
        problem = parse(data).problem
    except InstanceError:
        return
    groups, work = greedy_groups(problem, random.Random(0))
    assert work >= 0
    for r, row in enumerate(groups):
        here = set(problem.present[r])
        members: list[list[int]] = [[] for _ in range(problem.k[r])]
        for u, g in enumerate(row):
            people = [x for x in problem.units[u] if x in here]
            assert (g >= 0) == bool(people)  # a unit with nobody present has no group
            if people:
                members[g].extend(people)
        assert sorted(x for group in members for x in group) == sorted(here)
        if here:
            sizes = [len(group) for group in members]
            assert max(sizes) - min(sizes) <= 1


def test_the_preferred_groups_are_taken_where_there_is_room():
    problem = parse(
        {"participants": [{"id": i} for i in range(6)], "rounds": 1, "groups": 2}
    ).problem
    preferred = [[1, 1, 1, 0, 0, 0]]
    groups, _work = greedy_groups(problem, random.Random(0), preferred)
    assert groups == preferred
