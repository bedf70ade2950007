"""Leximin selection chances by column generation (Flanigan et al., Nature 596, 2021).

A lottery is a probability distribution over feasible selections (sets of (applicant, visit)
pairs that keep every capacity and quota); an applicant's chance is the total probability of
the selections that include them. Leximin: the smallest chance as large as possible, then the
next smallest, and so on.

The master LP, over the selections found so far, maximises z, the smallest chance of the
applicants not yet fixed, keeping each fixed applicant at their level. Its duals y (one per
applicant) price a new selection: one whose total y beats the dual of "probabilities sum to
one" improves the master; when none does, z is the best over all feasible selections.
Applicants with a positive dual cannot have more than z in any optimal lottery
(complementary slackness), so they are fixed at z and the next level starts. Each level fixes
at least one applicant.

Measured on 200 applicants: improving the likeliest selections move by move finds most new
columns for almost nothing; the pricing MILP to a 0.1% gap is 40 times faster than to
optimality and still finds columns that price in, so the exact solve only proves that none
does; interior-point duals (central, no crossover) need a third of the rounds of the simplex
method's extreme ones, which only settle each level's end (their positive duals are exact).
"""

from dataclasses import dataclass, replace

import numpy as np

from citypeers.optim.milp import INFINITY, HighsSolver, RowBuilder, Solution
from citypeers.optim.selection_explain import ZERO_CHANCE, Selection, polish
from citypeers.optim.selection_input import Problem
from citypeers.optim.selection_model import build, chosen_pairs

PRICE_TOLERANCE = 1e-7  # a new selection must beat the master's dual by more than this
FIX_TOLERANCE = 1e-9  # duals above this fix their applicant
COVERED_WEIGHT = 1e-3  # while covering: worth including those already in a selection, a little
LOCAL_STARTS = 8  # the likeliest selections improved move by move before a MILP is tried

Selected = tuple[tuple[int, int], ...]  # (applicant, visit) pairs, sorted


class OutOfTime(Exception):
    """The time limit came before the first selection (or the first master solution)."""


@dataclass(frozen=True)
class Lottery:
    selections: tuple[Selected, ...]
    probabilities: tuple[float, ...]
    chances: dict[int, float]  # eligible applicant -> probability of being selected
    smallest: float  # the smallest chance that is not zero
    bound: float  # no lottery makes that smallest chance larger
    complete: bool  # False when the time limit stopped it before the leximin was reached


@dataclass(frozen=True)
class Priced:
    selections: list[Selected]
    best: float  # the largest total weight among them
    bound: float  # no selection has a larger total weight


@dataclass(frozen=True)
class Master:
    solution: Solution  # with values and duals
    columns: int  # the selections it was solved over: the first `columns`


def leximin(problem: Problem, solver: HighsSolver) -> Lottery | None:
    """The leximin lottery; None when no selection keeps the quotas (OutOfTime: no answer)."""
    return _Leximin(problem, solver).run()


