"""Lottery mode: draws as likely as their chances, the seed choosing only the draw, true reasons."""

import copy
import math
import random

from citypeers.optim import selection_lottery
from citypeers.optim.milp import HighsSolver, Solution
from citypeers.optim.selection import solve
from citypeers.optim.selection_input import parse
from tests.optim.selection_checker import violations
from tests.optim.selection_instances import SIX, person

DRAWS = 2000


def test_the_chances_match_the_frequencies_over_many_seeds():
    counts = dict.fromkeys("abcdef", 0)
    for seed in range(DRAWS):
        instance = copy.deepcopy(SIX)
        instance["options"]["seed"] = seed
        result = solve(instance)
        assert violations(instance, result) == []
        for ids in result["assignments"].values():
            for applicant in ids:
                counts[applicant] += 1
    chances = result["chances"]
    assert chances["f"] == 0.0 and counts["f"] == 0  # below the threshold
    for applicant, count in counts.items():
        chance = chances[applicant]
        error = math.sqrt(chance * (1 - chance) / DRAWS)
        assert abs(count / DRAWS - chance) <= 4 * error + 1e-9, (applicant, count, chance)


def test_the_lottery_does_not_depend_on_the_seed_only_the_draw_does():
    drawn = set()
    for seed in range(8):
        instance = copy.deepcopy(SIX)
        instance["options"]["seed"] = seed
        result = solve(instance)
        assert result["chances"] == solve(copy.deepcopy(SIX))["chances"]
        drawn.add(tuple(sorted(a for ids in result["assignments"].values() for a in ids)))
    assert len(drawn) > 1


def test_lottery_reasons_are_true():
    result = solve(copy.deepcopy(SIX))
    chances, decisions = result["chances"], result["decisions"]
    assert decisions["f"]["reason"] == (
        "not selected: no visit they asked for was open to them (preference 1 (porto): their "
        "score is below the lottery threshold)"
    )
    for applicant, decision in decisions.items():
        if decision["visit"] is not None:
            assert decision["reason"].startswith(
                f"drawn in the lottery (chance {chances[applicant]:.4g});"
            )
        elif applicant != "f":
            assert (
                decision["reason"]
                == f"not selected: not drawn in the lottery (chance {chances[applicant]:.4g})"
            )


def test_an_impossible_lottery_reports_the_quota():
    instance = copy.deepcopy(SIX)
    instance["visits"][1] |= {
        "capacity": 3,
        "quotas": [{"attribute": "size", "value": "small", "min": 3}],
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    assert result["infeasible_quotas"][0]["message"].startswith(
        "gent: at least 3 with size = small required, only 2 applied"
    )


def test_the_lottery_is_kept_per_instance_and_the_oldest_forgotten():
    selection_lottery._kept.clear()
    problem = parse(copy.deepcopy(SIX))
    first = selection_lottery.lottery(problem, "six", HighsSolver())
    assert selection_lottery.lottery(problem, "six", HighsSolver()) is first  # not recomputed
    for number in range(selection_lottery.KEEP):
        selection_lottery.lottery(problem, f"other {number}", HighsSolver())
    assert (
        "six" not in selection_lottery._kept
        and len(selection_lottery._kept) == selection_lottery.KEEP
    )


def test_the_same_seed_draws_the_same_selection():
    found = selection_lottery.lottery(parse(copy.deepcopy(SIX)), "six", HighsSolver())
    draws = [selection_lottery.draw(found, random.Random(seed)) for seed in (5, 5, 6)]
    assert draws[0] == draws[1] and all(d in found.selections for d in draws)


def test_the_drawn_are_placed_at_the_best_preferences_the_quotas_allow(monkeypatch):
    instance = {
        "visits": [{"id": "a", "capacity": 1}, {"id": "b", "capacity": 2}],
        "applicants": [person("x", ["a", "b"]), person("y", ["b", "a"]), person("z", ["a", "b"])],
        "options": {"mode": "lottery"},
    }
    problem = parse(instance)
    # Drawn with y at a and x at b: each is moved to their first choice, all stay selected.
    placed = selection_lottery.place(problem, ((0, 1), (1, 0)), HighsSolver())
    assert placed == {0: 0, 1: 1}
    # Out of time, the drawn selection keeps its places.
    monkeypatch.setattr(
        HighsSolver, "solve", lambda *_a, **_k: Solution("no_solution", None, None, None, None, 0.0)
    )
    assert selection_lottery.place(problem, ((0, 1), (2, 0)), HighsSolver()) == {0: 1, 2: 0}
