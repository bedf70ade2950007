"""Fair participant selection under quotas: who goes on which visit, and why (MILP, HiGHS).

`solve(instance)` takes the JSON instance (visits with capacities and quotas, applicants with
ranked preferences, scores and attributes, options) and returns a JSON result: the status,
the assignments, waiting lists, every applicant's decision with its reason (as data, `why`,
and in English, `reason`) and, when the quotas cannot all be met, which ones and the smallest
relaxation that would work. The formats, the model and the methods are in
docs/optim_selection.md.

Merit mode maximises the sum of score times preference weight with HiGHS (the LP relaxation
first: it gives the bound and is often integral already). Lottery mode draws, with the seed,
one selection from the leximin lottery over the selections that keep the quotas
(`selection_lottery`). Progress of long solves goes to standard error, never standard output.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from citypeers.optim.milp import HighsSolver, Progress, integral_values
from citypeers.optim.selection_diagnosis import diagnose, shortfalls
from citypeers.optim.selection_explain import (
    INFEASIBLE,
    OUT_OF_TIME,
    Selection,
    Why,
    candidates_by_visit,
    lottery_why,
    merit_why,
    polish,
    reason_text,
    waiting_list,
)
from citypeers.optim.selection_input import Problem, parse
from citypeers.optim.selection_leximin import OutOfTime
from citypeers.optim.selection_lottery import draw, lottery, place
from citypeers.optim.selection_model import build, chosen_pairs
from citypeers.optim.selection_rosters import quota_names

PROGRESS_LABEL = "citypeers optimise select"
# Measured on the benchmark (10,000 applicants, 100 visits): HiGHS's presolve finds nothing
# to remove in a model that only has the pairs and rows that can matter, yet probing took
# 1.5 s; and the root reduced-cost sub-MIP heuristic took 2 to 9 s to find the incumbent that
# the root cuts and diving find in under a second. Without both: 0.7 to 2 s, proven optimal.
HIGHS_TUNING = {"presolve": "off", "mip_heuristic_run_root_reduced_cost": False}
DECIMALS = 6


@dataclass
class Outcome:
    status: str  # optimal, feasible (stopped by the time limit), infeasible, time_limit
    selection: Selection | None = None
    objective: float | None = None
    bound: float | None = None
    infeasible_quotas: list[dict] = field(default_factory=list)
    why: Callable[[int], Why] = lambda _applicant: dict(OUT_OF_TIME)  # each decision's
    rank: Callable[[int, int], Any] = lambda _visit, applicant: applicant  # waiting-list order
    chances: dict[int, float] | None = None

    @classmethod
    def infeasible(cls, problem: Problem, solver: HighsSolver) -> "Outcome":
        quotas = diagnose(problem, solver)
        return cls("infeasible", infeasible_quotas=quotas, why=lambda _a: dict(INFEASIBLE))


@dataclass(frozen=True)
class Run:
    """A result with how long the solves took (kept out of the result, which must not vary)."""

    result: dict
    seconds: dict[str, float]


def solve(instance: dict) -> dict:
    """The selection for a JSON instance, as JSON; raises InstanceError naming a bad field."""
    return run(instance).result


def run(instance: Any) -> Run:
    begin = time.perf_counter()
    problem = parse(instance)
    options = problem.options
    progress = Progress(PROGRESS_LABEL)
    solver = HighsSolver(
        time_limit_s=options.time_limit_s,
        seed=options.seed,
        progress=progress,
        options=HIGHS_TUNING,
    )
    seconds: dict[str, float] = {}
    if shortfalls(problem):  # no need to solve: say at once which minima cannot be met
        outcome = Outcome.infeasible(problem, solver)
    elif options.mode == "merit":
        outcome = _merit(problem, solver, seconds)
    else:
        # The lottery must not depend on the seed (only the draw does): HiGHS gets seed 0.
        outcome = _lottery(problem, replace(solver, seed=0))
    result = _result(problem, outcome)
    seconds["total"] = time.perf_counter() - begin
    return Run(result, seconds)


def _merit(problem: Problem, solver: HighsSolver, seconds: dict[str, float]) -> Outcome:
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs])
    relaxed = solver.solve(model.model, relax=True)
    seconds["lp"] = relaxed.seconds
    if relaxed.status == "infeasible":
        return Outcome.infeasible(problem, solver)
    # No selection beats the LP relaxation; stopped early, HiGHS's own bound can be far looser.
    lp_bound = relaxed.bound if relaxed.status == "optimal" else None
    solution = relaxed
    if relaxed.values is None or not integral_values(relaxed.values):
        solution = solver.solve(model.model)
        seconds["milp"] = solution.seconds
    if solution.status == "infeasible":
        return Outcome.infeasible(problem, solver)
    if solution.values is None or solution.bound is None:
        return Outcome("time_limit", bound=lp_bound, why=lambda _a: dict(OUT_OF_TIME))
    chosen = chosen_pairs(model, solution.values)
    selection = _checked(Selection.of(problem, {pair.applicant: pair.visit for pair in chosen}))
    polish(selection)  # makes every "not selected because" true, whatever the solver's gap
    objective = selection.objective()
    bound = solution.bound if lp_bound is None else min(solution.bound, lp_bound)
    return Outcome(
        solution.status,
        selection,
        objective,
        max(bound, objective),
        why=lambda applicant: merit_why(selection, applicant),
        rank=lambda visit, applicant: (-selection.value(applicant, visit), applicant),
    )


def _lottery(problem: Problem, solver: HighsSolver) -> Outcome:
    key = repr(replace(problem, options=replace(problem.options, seed=0, waiting_list=0)))
    try:
        found = lottery(problem, key, solver)
    except OutOfTime:
        return Outcome("time_limit", why=lambda _a: dict(OUT_OF_TIME))
    if found is None:
        return Outcome.infeasible(problem, solver)
    rng = random.Random(problem.options.seed)  # noqa: S311 - reproducible on purpose, not secret
    selection = _checked(Selection.of(problem, place(problem, draw(found, rng), solver)))
    chances = {a: found.chances.get(a, 0.0) for a in range(len(problem.applicants))}
    queue = sorted(found.chances)
    rng.shuffle(queue)  # the waiting lists go on with the same draw
    position = {applicant: i for i, applicant in enumerate(queue)}
    return Outcome(
        "optimal" if found.complete else "feasible",
        selection,
        found.smallest,
        found.bound,
        why=lambda applicant: lottery_why(selection, applicant, chances[applicant]),
        rank=lambda _visit, applicant: position[applicant],
        chances=chances,
    )


def _checked(selection: Selection) -> Selection:
    """The solver's selection, re-checked in integer arithmetic: a failure is a bug here."""
    for roster in selection.rosters:
        broken = roster.violations()
        if broken or roster.size > roster.visit.capacity:
            what = quota_names(broken) if broken else "its capacity"
            raise RuntimeError(f"the selection for {roster.visit.id} breaks {what}")
    return selection