class _Leximin:
    def __init__(self, problem: Problem, solver: HighsSolver) -> None:
        self.problem = problem
        self.eligible = sorted({pair.applicant for pair in problem.pairs})
        self.pricing = build(problem, problem.pairs, [1.0] * len(problem.pairs))
        self.progress = solver.progress  # reported per round here, not per solve
        solver = replace(solver, progress=None)
        self.quick = replace(solver, options={}, mip_rel_gap=1e-3, pool=True)
        self.exact = replace(solver, options={"mip_abs_gap": 1e-9}, mip_rel_gap=1e-9)
        self.central = replace(solver, options={"solver": "ipm", "run_crossover": "off"})
        self.vertex = replace(solver, options={})
        self.selections: list[Selected] = []
        self.known: set[Selected] = set()
        self.fixed: dict[int, float] = {}
        self.bound = INFINITY
        self.master: Master | None = None

    def run(self) -> Lottery | None:
        try:
            if not self._cover():
                return None  # not even one selection keeps every quota
            self.master = self._solve_master(self.vertex)
            while len(self.fixed) < len(self.eligible):
                self._next_level()
        except OutOfTime:
            if self.master is None:
                raise
            return self._lottery(complete=False)
        return self._lottery(complete=True)

    def _cover(self) -> bool:
        """First selections that between them include everyone who can be selected at all.

        Each includes as many applicants not yet included as it can (then as many others),
        which spares the first level many rounds of finding them one by one. False when not
        even one selection keeps every quota.
        """
        uncovered = set(self.eligible)
        while True:
            weights = np.full(len(self.problem.applicants), COVERED_WEIGHT)
            weights[list(uncovered)] = 1.0
            priced = self._price(weights, -INFINITY)
            if priced is None:
                return bool(self.selections)
            selected = priced.selections[-1]
            if selected not in self.known:
                self._add(selected)
            newly = uncovered & {applicant for applicant, _ in selected}
            uncovered -= newly
            if not newly or not uncovered:  # the rest can be in no selection at all
                return True

    def _add(self, selected: Selected) -> None:
        self.selections.append(selected)
        self.known.add(selected)

    def _next_level(self) -> None:
        z, duals, bound = self._level()
        if z > ZERO_CHANCE and self.bound == INFINITY:
            self.bound = bound  # the level of the smallest chance that is not zero
        unfixed = [a for a in self.eligible if a not in self.fixed]
        newly = [a for a in unfixed if duals[a] > FIX_TOLERANCE or z >= 1 - ZERO_CHANCE]
        for applicant in newly or [max(unfixed, key=lambda a: duals[a])]:
            self.fixed[applicant] = z

    def _level(self) -> tuple[float, np.ndarray, float]:
        """Column generation for the largest smallest chance of the applicants not yet fixed.

        Returns that chance, the duals of the applicants' rows, and an upper bound on it.
        """
        bound, master_solver = INFINITY, self.central
        while True:
            if self.vertex.remaining_s() <= 0:
                raise OutOfTime
            self.master = master = self._solve_master(master_solver)
            solution = master.solution
            assert solution.values is not None and solution.row_duals is not None
            z, to_beat = float(solution.values[-1]), float(solution.row_duals[0])
            self._report(z)
            # Row 0 is "probabilities sum to one"; row 1 + i is applicant eligible[i].
            duals = np.zeros(len(self.problem.applicants))
            duals[self.eligible] = np.maximum(-solution.row_duals[1:], 0.0)
            priced = self._local(duals, to_beat, solution.values[: master.columns])
            priced = priced or self._price(duals, to_beat)
            assert priced is not None  # the master's own selections are feasible
            bound = min(bound, self._dual_bound(duals, priced.bound))
            new = [s for s in priced.selections if s not in self.known]
            if priced.best > to_beat + PRICE_TOLERANCE and new:
                for selected in new:
                    self._add(selected)
            elif master_solver is self.central:
                master_solver = self.vertex  # settle the level with exact extreme duals
            else:
                return z, duals, max(bound, z)  # nothing prices in: z is the best of all

    def _report(self, z: float) -> None:
        if self.progress is not None:
            fixed = f"{len(self.fixed)} of {len(self.eligible)} chances fixed"
            self.progress.report(f"lottery, {fixed}, {len(self.selections)} selections", z)

    def _dual_bound(self, duals: np.ndarray, best: float) -> float:
        """An upper bound on this level's z from any duals y >= 0 (Lagrangian duality).

        For a lottery with chances c: sum(y c) <= best total y of a selection, and sum(y c)
        >= sum over fixed a of y[a] fixed[a] + z sum over unfixed a of y[a].
        """
        unfixed = sum(duals[a] for a in self.eligible if a not in self.fixed)
        if unfixed <= 0:
            return INFINITY
        fixed = sum(duals[a] * chance for a, chance in self.fixed.items())
        return (best - fixed) / unfixed

    def _price(self, weights: np.ndarray, to_beat: float) -> Priced | None:
        """Selections with a large total weight, the largest found, and a bound on any.

        The selections beat `to_beat` when any does: each improving solution the MILP found
        on the way that does is kept too (more columns per master solve). None when no
        selection keeps the quotas.
        """
        costs = np.array([weights[pair.applicant] for pair in self.problem.pairs])
        model = replace(self.pricing.model, cost=costs)
        for solver in (self.quick, self.exact):
            solution = solver.solve(model)
            if solution.status == "infeasible":
                return None
            if solution.values is None:
                raise OutOfTime
            found = [self._selected(values) for values in (*solution.pool, solution.values)]
            value = max(sum(weights[a] for a, _ in selected) for selected in found)
            bound = max(value, solution.bound if solution.bound is not None else INFINITY)
            if value > to_beat + PRICE_TOLERANCE or bound <= to_beat + PRICE_TOLERANCE:
                break
        better = [s for s in found if sum(weights[a] for a, _ in s) > to_beat + PRICE_TOLERANCE]
        return Priced(list(dict.fromkeys(better or found[-1:])), float(value), float(bound))

    def _local(
        self, weights: np.ndarray, to_beat: float, probabilities: np.ndarray
    ) -> Priced | None:
        """Selections that beat `to_beat`, found by improving the likeliest ones move by move.

        Much cheaper than the MILP; None when it finds none (then the MILP decides).
        """
        pairs = tuple(replace(p, value=float(weights[p.applicant])) for p in self.problem.pairs)
        problem = replace(self.problem, pairs=pairs)
        found = []
        for column in np.argsort(-probabilities, kind="stable")[:LOCAL_STARTS]:
            selection = Selection.of(problem, dict(self.selections[column]))
            if polish(selection) and selection.objective() > to_beat + PRICE_TOLERANCE:
                found.append(tuple(sorted(selection.assignment.items())))
        found = [s for s in dict.fromkeys(found) if s not in self.known]
        if not found:
            return None
        best = max(sum(weights[a] for a, _ in s) for s in found)
        return Priced(found, float(best), INFINITY)

    def _selected(self, values: np.ndarray) -> Selected:
        chosen = chosen_pairs(self.pricing, values)
        return tuple(sorted((pair.applicant, pair.visit) for pair in chosen))

    def _solve_master(self, solver: HighsSolver) -> Master:
        """max z: probabilities sum to 1, unfixed chances >= z, fixed chances >= their level."""
        rows = RowBuilder()
        count = len(self.selections)
        rows.add(list(range(count)), [1.0] * count, 1.0, 1.0)
        holding: dict[int, list[int]] = {a: [] for a in self.eligible}
        for column, selected in enumerate(self.selections):
            for applicant, _visit in selected:
                holding[applicant].append(column)
        for applicant in self.eligible:
            columns = holding[applicant]
            if applicant in self.fixed:
                lower = self.fixed[applicant] - PRICE_TOLERANCE
                rows.add(columns, [1.0] * len(columns), lower, INFINITY)
            else:
                rows.add([*columns, count], [1.0] * len(columns) + [-1.0], 0.0, INFINITY)
        # z needs no upper bound of its own while an unfixed chance (at most 1) bounds it,
        # and then it must have none: its limit must show in the row duals, which pick the
        # applicants to fix.
        z_upper = INFINITY if len(self.fixed) < len(self.eligible) else 1.0
        model = rows.model(
            [0.0] * count + [1.0],
            upper=[1.0] * count + [z_upper],
            integral=[False] * (count + 1),
            maximise=True,
        )
        solution = solver.solve(model, relax=True)
        if solution.values is None or solution.row_duals is None:
            if solver is self.central:  # the interior point method failed: use the simplex
                return self._solve_master(self.vertex)
            raise OutOfTime  # the master is always feasible: only time stops it
        return Master(solution, count)

    def _no_bound(self, smallest: float) -> float:
        """Without a finished level with a non-zero chance: nothing better than 1 is known,
        unless the leximin is complete (then every chance is 0 or 1)."""
        return smallest if len(self.fixed) == len(self.eligible) else 1.0

    def _lottery(self, complete: bool) -> Lottery:
        assert self.master is not None and self.master.solution.values is not None
        count = self.master.columns  # selections priced in after the last master solve: unused
        probabilities = np.clip(self.master.solution.values[:count], 0.0, None)
        probabilities /= probabilities.sum()
        chances = dict.fromkeys(self.eligible, 0.0)
        for selected, probability in zip(self.selections[:count], probabilities, strict=True):
            for applicant, _visit in selected:
                chances[applicant] += float(probability)
        pairs = zip(self.selections[:count], probabilities, strict=True)
        kept = [(selected, float(p)) for selected, p in pairs if p > 1e-12]
        # Applicants no selection can include get zero, and their reason says so; the
        # objective is the smallest chance of the others.
        smallest = min((c for c in chances.values() if c > ZERO_CHANCE), default=0.0)
        return Lottery(
            selections=tuple(s for s, _ in kept),
            probabilities=tuple(p for _, p in kept),
            chances=chances,
            smallest=smallest,
            bound=max(self.bound, smallest) if self.bound < INFINITY else self._no_bound(smallest),
            complete=complete,
        )
