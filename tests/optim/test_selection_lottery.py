"""Lottery mode: leximin chances (checked against brute force), honest draws, true reasons."""

import copy
import math

import pytest
from hypothesis import HealthCheck, given, settings

from citypeers.optim.milp import INFINITY, HighsSolver, RowBuilder
from citypeers.optim.selection import solve
from tests.optim.test_selection_checks import eligible, feasible_assignments, violations
from tests.optim.test_selection_properties import instances

DRAWS = 2000


def leximin(instance: dict) -> dict[str, float]:
    """The leximin chances by brute force: every feasible selection, and one LP per question.

    Each round finds the largest z every unfixed applicant can have (fixed ones keeping
    theirs), then fixes those who cannot have more than z while the others keep z.
    """
    people = [
        p for p in instance["applicants"] if any(eligible(instance, p, v) for v in p["preferences"])
    ]
    ids = [p["id"] for p in people]
    chosen = {
        frozenset(a for a, v in assignment.items() if v is not None)
        for assignment in feasible_assignments(instance)
    }
    selections = sorted(chosen, key=sorted)
    fixed: dict[str, float] = {}
    while len(fixed) < len(ids):
        z = _best(ids, selections, fixed, target=None, floor=None)
        unfixed = [a for a in ids if a not in fixed]
        capped = [
            a for a in unfixed if _best(ids, selections, fixed, target=a, floor=z) <= z + 1e-7
        ]
        for applicant in capped or unfixed[:1]:
            fixed[applicant] = z
    return fixed


def _best(ids, selections, fixed, *, target, floor) -> float:
    """max z (target None) or max chance of `target` with every unfixed chance >= floor."""
    rows, count = RowBuilder(), len(selections)
    rows.add(list(range(count)), [1.0] * count, 1.0, 1.0)
    for applicant in ids:
        columns = [c for c, selection in enumerate(selections) if applicant in selection]
        if applicant in fixed:
            rows.add(columns, [1.0] * len(columns), fixed[applicant] - 1e-9, INFINITY)
        elif target is None:
            rows.add([*columns, count], [1.0] * len(columns) + [-1.0], 0.0, INFINITY)
        else:
            rows.add(columns, [1.0] * len(columns), floor - 1e-9, INFINITY)
    if target is None:
        cost = [0.0] * count + [1.0]
    else:
        cost = [1.0 if target in selection else 0.0 for selection in selections] + [0.0]
    model = rows.model(
        cost, upper=[1.0] * count + [1.0], integral=[False] * (count + 1), maximise=True
    )
    solution = HighsSolver().solve(model, relax=True)
    assert solution.objective is not None
    return solution.objective


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(mode="lottery", most=6) | instances(mode="lottery", most=6, crowded=True))
def test_the_chances_are_the_leximin_ones(instance):
    result = solve(copy.deepcopy(instance))
    if result["status"] == "infeasible":
        return
    expected = leximin(instance)
    for applicant in instance["applicants"]:
        chance = result["chances"][applicant["id"]]
        assert chance == pytest.approx(expected.get(applicant["id"], 0.0), abs=1e-5)


SIX = {
    "visits": [
        {"id": "porto", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]},
        {
            "id": "gent",
            "capacity": 1,
            "quotas": [{"attribute": "size", "value": "small", "min_share": 1}],
        },
    ],
    "applicants": [
        {
            "id": "a",
            "preferences": ["porto"],
            "score": 9,
            "attributes": {"country": "PT", "size": "large"},
        },
        {
            "id": "b",
            "preferences": ["porto"],
            "score": 8,
            "attributes": {"country": "PT", "size": "small"},
        },
        {
            "id": "c",
            "preferences": ["porto", "gent"],
            "score": 7,
            "attributes": {"country": "ES", "size": "small"},
        },
        {
            "id": "d",
            "preferences": ["gent", "porto"],
            "score": 6,
            "attributes": {"country": "FI", "size": "large"},
        },
        {
            "id": "e",
            "preferences": ["gent"],
            "score": 5,
            "attributes": {"country": "FI", "size": "small"},
        },
        {
            "id": "f",
            "preferences": ["porto"],
            "score": 2,
            "attributes": {"country": "IT", "size": "large"},
        },
    ],
    "options": {"mode": "lottery", "threshold": 3},
}


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


def test_someone_no_selection_can_include_gets_chance_zero_and_is_told_why():
    instance = copy.deepcopy(SIX)
    # h asked only for gent, which takes only people from small towns; h is from a large one.
    instance["applicants"].append(
        {
            "id": "h",
            "preferences": ["gent"],
            "score": 9,
            "attributes": {"country": "SE", "size": "large"},
        }
    )
    result = solve(instance)
    assert result["chances"]["h"] == 0.0
    assert not any(assignment["h"] for assignment in feasible_assignments(instance))
    assert result["decisions"]["h"]["reason"] == (
        "not selected: no selection that keeps every quota and capacity can include them"
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
