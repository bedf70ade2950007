"""A small seam between the optimisation models and a MILP solver (HiGHS today).

Models are built once as sparse arrays (`LinearModel`, rows in compressed sparse row form)
and handed to a `MilpSolver`; anything that can solve a mixed-integer linear programme within
a time limit (CBC, CP-SAT after scaling to integers, ...) can be put behind the same protocol.
"""

import sys
import time
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol, TextIO

import numpy as np
from highspy import _core as highs  # the bare binding: the `Highs` wrapper prints a banner

INFINITY = float("inf")
Status = Literal["optimal", "feasible", "infeasible", "no_solution"]


@dataclass(frozen=True)
class LinearModel:
    """Optimise cost·x subject to row_lower <= A·x <= row_upper and col_lower <= x <= col_upper.

    A is given row-wise: row r holds row_value[row_start[r]:row_start[r + 1]] at the columns
    row_index[row_start[r]:row_start[r + 1]].
    """

    cost: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    integral: np.ndarray  # bool per column
    row_lower: np.ndarray
    row_upper: np.ndarray
    row_start: np.ndarray
    row_index: np.ndarray
    row_value: np.ndarray
    maximise: bool = True

    @property
    def columns(self) -> int:
        return len(self.cost)

    @property
    def rows(self) -> int:
        return len(self.row_lower)


@dataclass
class RowBuilder:
    """Collects sparse rows one at a time, then freezes them with the columns into a model."""

    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    start: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)

    def add(self, columns: list[int], values: list[float], lower: float, upper: float) -> int:
        """Adds lower <= sum(values[i] * x[columns[i]]) <= upper; returns the row's number."""
        self.index.extend(columns)
        self.value.extend(values)
        self.start.append(len(self.index))
        self.lower.append(lower)
        self.upper.append(upper)
        return len(self.lower) - 1

    def model(
        self,
        cost: list[float] | np.ndarray,
        *,
        upper: list[float] | np.ndarray,
        integral: list[bool] | np.ndarray,
        maximise: bool,
    ) -> LinearModel:
        return LinearModel(
            cost=np.asarray(cost, dtype=np.float64),
            col_lower=np.zeros(len(cost)),
            col_upper=np.asarray(upper, dtype=np.float64),
            integral=np.asarray(integral, dtype=bool),
            row_lower=np.asarray(self.lower, dtype=np.float64),
            row_upper=np.asarray(self.upper, dtype=np.float64),
            row_start=np.asarray(self.start, dtype=np.int32),
            row_index=np.asarray(self.index, dtype=np.int32),
            row_value=np.asarray(self.value, dtype=np.float64),
            maximise=maximise,
        )


@dataclass(frozen=True)
class Solution:
    status: Status
    values: np.ndarray | None  # column values, when a solution exists
    objective: float | None
    bound: float | None  # the best proven bound on the objective (dual bound)
    row_duals: np.ndarray | None  # LP only: d objective / d row bound
    seconds: float
    pool: tuple[np.ndarray, ...] = ()  # with `pool`: each improving solution found on the way


class MilpSolver(Protocol):
    def solve(self, model: LinearModel, *, relax: bool = False) -> Solution:
        """Solves the model (its LP relaxation when `relax`), within the solver's time limit."""
        ...


class Progress:
    """A line on standard error at most every `every_s` seconds of a long solve, never stdout."""

    def __init__(self, label: str, *, every_s: float = 5.0, stream: TextIO | None = None) -> None:
        self.label = label
        self.every_s = every_s
        self.stream = stream
        self.started = time.monotonic()
        self.last = self.started

    def report(
        self, stage: str, objective: float | None = None, bound: float | None = None
    ) -> None:
        now = time.monotonic()
        if now - self.last < self.every_s:
            return
        self.last = now
        parts = [f"{self.label}: {stage}, {now - self.started:.0f} s"]
        if objective is not None and abs(objective) < INFINITY:
            parts.append(f"best {objective:.6g}")
        if bound is not None and abs(bound) < INFINITY:
            parts.append(f"bound {bound:.6g}")
        print(", ".join(parts), file=self.stream or sys.stderr, flush=True)


