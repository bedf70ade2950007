"""Proven lower bounds on the repeated pairs: each of the three, and never above the optimum."""

from citypeers.optim.group_bounds import even_split_pairs, lower_bound, pigeonhole


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
