"""`selection.solve`, the public entry point: worked examples, determinism and time limits.

Each module behind it has its own tests (test_selection_input.py, test_selection_model.py,
...); the properties of the whole `solve` on random instances are in
test_selection_properties.py.
"""

import copy
import dataclasses
import json

import pytest

from citypeers.optim.milp import HighsSolver, Solution
from citypeers.optim.selection import run, solve
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_model import build
from tests.optim.selection_checker import violations
from tests.optim.selection_instances import crowd, doc_block, person

# The documented example ------------------------------------------------------------------------


def test_the_documented_example_gives_the_documented_result():
    instance = doc_block("example instance")
    assert solve(instance) == doc_block("example result")


def test_the_documented_lottery_chances_are_the_lotterys():
    instance = doc_block("example instance")
    instance["options"] |= {"mode": "lottery", "seed": 7}
    assert solve(instance)["chances"] == doc_block("example chances")


# Merit -------------------------------------------------------------------------------------


def test_a_higher_weighted_score_wins_and_the_reason_says_so():
    instance = {
        "visits": [{"id": "oulu", "capacity": 1}],
        "applicants": [person("high", ["oulu"], 9), person("low", ["oulu"], 4)],
    }
    result = solve(instance)
    assert result["assignments"] == {"oulu": ["high"]}
    assert result["decisions"]["high"]["reason"] == "selected for preference 1 (oulu)"
    assert result["decisions"]["low"]["reason"] == (
        "not selected: preference 1 (oulu): the place went to an applicant with a higher or "
        "equal weighted score"
    )
    assert result["status"] == "optimal" and result["objective"] == result["bound"] == 9


def test_preference_weights_trade_a_first_choice_against_a_better_second():
    instance = {
        "visits": [{"id": "a", "capacity": 1}, {"id": "b", "capacity": 1}],
        "applicants": [person("x", ["a", "b"], 10), person("y", ["a"], 7)],
        "options": {"preference_weights": [1.0, 0.5]},
    }
    result = solve(instance)  # y at a (7) and x at b (10 x 0.5) make 12, x alone at a 10
    assert result["assignments"] == {"a": ["y"], "b": ["x"]}
    assert result["decisions"]["x"] == {
        "visit": "b",
        "preference": 2,
        "reason": "selected for preference 2 (b)",
        "why": {"code": "selected", "preference": 2, "visit": "b"},
    }
    assert result["objective"] == 12


@pytest.mark.parametrize(
    ("kind", "share", "small", "places"),
    [
        ("min_share", 0.28, 7, 25),  # 0.28 * 25 is 7.000000000000001 in floats: 7 would fail
        ("max_share", 0.57, 57, 100),  # 0.57 * 100 is 56.99999999999999: 57 would fail
        ("min_share", 0.3, 3, 10),
        ("max_share", 0.3, 3, 10),
    ],
)
def test_shares_are_exact_fractions_not_floats(kind, share, small, places):
    people = [person(f"s{i}", ["riga"], 1, size="small") for i in range(small)]
    people += [person(f"l{i}", ["riga"], 1, size="large") for i in range(places - small)]
    instance = {
        "visits": [
            {
                "id": "riga",
                "capacity": places,
                "quotas": [{"attribute": "size", "value": "small", kind: share}],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert len(result["assignments"]["riga"]) == places and result["status"] == "optimal"
    assert violations(instance, result) == []


def test_max_per_organisation_applies_at_every_visit():
    instance = {
        "visits": [{"id": "a", "capacity": 3}, {"id": "b", "capacity": 3}],
        "applicants": [
            person(f"p{i}", ["a", "b"], 10 - i, organisation="city hall") for i in range(5)
        ],
        "options": {"max_per_organisation": 2},
    }
    result = solve(instance)
    assert [len(ids) for ids in result["assignments"].values()] == [2, 2]
    assert violations(instance, result) == []


def test_the_lp_relaxation_is_timed_and_gives_the_bound():
    instance = {
        "visits": [{"id": "v", "capacity": 2}],
        "applicants": [person(f"p{i}", ["v"], i) for i in range(5)],
    }
    outcome = run(instance)
    assert outcome.seconds["lp"] > 0 and outcome.seconds["total"] >= outcome.seconds["lp"]
    assert "milp" not in outcome.seconds  # the LP solution was integral: no branch and bound
    assert outcome.result["bound"] == outcome.result["objective"] == 7


# Determinism, output and limits ----------------------------------------------------------------


@pytest.mark.parametrize("mode", ["merit", "lottery"])
def test_the_same_instance_and_seed_give_byte_identical_json(mode):
    instance = doc_block("example instance")
    instance["options"] |= {"mode": mode, "seed": 3}
    first, second = (json.dumps(solve(copy.deepcopy(instance)), sort_keys=True) for _ in range(2))
    assert first == second


def test_nothing_is_written_on_standard_output(capfd):
    solve(doc_block("example instance"))
    assert capfd.readouterr().out == ""


def test_a_solver_stopped_by_the_time_limit_gives_a_feasible_selection_and_its_gap(monkeypatch):
    solve_for_real = HighsSolver.solve

    def stopped_early(self, model, *, relax=False):
        solution = solve_for_real(self, model, relax=relax)
        if relax:  # an LP solution that is not integral (and a looser bound), so that branch
            # and bound runs and its bound is the tighter
            lp_bound = solution.objective + 100
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5, bound=lp_bound)
        return dataclasses.replace(solution, status="feasible", bound=solution.objective + 7)

    monkeypatch.setattr(HighsSolver, "solve", stopped_early)
    instance = crowd({})
    result = solve(instance)
    assert result["status"] == "feasible"
    assert result["bound"] - result["objective"] == pytest.approx(7)
    assert result["gap"] == pytest.approx(7 / result["objective"], abs=1e-6)
    assert violations(instance, result) == []


def test_a_solver_stopped_early_reports_the_lp_relaxations_bound_when_tighter(monkeypatch):
    solve_for_real = HighsSolver.solve

    def loose_bound(self, model, *, relax=False):
        solution = solve_for_real(self, model, relax=relax)
        if relax:  # an LP solution that is not integral, so that branch and bound runs
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5)
        # Stopped early, HiGHS's own bound can be far looser than the root LP's (measured: 6x).
        return dataclasses.replace(solution, status="feasible", bound=solution.objective * 6)

    monkeypatch.setattr(HighsSolver, "solve", loose_bound)
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    lp_bound = solve_for_real(HighsSolver(), model, relax=True).objective
    result = solve(crowd({}))
    assert result["status"] == "feasible" and result["bound"] == round(lp_bound, 6)


def test_without_a_selection_in_the_time_the_lp_relaxation_still_gives_the_bound(monkeypatch):
    solve_for_real = HighsSolver.solve

    def out_of_time(self, model, *, relax=False):
        if relax:  # an LP solution that is not integral, so that branch and bound runs
            solution = solve_for_real(self, model, relax=True)
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5)
        return Solution("no_solution", None, None, None, None, 0.0)

    monkeypatch.setattr(HighsSolver, "solve", out_of_time)
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    lp_bound = HighsSolver().solve(model, relax=True).objective
    result = solve(crowd({}))
    assert result["status"] == "time_limit" and result["objective"] is None
    assert result["bound"] == round(lp_bound, 6) and result["gap"] is None


def test_a_tiny_time_limit_still_gives_a_valid_answer():
    instance = crowd({"time_limit_s": 0.001})
    result = solve(instance)
    assert result["status"] in ("optimal", "feasible", "time_limit")
    assert violations(instance, result) == []
    json.dumps(result)
