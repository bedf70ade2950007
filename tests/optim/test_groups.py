"""`groups.solve`: known schedules, the hard rules on random instances, mixing and spread.

The bound's own tests are in test_group_bounds.py, the instance's checks in
test_group_input.py; the tiny instances solved here by brute force test the whole `solve`.
"""

import json
from collections import Counter
from itertools import combinations, product

import pytest
from hypothesis import given, settings

from citypeers.optim import InstanceError
from citypeers.optim.groups import solve
from tests.optim.group_instances import (
    instance,
    instances,
    meetings,
    partitions,
    people,
    repeats,
    stable,
)

ZERO_REPEATS = [
    (15, 3, 7, "Kirkman triple system KTS(15)"),
    (16, 4, 5, "affine plane AG(2,4)"),
    (25, 5, 6, "affine plane AG(2,5)"),
    (24, 4, 5, "difference matrix over Z_6"),
    (24, 5, 6, "affine plane AG(2,5) less 1 point"),
    (48, 4, 8, "difference matrix over Z_12"),
    (48, 5, 8, "difference matrix over Z_10"),
    (48, 6, 8, "TD(6,8)"),
    (80, 4, 8, "difference matrix over Z_20"),
    (80, 5, 8, "TD(5,16)"),
    (80, 6, 8, "difference matrix over Z_14"),
]


@pytest.mark.parametrize(
    ("n", "size", "rounds", "construction"),
    ZERO_REPEATS,
    ids=[f"{n}-people-groups-of-{size}-{rounds}-rounds" for n, size, rounds, _ in ZERO_REPEATS],
)
def test_known_zero_repeat_schedules(n, size, rounds, construction):
    result = solve(instance(n, rounds, group_size=size))
    assert result["repeated_pairs"] == 0 == repeats(result)
    assert result["lower_bound"] == 0 and construction in result["method"]
    assert max(len(g) for groups in result["rounds"] for g in groups) == size


def test_48_people_in_8_groups_of_6_over_8_rounds():
    result = solve(instance(48, 8, groups=8))
    assert result["repeated_pairs"] == 0 and max(meetings(result).values()) == 1
    assert all(sorted(map(len, groups)) == [6] * 8 for groups in result["rounds"])


def test_24_people_in_4_groups_of_6_over_3_rounds_meet_the_bound():
    result = solve(instance(24, 3, groups=4))
    # Each round after the first holds >= 4 * 2 pairs that met in round 1 (6 people from 4
    # groups: at best 2+2+1+1), so >= 16 repeats; 8 pairs meeting in all 3 rounds reach it.
    assert result["repeated_pairs"] == result["lower_bound"] == 16 == repeats(result)
    assert "lower bound of 16 repeated pairs is met" in result["method"]


@pytest.mark.parametrize(
    ("n", "size", "rounds", "bound"), [(16, 4, 6, 24), (9, 3, 5, 9), (15, 3, 8, 15), (24, 6, 4, 24)]
)
def test_more_rounds_than_a_design_allows_meet_the_counting_bound(n, size, rounds, bound):
    result = solve(instance(n, rounds, group_size=size))
    assert result["repeated_pairs"] == result["lower_bound"] == bound


@pytest.mark.parametrize(
    ("n", "k", "rounds"),
    [(5, 2, 3), (6, 2, 2), (6, 2, 3), (7, 2, 3), (8, 2, 3), (6, 3, 4), (7, 3, 3)],
)
def test_the_bound_holds_and_the_search_finds_the_optimum_of_tiny_instances(n, k, rounds):
    small, big = divmod(n, k)
    sizes = [small + 1] * big + [small] * (k - big)
    layouts = [
        [pair for g in p for pair in combinations(g, 2)] for p in partitions(list(range(n)), sizes)
    ]
    best = min(  # round 1 fixed: relabelling people changes nothing
        sum(m - 1 for m in Counter(layouts[0] + [p for i in rest for p in layouts[i]]).values())
        for rest in product(range(len(layouts)), repeat=rounds - 1)
    )
    result = solve(instance(n, rounds, groups=k, time_limit_s=0.1))
    assert result["lower_bound"] <= best == result["repeated_pairs"]


