"""The MILP seam: HiGHS's answers (optimal, infeasible, stopped by the time limit with a
bound, the LP relaxation with its duals) and progress lines that never touch standard output."""

import dataclasses
import io
import time

import numpy as np
import pytest

from citypeers.optim.milp import (
    INFINITY,
    HighsSolver,
    LinearModel,
    Progress,
    RowBuilder,
    integral_values,
)
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_model import build
from tests.optim.selection_instances import crowd


def test_long_solves_report_progress_on_standard_error_only(capfd):
    lines = io.StringIO()
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    HighsSolver(progress=Progress("selection", every_s=0, stream=lines)).solve(model)
    assert lines.getvalue().startswith("selection: ")
    assert capfd.readouterr().out == ""


def knapsack(items: int = 3, *, capacity: float = 10.0) -> tuple[list[float], RowBuilder]:
    """Values 6, 5, 4, ... of weights 5, 4, 3, ...: at most `capacity` of weight."""
    rows = RowBuilder()
    rows.add(list(range(items)), [5.0 - i for i in range(items)], -INFINITY, capacity)
    return [6.0 - i for i in range(items)], rows


def test_a_feasible_model_is_solved_to_a_proven_optimum():
    values, rows = knapsack()
    model = rows.model(values, upper=[1, 1, 1], integral=[True] * 3, maximise=True)
    solution = HighsSolver().solve(model)
    assert solution.status == "optimal"
    assert list(np.round(solution.values)) == [1, 1, 0]  # 6 + 5 for weight 9; 6 + 4 is less
    assert solution.objective == solution.bound == 11
    assert solution.row_duals is None  # duals only for an LP


def test_the_lp_relaxation_takes_fractions_gives_its_duals_and_bounds_the_milp():
    values, rows = knapsack()
    model = rows.model(values, upper=[1, 1, 1], integral=[True] * 3, maximise=True)
    relaxed = HighsSolver().solve(model, relax=True)
    milp = HighsSolver().solve(model)
    assert relaxed.status == "optimal" and not integral_values(relaxed.values)
    # The best value per weight first (4/3, then 5/4), and 3/5 of the first item in the rest.
    assert list(relaxed.values) == pytest.approx([0.6, 1, 1])
    assert relaxed.bound == relaxed.objective == pytest.approx(12.6)
    assert milp.objective == 11 < relaxed.bound
    # One more unit of weight is worth 6/5 of value (more of the first item): the row's dual.
    assert abs(relaxed.row_duals[0]) == pytest.approx(1.2)


def test_an_infeasible_model_says_so_without_values():
    rows = RowBuilder()
    rows.add([0, 1], [1.0, 1.0], 3.0, INFINITY)  # two binaries cannot sum to 3
    model = rows.model([1.0, 1.0], upper=[1, 1], integral=[True, True], maximise=False)
    for relax in (False, True):
        solution = HighsSolver().solve(model, relax=relax)
        assert solution.status == "infeasible"
        assert solution.values is None and solution.objective is None and solution.bound is None


def test_minimising_finds_the_cheapest():
    rows = RowBuilder()
    assert rows.add([0, 1, 2], [1.0, 1.0, 1.0], 2.0, INFINITY) == 0  # the row's number
    model = rows.model([3.0, 1.0, 2.0], upper=[1, 1, 1], integral=[True] * 3, maximise=False)
    assert model.rows == 1 and model.columns == 3
    solution = HighsSolver().solve(model)
    assert solution.objective == 3 and list(np.round(solution.values)) == [0, 1, 1]


def test_a_model_without_columns_is_optimal_when_zero_keeps_its_rows_and_else_infeasible():
    empty = RowBuilder()
    empty.add([], [], -INFINITY, 0.0)
    model = empty.model([], upper=[], integral=[], maximise=True)
    assert HighsSolver().solve(model).status == "optimal"
    impossible = RowBuilder()
    impossible.add([], [], 1.0, INFINITY)
    model = impossible.model([], upper=[], integral=[], maximise=True)
    assert HighsSolver().solve(model).status == "infeasible"


def hard_knapsacks(columns: int = 120, rows_count: int = 12) -> LinearModel:
    """Several knapsack rows over the same binaries: HiGHS needs far more than a millisecond."""
    rng = np.random.default_rng(5)
    rows = RowBuilder()
    for _ in range(rows_count):
        weights = rng.integers(20, 100, columns).astype(float)
        rows.add(list(range(columns)), list(weights), -INFINITY, float(weights.sum() / 2))
    cost = rng.integers(10, 100, columns).astype(float)
    return rows.model(cost, upper=[1] * columns, integral=[True] * columns, maximise=True)


def test_a_solve_stopped_by_the_time_limit_keeps_a_bound_above_what_it_found():
    model = hard_knapsacks()
    solution = HighsSolver(time_limit_s=0.001).solve(model)
    assert solution.status in ("feasible", "no_solution")
    assert solution.bound is not None
    # No selection beats the bound: not the one a longer solve finds either.
    longer = HighsSolver(time_limit_s=0.3).solve(model)
    assert longer.objective is not None and solution.bound >= longer.objective - 1e-6
    if solution.status == "feasible":
        assert solution.objective <= solution.bound + 1e-6
    else:
        assert solution.values is None and solution.objective is None


def test_the_time_limit_is_one_budget_for_every_solve_of_a_run():
    solver = HighsSolver(time_limit_s=0.05)
    copy = dataclasses.replace(solver, seed=3)  # what the selection does to change options
    assert copy.deadline == solver.deadline
    time.sleep(0.06)
    assert solver.remaining_s() == copy.remaining_s() == 0.0
    solution = copy.solve(hard_knapsacks())  # nothing left: HiGHS gets a millisecond at most
    assert solution.status != "optimal"


def test_the_same_model_and_seed_give_the_same_answer():
    model = hard_knapsacks(columns=30, rows_count=3)
    first, second = (HighsSolver(seed=7).solve(model) for _ in range(2))
    assert first.status == second.status == "optimal"
    assert list(first.values) == list(second.values)


def test_with_pool_every_improving_solution_is_kept_and_the_last_is_the_answer():
    model = hard_knapsacks(columns=30, rows_count=3)
    solution = HighsSolver(pool=True).solve(model)
    assert solution.pool, "at least the optimum improves on nothing"
    found = [float(model.cost @ values) for values in solution.pool]
    assert found == sorted(found)  # each improves on the one before
    assert found[-1] == pytest.approx(solution.objective)
    assert HighsSolver().solve(model).pool == ()


def test_progress_waits_its_interval_and_names_only_finite_numbers():
    lines = io.StringIO()
    progress = Progress("select", every_s=3600, stream=lines)
    progress.report("LP", 1.0)
    assert lines.getvalue() == ""  # not an hour yet
    progress.every_s = 0
    progress.report("branch and bound", 12.5, INFINITY)
    progress.report("branch and bound", -INFINITY, 20.0)
    first, second = lines.getvalue().splitlines()
    assert first.startswith("select: branch and bound, ") and first.endswith(", best 12.5")
    assert "best" not in second and second.endswith(", bound 20")


def test_progress_goes_to_standard_error_by_default(capsys):
    Progress("select", every_s=0).report("LP", 2.0)
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("select: LP, ") and err.endswith("best 2\n")


def test_integral_values_allows_only_the_solvers_tolerance():
    assert integral_values(np.array([0.0, 1.0, 1 - 1e-8, 2e-7]))
    assert not integral_values(np.array([0.0, 0.5]))
    assert not integral_values(np.array([1e-4]))
