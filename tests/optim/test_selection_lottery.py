"""Lottery mode: draws as likely as their chances, the seed choosing only the draw, true reasons."""

import copy
import math

from citypeers.optim.selection import solve
from tests.optim.selection_checker import violations
from tests.optim.selection_instances import SIX

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
