"""Why no selection meets the quotas, and the smallest relaxation that would make one exist.

Two steps. The simple checks, before any solving, compare each minimum with what can be had
at its visit alone: who applied, the places, and the other quotas' maxima on the same value.
Then a MILP with a penalised slack on every quota row (the smallest total, counted in people)
finds a relaxation that works for all the visits together; it also catches the conflicts the
simple checks miss (two minima that do not fit one visit together, shares against counts, the
same few applicants wanted at two visits).
"""

import math
from collections import Counter
from dataclasses import dataclass, replace
from fractions import Fraction

from citypeers.optim.milp import MilpSolver
from citypeers.optim.selection_input import Applicant, Limit, Pair, Problem
from citypeers.optim.selection_model import QuotaRow, build, chosen_pairs

DECIMALS = 6  # a relaxed share is rounded outwards to this many decimals, so it still works


@dataclass(frozen=True)
class Shortfall:
    """A minimum that cannot be met at its visit, whatever happens elsewhere."""

    visit: int
    limit: Limit
    possible: int  # the most that visit can have
    why: str  # e.g. "only 4 applied"


def shortfalls(problem: Problem) -> list[Shortfall]:
    holders: dict[int, list[Applicant]] = {}
    for pair in problem.pairs:
        holders.setdefault(pair.visit, []).append(problem.applicants[pair.applicant])
    found = []
    for number, visit in enumerate(problem.visits):
        for limit in visit.limits:
            if limit.kind == "min" and limit.bound > 0:
                possible, why = _most_possible(problem, number, limit, holders.get(number, []))
                if possible < limit.bound:
                    found.append(Shortfall(number, limit, possible, why))
    return found


def _most_possible(
    problem: Problem, visit: int, limit: Limit, holders: list[Applicant]
) -> tuple[int, str]:
    """The most people with the limit's value the visit could take, and why no more."""
    eligible = sum(person.attributes.get(limit.attribute) == limit.value for person in holders)
    asked = sum(
        person.attributes.get(limit.attribute) == limit.value and visit in person.preferences
        for person in problem.applicants
    )
    capacity = problem.visits[visit].capacity
    applied = (
        f"only {eligible} applied"
        if eligible == asked
        else f"only {eligible} of the {asked} who applied can be selected there"
    )
    places = "place" if capacity == 1 else "places"
    bounds = [(capacity, f"the visit has only {capacity} {places}"), (eligible, applied)]
    for other in problem.visits[visit].limits:
        if other.attribute != limit.attribute or other.is_lower:
            continue
        if other.kind == "max_per_value" or (other.kind == "max" and other.value == limit.value):
            most = int(other.bound)
        elif other.kind == "max_share" and other.value == limit.value:
            most = math.floor(other.bound * capacity)
        else:
            continue
        bounds.append((most, f"the quota '{other.text()}' allows at most {most}"))
    return min(bounds, key=lambda bound: bound[0])


@dataclass
class Relaxation:
    visit: int
    limit: Limit
    bound: Fraction
    values: list[str]  # for max_per_value: the values that need more


def diagnose(problem: Problem, solver: MilpSolver) -> list[dict]:
    """The quotas to relax, each with how far, for the smallest total relaxation in people."""
    known = {(s.visit, s.limit.field): s for s in shortfalls(problem)}
    costs = [0.0] * len(problem.pairs)
    selection = build(problem, problem.pairs, costs, maximise=False, slack=True)
    solution = solver.solve(selection.model)
    if solution.values is None:  # out of time: the simple checks are all we know
        return [
            _entry(problem, Relaxation(s.visit, s.limit, Fraction(s.possible), []), s.why)
            for s in known.values()
        ] or [_note(OUT_OF_TIME)]
    counts = _counts(problem, chosen_pairs(selection, solution.values))
    relaxations: dict[tuple[int, str], Relaxation] = {}
    for column, quota in selection.slacks:
        if solution.values[column] > 1e-6:
            _merge(relaxations, quota, _relaxed_bound(quota, counts))
    entries = []
    for key, relaxation in sorted(relaxations.items()):
        shortfall = known.get(key)
        entries.append(_entry(problem, relaxation, shortfall.why if shortfall else None))
    return entries or [_note(UNEXPLAINED)]


OUT_OF_TIME = (
    "no selection keeps every quota, and finding which quotas conflict ran out of time: "
    "raise options.time_limit_s"
)
UNEXPLAINED = (
    "the solver found no selection, yet every quota can be met with no relaxation: "
    "a numerical difficulty; please report the instance"
)


def _note(message: str) -> dict:
    """An entry that names no quota."""
    fields = ("visit", "field", "quota", "required", "relax_to", "by")
    return dict.fromkeys(fields) | {"message": message}


def _merge(relaxations: dict[tuple[int, str], Relaxation], quota: QuotaRow, bound: Fraction):
    key = (quota.visit, quota.limit.field)
    relaxation = relaxations.setdefault(key, Relaxation(quota.visit, quota.limit, bound, []))
    pick = min if quota.limit.is_lower else max
    relaxation.bound = pick(relaxation.bound, bound)
    if quota.limit.kind == "max_per_value" and quota.value is not None:
        relaxation.values.append(quota.value)


def _counts(problem: Problem, pairs: list[Pair]) -> dict[int, tuple[int, Counter]]:
    """Per visit: how many are selected, and how many with each (attribute, value)."""
    counts: dict[int, tuple[int, Counter]] = {}
    for pair in pairs:
        size, by_value = counts.get(pair.visit, (0, Counter()))
        by_value.update(problem.applicants[pair.applicant].attributes.items())
        counts[pair.visit] = (size + 1, by_value)
    return counts


def _relaxed_bound(quota: QuotaRow, counts: dict[int, tuple[int, Counter]]) -> Fraction:
    """The bound the limit needs so that the slack solution meets it."""
    size, by_value = counts.get(quota.visit, (0, Counter()))
    count = by_value[quota.limit.attribute, quota.value]
    if not quota.limit.is_share:
        return Fraction(count)
    share, scale = Fraction(count, size) if size else Fraction(0), 10**DECIMALS
    rounded = math.floor(share * scale) if quota.limit.is_lower else math.ceil(share * scale)
    return Fraction(rounded, scale)


def _entry(problem: Problem, relaxation: Relaxation, why: str | None) -> dict:
    limit = relaxation.limit
    visit_id = problem.visits[relaxation.visit].id
    explanation = why or "cannot be met together with the other quotas and capacities"
    values = f" ({limit.attribute} = {', '.join(relaxation.values)})" if relaxation.values else ""
    relaxed = replace(limit, bound=relaxation.bound).text()
    return {
        "visit": visit_id,
        "field": limit.field,
        "quota": limit.text(),
        "required": _number(limit.bound, limit),
        "relax_to": _number(relaxation.bound, limit),
        "by": _number(abs(limit.bound - relaxation.bound), limit),
        "message": f"{visit_id}: {limit.text()}{values} required, {explanation}; "
        f"relax it to {relaxed}",
    }


def _number(value: Fraction, limit: Limit) -> int | float:
    return float(round(value, DECIMALS)) if limit.is_share else int(value)
