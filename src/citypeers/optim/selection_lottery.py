"""Lottery mode: the leximin lottery (`selection_leximin`), kept per instance, and one draw.

The lottery depends only on the instance, never on the seed, so the last few are kept in
memory: drawing again with another seed costs a draw, not a column generation. The seed only
draws one selection from it; the drawn people are then placed at the best preferences the
quotas allow.
"""

import random
from collections import OrderedDict

from citypeers.optim.milp import HighsSolver, integral_values
from citypeers.optim.selection_input import Problem
from citypeers.optim.selection_leximin import Lottery, Selected, leximin
from citypeers.optim.selection_model import build, chosen_pairs

KEEP = 8  # lotteries kept in memory
_kept: OrderedDict[str, Lottery] = OrderedDict()


def lottery(problem: Problem, key: str, solver: HighsSolver) -> Lottery | None:
    """The leximin lottery for the instance `key` names (None: no selection keeps the quotas).

    Raises OutOfTime when the time limit comes before any lottery.
    """
    if key in _kept:
        _kept.move_to_end(key)
        return _kept[key]
    found = leximin(problem, solver)
    if found is not None and found.complete:  # one cut short by the time limit is not kept
        _kept[key] = found
        while len(_kept) > KEEP:
            _kept.popitem(last=False)
    return found


def draw(found: Lottery, rng: random.Random) -> Selected:
    """One selection, with the lottery's probabilities."""
    return rng.choices(found.selections, weights=found.probabilities)[0]


def place(problem: Problem, drawn: Selected, solver: HighsSolver) -> dict[int, int]:
    """The drawn people, each at the best preference the quotas allow (all stay selected)."""
    chosen = frozenset(applicant for applicant, _ in drawn)
    pairs = [pair for pair in problem.pairs if pair.applicant in chosen]
    weights = [problem.options.weights[pair.rank - 1] for pair in pairs]
    model = build(problem, pairs, weights, must_select=chosen)
    solution = solver.solve(model.model, relax=True)  # often integral, and much quicker
    if solution.values is None or not integral_values(solution.values):
        solution = solver.solve(model.model)
    if solution.values is None:  # out of time: keep the places of the drawn selection
        return dict(drawn)
    return {pair.applicant: pair.visit for pair in chosen_pairs(model, solution.values)}