@dataclass
class HighsSolver:
    """HiGHS on one thread with a fixed random seed: the same model gives the same answer."""

    time_limit_s: float = 30.0
    seed: int = 0
    progress: Progress | None = None
    # Zero: "optimal" must mean proven optimal, even with pinned people's huge scores in the sum.
    mip_rel_gap: float = 0.0
    options: dict[str, bool | int | float | str] = field(default_factory=dict)  # more HiGHS options
    pool: bool = False  # keep every improving MILP solution, not only the last
    # One budget for every solve of a run (which may solve many models): copies made with
    # `dataclasses.replace` to change options keep the deadline.
    deadline: float | None = None

    def __post_init__(self) -> None:
        if self.deadline is None:
            self.deadline = time.monotonic() + self.time_limit_s

    def remaining_s(self) -> float:
        assert self.deadline is not None
        return max(0.0, self.deadline - time.monotonic())

    def solve(self, model: LinearModel, *, relax: bool = False) -> Solution:
        begin = time.perf_counter()
        if model.columns == 0:  # HiGHS wants at least one column
            return _without_columns(model, seconds=time.perf_counter() - begin)
        solver = self._solver(model, relax=relax)
        pool: list[np.ndarray] = []
        self._listen(solver, pool)
        solver.run()
        solution = self._solution(solver, relax=relax, seconds=time.perf_counter() - begin)
        return replace(solution, pool=tuple(pool))

    def _solver(self, model: LinearModel, *, relax: bool) -> "highs._Highs":
        solver = highs._Highs()
        solver.setOptionValue("output_flag", False)  # before anything else: no banner on stdout
        for name, value in {
            "threads": 1,
            "random_seed": self.seed,
            "time_limit": max(self.remaining_s(), 0.001),
            "mip_rel_gap": self.mip_rel_gap,
            **self.options,
        }.items():
            solver.setOptionValue(name, value)
        integrality = np.zeros(model.columns, dtype=np.int32)
        if not relax:
            integrality[model.integral] = 1
        sense = highs.ObjSense.kMaximize if model.maximise else highs.ObjSense.kMinimize
        solver.passModel(
            model.columns,
            model.rows,
            len(model.row_index),
            int(highs.MatrixFormat.kRowwise),
            int(sense),
            0.0,
            model.cost,
            model.col_lower,
            model.col_upper,
            model.row_lower,
            model.row_upper,
            model.row_start[:-1],
            model.row_index,
            model.row_value,
            integrality,
        )
        return solver

    def _listen(self, solver: "highs._Highs", pool: list[np.ndarray]) -> None:
        """Progress lines on standard error and, with `pool`, the improving solutions."""
        kinds = highs.cb.HighsCallbackType
        progress = self.progress

        def callback(kind: int, _message: str, out, _in, _data) -> None:
            if kind == kinds.kCallbackMipImprovingSolution:
                pool.append(np.array(out.mip_solution))
            elif progress is None:
                return
            elif kind == kinds.kCallbackMipInterrupt:
                progress.report("branch and bound", out.mip_primal_bound, out.mip_dual_bound)
            else:
                progress.report("LP", out.objective_function_value)

        solver.setCallback(callback, None)
        if progress is not None:
            solver.startCallback(kinds.kCallbackMipInterrupt)
            solver.startCallback(kinds.kCallbackSimplexInterrupt)
        if self.pool:
            solver.startCallback(kinds.kCallbackMipImprovingSolution)

    @staticmethod
    def _solution(solver: "highs._Highs", *, relax: bool, seconds: float) -> Solution:
        status = solver.getModelStatus()
        info = solver.getInfo()
        has_values = info.primal_solution_status == highs.kSolutionStatusFeasible
        values = np.array(solver.getSolution().col_value) if has_values else None
        objective = info.objective_function_value if has_values else None
        if status == highs.HighsModelStatus.kOptimal:
            bound = objective if relax else info.mip_dual_bound
            duals = np.array(solver.getSolution().row_dual) if relax else None
            return Solution("optimal", values, objective, bound, duals, seconds)
        if status == highs.HighsModelStatus.kInfeasible:
            return Solution("infeasible", None, None, None, None, seconds)
        bound = None if relax else info.mip_dual_bound
        kind: Status = "feasible" if has_values else "no_solution"
        return Solution(kind, values, objective, bound, None, seconds)


def _without_columns(model: LinearModel, *, seconds: float) -> Solution:
    if np.all(model.row_lower <= 0) and np.all(model.row_upper >= 0):
        return Solution("optimal", np.zeros(0), 0.0, 0.0, np.zeros(model.rows), seconds)
    return Solution("infeasible", None, None, None, None, seconds)


def integral_values(values: np.ndarray, tolerance: float = 1e-6) -> bool:
    """Whether an LP solution is already integral (so it also solves the MILP)."""
    return bool(np.all(np.abs(values - np.round(values)) <= tolerance))
