"""The leximin lottery: each chance checked against brute force over every feasible selection."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings

from citypeers.optim.milp import INFINITY, HighsSolver, RowBuilder, Solution
from citypeers.optim.selection import solve
from citypeers.optim.selection_explain import Selection
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_leximin import OutOfTime
from citypeers.optim.selection_leximin import leximin as leximin_lottery
from tests.optim.selection_checker import eligible, feasible_assignments
from tests.optim.selection_instances import SIX, instances, person


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


def problem_of(instance: dict):
    return parse(copy.deepcopy(instance))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(mode="lottery", most=6, crowded=True))
def test_a_lottery_is_a_distribution_over_selections_that_keep_every_quota(instance):
    problem = problem_of(instance)
    found = leximin_lottery(problem, HighsSolver())
    if found is None:
        assert not any(True for _ in feasible_assignments(instance))
        return
    assert found.complete and sum(found.probabilities) == pytest.approx(1)
    for selected in found.selections:
        selection = Selection.of(problem, dict(selected))
        assert all(not r.violations() and r.size <= r.visit.capacity for r in selection.rosters)
    for applicant, chance in found.chances.items():
        held = sum(
            p
            for s, p in zip(found.selections, found.probabilities, strict=True)
            if applicant in dict(s)
        )
        assert chance == pytest.approx(held, abs=1e-9)
    assert found.smallest == pytest.approx(
        min((c for c in found.chances.values() if c > 1e-9), default=0)
    )
    assert found.bound >= found.smallest - 1e-9


def test_alike_applicants_get_the_same_chance():
    # Four from Portugal and one from Spain for two places, one per country: leximin gives
    # the Spaniard a place always and shares the other evenly among the four.
    people = [person(f"pt{i}", ["v"], country="PT") for i in range(4)]
    instance = {
        "visits": [
            {"id": "v", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]}
        ],
        "applicants": [*people, person("es", ["v"], country="ES")],
        "options": {"mode": "lottery"},
    }
    found = leximin_lottery(problem_of(instance), HighsSolver())
    assert [round(found.chances[a], 6) for a in range(5)] == [0.25, 0.25, 0.25, 0.25, 1.0]
    assert found.smallest == pytest.approx(0.25) and found.bound == pytest.approx(0.25)


def test_no_selection_that_keeps_the_quotas_is_no_lottery():
    instance = {
        "visits": [
            {"id": "v", "capacity": 1, "quotas": [{"attribute": "s", "value": "x", "min": 2}]}
        ],
        "applicants": [person("a", ["v"], s="x")],
        "options": {"mode": "lottery"},
    }
    assert leximin_lottery(problem_of(instance), HighsSolver()) is None


def test_out_of_time_before_any_selection_is_said_so(monkeypatch):
    def out_of_time(self, model, *, relax=False):
        return Solution("no_solution", None, None, None, None, 0.0)

    monkeypatch.setattr(HighsSolver, "solve", out_of_time)
    with pytest.raises(OutOfTime):
        leximin_lottery(problem_of(SIX), HighsSolver())
    assert solve(copy.deepcopy(SIX))["status"] == "time_limit"
