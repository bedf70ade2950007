"""The selection as a MILP: its integer points are exactly the selections that keep every
capacity and quota, shares in small exact coefficients, and slacks that make any instance
feasible."""

import copy
from fractions import Fraction

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeers.optim.milp import HighsSolver
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_model import build, chosen_pairs, equivalent_share
from tests.optim.selection_checker import feasible_assignments
from tests.optim.selection_instances import instances, person


def rows_hold(model, x: np.ndarray) -> bool:
    for r in range(model.rows):
        span = slice(model.row_start[r], model.row_start[r + 1])
        total = float(np.dot(model.row_value[span], x[model.row_index[span]]))
        if not model.row_lower[r] - 1e-9 <= total <= model.row_upper[r] + 1e-9:
            return False
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(most=5) | instances(most=5, crowded=True))
def test_the_models_integer_points_are_exactly_the_feasible_selections(instance):
    problem = parse(copy.deepcopy(instance))
    model = build(problem, problem.pairs, [p.value for p in problem.pairs]).model
    ids = [person["id"] for person in instance["applicants"]]
    visit_ids = [visit["id"] for visit in instance["visits"]]
    column = {(p.applicant, p.visit): c for c, p in enumerate(problem.pairs)}
    feasible = {tuple(sorted(a.items(), key=str)) for a in feasible_assignments(instance)}
    # Every way of giving each applicant at most one of their eligible pairs.
    choices = [[None] + [p for p in problem.pairs if p.applicant == a] for a in range(len(ids))]
    checked = 0

    def walk(applicant: int, chosen: list) -> None:
        nonlocal checked
        if applicant == len(ids):
            x = np.zeros(model.columns)
            for pair in chosen:
                x[column[pair.applicant, pair.visit]] = 1
            assignment = dict.fromkeys(ids)
            for pair in chosen:
                assignment[ids[pair.applicant]] = visit_ids[pair.visit]
            key = tuple(sorted(assignment.items(), key=str))
            assert rows_hold(model, x) == (key in feasible), assignment
            checked += 1
            return
        for pair in choices[applicant]:
            walk(applicant + 1, chosen if pair is None else [*chosen, pair])

    walk(0, [])
    assert checked >= len(feasible)


@settings(max_examples=300, deadline=None)
@given(st.fractions(0, 1, max_denominator=1000), st.integers(1, 25), st.booleans())
def test_a_share_is_replaced_by_the_simplest_one_that_accepts_the_same_selections(
    share, most, lower
):
    simple = equivalent_share(share, most, lower=lower)
    assert simple.denominator <= most  # small coefficients in the model's row
    for size in range(1, most + 1):
        for count in range(size + 1):
            if lower:
                assert (Fraction(count, size) >= simple) == (Fraction(count, size) >= share)
            else:
                assert (Fraction(count, size) <= simple) == (Fraction(count, size) <= share)


def test_a_share_of_a_visit_nobody_can_reach_is_left_as_it_is():
    assert equivalent_share(Fraction(28, 100), 0, lower=True) == Fraction(28, 100)
    assert equivalent_share(Fraction(28, 100), 3, lower=True) == Fraction(1, 3)
    assert equivalent_share(Fraction(28, 100), 3, lower=False) == Fraction(0)


def instance_with(quotas: list[dict], capacity: int = 2, **extra) -> dict:
    return {
        "visits": [{"id": "v", "capacity": capacity, "quotas": quotas}],
        "applicants": [
            person("a", ["v"], 3, size="small"),
            person("b", ["v"], 2, size="large"),
            person("c", ["v"], 1, size="large"),
        ],
    } | extra


def test_rows_that_cannot_bind_are_left_out():
    # 3 people for 3 places, no one with more than one pair, a max that all can keep.
    loose = parse(instance_with([{"attribute": "size", "value": "small", "max": 1}], capacity=3))
    assert build(loose, loose.pairs, [1.0] * 3).model.rows == 0
    tight = parse(instance_with([{"attribute": "size", "value": "large", "max": 1}], capacity=2))
    model = build(tight, tight.pairs, [1.0] * 3).model
    assert model.rows == 2  # the capacity, and at most 1 of the 2 large


def test_with_slacks_an_impossible_minimum_is_met_by_the_people_it_lacks():
    problem = parse(instance_with([{"attribute": "size", "value": "small", "min": 2}]))
    selection = build(problem, problem.pairs, [0.0] * 3, maximise=False, slack=True)
    solution = HighsSolver().solve(selection.model)
    assert solution.status == "optimal" and solution.objective == 1  # one small person short
    ((column, quota),) = selection.slacks
    assert quota.limit.field == "visits[0].quotas[0].min" and solution.values[column] == 1


def test_must_select_places_every_drawn_person_somewhere():
    problem = parse(instance_with([], capacity=2))
    selection = build(problem, problem.pairs, [-1.0] * 3, must_select=frozenset({1, 2}))
    solution = HighsSolver().solve(selection.model)  # selecting costs, yet b and c must go
    assert sorted(p.applicant for p in chosen_pairs(selection, solution.values)) == [1, 2]
    impossible = build(problem, problem.pairs, [1.0] * 3, must_select=frozenset({0, 1, 2}))
    assert HighsSolver().solve(impossible.model).status == "infeasible"  # 3 for 2 places


def test_chosen_pairs_rounds_the_solvers_values():
    problem = parse(instance_with([]))
    selection = build(problem, problem.pairs, [1.0] * 3)
    chosen = chosen_pairs(selection, [0.9999999, 1e-7, 0.51])
    assert [pair.applicant for pair in chosen] == [0, 2]
