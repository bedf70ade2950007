"""Proven lower bounds on the repeated pairs: each of the three, and never above the optimum."""

from collections import Counter
from itertools import combinations, product

from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim.group_bounds import even_split_pairs, lower_bound, pigeonhole
from citypeers.optim.group_input import group_sizes
from tests.optim.group_instances import partitions


def test_even_split_and_pigeonhole():
    assert even_split_pairs(6, 4) == 2 and even_split_pairs(3, 4) == 0
    assert even_split_pairs(10, 3) == 3 + 3 + 6
    assert pigeonhole([6, 6, 6, 6], 24, 4) == 8
    # Three of a round's people were absent from the earlier round: put them where it helps.
    assert pigeonhole([4, 4], 5, 2) == 1 + 0


def test_bound_counts_pairs_people_and_forced_pairs():
    everyone = frozenset(range(16))
    six_rounds = lower_bound(16, [everyone] * 6, [[4] * 4] * 6, [])
    assert six_rounds.pairs == 24 == six_rounds.value  # 6 * 24 meetings, 120 pairs
    together = lower_bound(6, [frozenset(range(6))] * 3, [[3, 3]] * 3, [[0, 1]])
    assert together.pairs >= 2  # the pair meets in all 3 rounds
    # p0 is only there in round 1 with p1: the others can only meet each other.
    apart = lower_bound(
        4, [frozenset({0, 1}), frozenset({1, 2, 3}), frozenset({1, 2, 3})], [[2], [3], [3]], []
    )
    assert apart.value == 3


def fewest_repeats(present: list[list[int]], sizes: list[list[int]]) -> int:
    """By brute force: the fewest repeated pairs of any schedule with these rounds."""
    layouts = [
        [[pair for g in p for pair in combinations(g, 2)] for p in partitions(people, size)]
        if people
        else [[]]
        for people, size in zip(present, sizes, strict=True)
    ]
    best = None
    for chosen in product(*layouts):
        met = Counter(pair for layout in chosen for pair in layout)
        value = sum(m - 1 for m in met.values())
        best = value if best is None else min(best, value)
    return best


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 6), st.integers(2, 3), st.integers(2, 3), st.data())
def test_no_schedule_has_fewer_repeats_than_the_bound(n, k, rounds, data):
    present = [
        sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=0, max_size=n)))
        for _ in range(rounds)
    ]
    sizes = [group_sizes(len(people), min(k, len(people))) if people else [] for people in present]
    bound = lower_bound(n, [frozenset(p) for p in present], sizes, [])
    assert max(bound.pairs, bound.people, bound.pigeonhole) == bound.value >= 0
    assert bound.value <= fewest_repeats(present, sizes)


@given(st.integers(0, 12), st.integers(1, 4))
def test_an_even_split_has_the_fewest_pairs_sharing_a_part(x, k):
    every_split = [
        sum(c * (c - 1) // 2 for c in counts)
        for counts in product(range(x + 1), repeat=k)
        if sum(counts) == x
    ]
    assert even_split_pairs(x, k) == min(every_split)
