"""The selection as a mixed-integer linear programme, with one binary per eligible pair.

x[p] = 1 when pair p (applicant, visit) is chosen. Rows:
- each applicant at most once (exactly once for `must_select`, used to place a drawn lottery);
- each visit at most its capacity;
- each quota bound, exactly: counts are integer rows, and a share s of the N people selected
  for a visit, n >= s·N, is the integer row q·n - p·N >= 0 with s = p/q. Since N never
  exceeds m = min(capacity, pairs at the visit), s is first replaced by the fraction with the
  smallest denominator that accepts the same (n, N) with N <= m: same feasible set, small
  coefficients, and an integer row whose every violation is at least 1.

With `slack`, each quota row gets a penalised slack column (in people), which makes any
instance feasible: the slacks that end up non-zero say which quotas conflict, and by how much.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from citypeers.optim.milp import INFINITY, LinearModel, RowBuilder
from citypeers.optim.selection_input import Limit, Pair, Problem


@dataclass(frozen=True)
class QuotaRow:
    """A model row for one limit at one visit (for max_per_value, for one of its values)."""

    visit: int
    limit: Limit
    value: str | None
    people: int  # the row counts `people` per person short: q for a share row, 1 for a count


@dataclass(frozen=True)
class SelectionModel:
    model: LinearModel
    pairs: tuple[Pair, ...]  # pairs[c] is column c
    slacks: tuple[tuple[int, QuotaRow], ...] = ()  # (slack column, its quota row)


@dataclass(frozen=True)
class RowSpec:
    columns: list[int]
    values: list[float]
    lower: float
    upper: float
    quota: QuotaRow


def build(
    problem: Problem,
    pairs: Sequence[Pair],
    costs: Sequence[float],
    *,
    maximise: bool = True,
    slack: bool = False,
    must_select: frozenset[int] = frozenset(),
) -> SelectionModel:
    rows = RowBuilder()
    _applicant_rows(rows, pairs, must_select)
    by_visit: dict[int, list[int]] = {}
    for column, pair in enumerate(pairs):
        by_visit.setdefault(pair.visit, []).append(column)
    slacks: list[tuple[int, QuotaRow]] = []
    for visit in range(len(problem.visits)):
        columns = by_visit.get(visit, [])  # a visit nobody can go to may still break a minimum
        capacity = problem.visits[visit].capacity
        if len(columns) > capacity:
            rows.add(columns, [1.0] * len(columns), -INFINITY, capacity)
        for limit in problem.visits[visit].limits:
            for spec in _limit_rows(problem, pairs, columns, visit, limit):
                if slack:  # +1 lets a lower bound row fall short, -1 an upper bound row overflow
                    column = len(pairs) + len(slacks)
                    spec.columns.append(column)
                    spec.values.append(1.0 if spec.quota.limit.is_lower else -1.0)
                    slacks.append((column, spec.quota))
                rows.add(spec.columns, spec.values, spec.lower, spec.upper)
    cost = list(costs)
    upper = [1.0] * len(pairs)
    integral = [True] * len(pairs)
    if slack:  # minimise the total slack, counted in people
        cost = [0.0] * len(pairs) + [1.0 / quota.people for _, quota in slacks]
        upper += [INFINITY] * len(slacks)
        integral += [False] * len(slacks)
    model = rows.model(cost, upper=upper, integral=integral, maximise=maximise)
    return SelectionModel(model, tuple(pairs), tuple(slacks))


def _applicant_rows(rows: RowBuilder, pairs: Sequence[Pair], must_select: frozenset[int]):
    by_applicant: dict[int, list[int]] = {}
    for column, pair in enumerate(pairs):
        by_applicant.setdefault(pair.applicant, []).append(column)
    for applicant, columns in by_applicant.items():
        must = applicant in must_select
        if len(columns) > 1 or must:
            rows.add(columns, [1.0] * len(columns), 1.0 if must else -INFINITY, 1.0)


def _limit_rows(
    problem: Problem, pairs: Sequence[Pair], columns: list[int], visit: int, limit: Limit
) -> list[RowSpec]:
    def value_of(column: int) -> str | None:
        return problem.applicants[pairs[column].applicant].attributes.get(limit.attribute)

    if limit.kind == "max_per_value":
        groups: dict[str, list[int]] = {}
        for column in columns:
            if (value := value_of(column)) is not None:
                groups.setdefault(value, []).append(column)
        return [
            RowSpec(
                group,
                [1.0] * len(group),
                -INFINITY,
                float(limit.bound),
                QuotaRow(visit, limit, value, 1),
            )
            for value, group in sorted(groups.items())
            if len(group) > limit.bound
        ]
    holders = [column for column in columns if value_of(column) == limit.value]
    ones = [1.0] * len(holders)
    quota = QuotaRow(visit, limit, limit.value, 1)
    if limit.kind == "min" and limit.bound > 0:
        return [RowSpec(holders, ones, float(limit.bound), INFINITY, quota)]
    if limit.kind == "max" and len(holders) > limit.bound:
        return [RowSpec(holders, ones, -INFINITY, float(limit.bound), quota)]
    if limit.is_share and _share_binds(limit, holders):
        most = min(problem.visits[visit].capacity, len(columns))
        share = equivalent_share(limit.bound, most, lower=limit.is_lower)
        held = set(holders)
        coefficients = {c: share.denominator * (c in held) - share.numerator for c in columns}
        kept = [c for c in columns if coefficients[c]]  # 0 when the share is 0 (or 1)
        low, high = (0.0, INFINITY) if limit.is_lower else (-INFINITY, 0.0)
        quota = QuotaRow(visit, limit, limit.value, share.denominator)
        return [RowSpec(kept, [float(coefficients[c]) for c in kept], low, high, quota)]
    return []


def _share_binds(limit: Limit, holders: list[int]) -> bool:
    if limit.kind == "min_share":
        return limit.bound > 0
    return limit.bound < 1 and bool(holders)  # max_share: nobody holding the value never breaks it


def equivalent_share(share: Fraction, most: int, *, lower: bool) -> Fraction:
    """The simplest fraction f with n/N >= f exactly when n/N >= share (<= for an upper bound),
    for every 0 < N <= most.

    For a lower bound that is the smallest n/N >= share with N <= most; for an upper bound the
    largest n/N <= share. Only needed when the share's own denominator is larger than `most`.
    """
    if most == 0 or share.denominator <= most:
        return share
    p, q = share.numerator, share.denominator
    if lower:
        return min(Fraction(-(-p * size // q), size) for size in range(1, most + 1))
    return max(Fraction(p * size // q, size) for size in range(1, most + 1))


def chosen_pairs(selection: SelectionModel, values: Sequence[float]) -> list[Pair]:
    """The pairs whose binary is (rounded to) 1."""
    return [pair for pair, x in zip(selection.pairs, values, strict=False) if x > 0.5]