def spread_and_mix(data: dict, result: dict) -> tuple[int, int]:
    """The documented definitions, computed independently of the solver."""
    attributes = {p["id"]: p["attributes"] for p in data["participants"]}
    mix = spread = 0
    for groups in result["rounds"]:
        k = max(len(groups), 1)  # a round with nobody present has no groups
        here = [x for g in groups for x in g]
        totals = Counter(attributes[x]["country"] for x in here)
        facilitators = sum(attributes[x]["role"] == "facilitator" for x in here)
        lo, hi = facilitators // k, -(-facilitators // k)
        for g in groups:
            counts = Counter(attributes[x]["country"] for x in g)
            mix += sum(max(0, c - -(-totals[v] // k)) for v, c in counts.items() if v is not None)
            f = sum(attributes[x]["role"] == "facilitator" for x in g)
            spread += max(0, f - hi) + max(0, lo - f)
    return mix, spread


@settings(max_examples=150, deadline=None)
@given(instances())
def test_every_schedule_keeps_the_hard_rules(data):
    try:
        result = solve(data)
    except InstanceError as error:  # together sets too large for the groups: said so
        assert str(error).startswith("together")
        return
    absent = {key: set(rounds) for key, rounds in data.get("absent", {}).items()}
    ids = [p["id"] for p in data["participants"]]
    assert len(result["rounds"]) == data["rounds"]
    for number, groups in enumerate(result["rounds"], start=1):
        here = [x for x in ids if number not in absent.get(x, ())]
        assert sorted(x for g in groups for x in g) == sorted(here)
        if here:
            k = data.get("groups") or -(-len(here) // data.get("group_size", 1))
            assert len(groups) == min(k, len(here))
            assert max(map(len, groups)) - min(map(len, groups)) <= 1
        for members in data.get("together", []):
            assert len({i for i, g in enumerate(groups) for x in g if x in members}) <= 1
    assert result["repeated_pairs"] == repeats(result) >= result["lower_bound"] >= 0
    assert (result["mix_violations"], result["spread_violations"]) == spread_and_mix(data, result)
    assert stable(solve(data)) == stable(result)


def test_the_same_seed_gives_the_same_schedule_and_another_seed_may_not():
    data = instance(21, 5, group_size=3, time_limit_s=0.05)
    assert stable(solve(data | {"seed": 4})) == stable(solve(data | {"seed": 4}))
    assert json.loads(json.dumps(solve(data)))["rounds"]


def test_mixing_puts_each_country_in_a_column_of_the_design():
    countries = [c for c in ["PT", "ES", "FI", "PL", "IT"] for _ in range(5)]
    data = {
        "participants": people(25, country=countries),
        "rounds": 5,
        "group_size": 5,
        "mix": ["country"],
    }
    result = solve(data)
    assert result["repeated_pairs"] == 0 and result["mix_violations"] == 0


def test_spread_places_one_facilitator_per_group():
    roles = ["facilitator"] * 4 + ["member"] * 12
    data = {
        "participants": people(16, role=roles),
        "rounds": 4,
        "group_size": 4,
        "spread": [{"attribute": "role", "value": "facilitator"}],
    }
    result = solve(data)
    assert result["repeated_pairs"] == 0 and result["spread_violations"] == 0
    for groups in result["rounds"]:
        assert all(sum(x in {"p0", "p1", "p2", "p3"} for x in g) == 1 for g in groups)


def test_absent_and_together_with_whole_number_ids():
    data = {
        "participants": [{"id": i} for i in range(12)],
        "rounds": 3,
        "group_size": 3,
        "absent": {"5": [2]},
        "together": [[0, 1]],
    }
    result = solve(data)
    assert all(5 not in g for g in result["rounds"][1])
    assert all(any({0, 1} <= set(g) for g in groups) for groups in result["rounds"])
    assert result["lower_bound"] >= 2 and result["repeated_pairs"] == result["lower_bound"]