def _result(problem: Problem, outcome: Outcome) -> dict:
    visits, applicants = problem.visits, problem.applicants
    selection = outcome.selection
    assignment = selection.assignment if selection else {}
    result: dict[str, Any] = {
        "mode": problem.options.mode,
        "status": outcome.status,
        "objective": _round(outcome.objective),
        "bound": _round(outcome.bound),
        "gap": _round(_gap(outcome)),
        "assignments": {visit.id: [] for visit in visits},
        "waiting_lists": {visit.id: [] for visit in visits},
        "decisions": {},
        "infeasible_quotas": outcome.infeasible_quotas,
    }
    for applicant, visit in sorted(assignment.items()):
        result["assignments"][visits[visit].id].append(applicants[applicant].id)
    if selection is not None:
        for visit, candidates in candidates_by_visit(selection).items():
            ranked = sorted(candidates, key=lambda applicant: outcome.rank(visit, applicant))
            chosen = waiting_list(selection, visit, ranked, problem.options.waiting_list)
            result["waiting_lists"][visits[visit].id] = [applicants[a].id for a in chosen]
    for number, person in enumerate(applicants):
        visit = assignment.get(number)
        why = outcome.why(number)
        result["decisions"][person.id] = {
            "visit": None if visit is None else visits[visit].id,
            "preference": None if visit is None else person.preferences.index(visit) + 1,
            "reason": reason_text(why),  # the English of `why`: the two cannot disagree
            "why": why,
        }
    if outcome.chances is not None:
        result["chances"] = {applicants[a].id: _round(c) for a, c in outcome.chances.items()}
    return result


def _gap(outcome: Outcome) -> float | None:
    if outcome.objective is None or outcome.bound is None:
        return None
    if outcome.bound == outcome.objective:
        return 0.0
    return (outcome.bound - outcome.objective) / max(abs(outcome.objective), 1e-9)


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), DECIMALS) + 0.0  # + 0.0: no "-0.0"
