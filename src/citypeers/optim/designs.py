"""Resolvable designs in which no two people meet twice, for the breakout groups.

Every construction here is a *developed* design: the points are (column, y) with y in an
additive group of order k (the number of groups per round), and a round is given by a row
vector a = (a_0, ..., a_{c-1}): point (i, y) sits in group y - a_i. Two points of different
columns i, j meet in that round exactly when y_j - y_i = a_j - a_i, so a set of rows whose
differences a_j - a_i are pairwise distinct for every pair of columns (a partial *difference
matrix*) gives rounds in which no pair meets twice; points of one column never meet at all.

* k a prime power q: the rows t * (x_0, ..., x_{c-1}) over GF(q) (t in GF(q)) are the
  parallel classes of the affine plane AG(2, q) with the vertical lines removed, i.e. a
  resolvable transversal design TD(c, q) (c - 1 mutually orthogonal Latin squares of order q
  in another guise). q rows; with c = q columns of equal size the columns themselves are a
  further round (the vertical class), q + 1 rounds in all.
* any other k: a depth-first search over Z_k for as many such rows as are asked for.
* 15 (or 14) people in 5 groups: a Kirkman triple system KTS(15), 7 rounds.

Fewer people than points: whole columns, plus one partial column (each round's groups
partition a column, so exactly m groups get its m points: sizes differ by at most one). More
people than points (groups larger than k): points carry several people ("clones") spread
evenly; clones meet every round, which is unavoidable there (see group_bounds.py).
"""

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# (inf, 0_0, 0_1), (1_0, 2_0, 4_0), (3_0, 1_1, 5_1), (5_0, 4_1, 6_1), (6_0, 2_1, 3_1) on the
# points inf and Z_7 x {0, 1}, numbered x (for x_0), 7 + x (for x_1) and 14 (inf): a
# 1-rotational KTS(15) found by exhaustive search; adding t mod 7 gives the 7 parallel classes.
KIRKMAN_15_BASE = ((14, 0, 7), (1, 2, 4), (3, 8, 12), (5, 11, 13), (6, 9, 10))

Rows = list[list[int]]


@dataclass
class Design:
    """Rounds of groups of *slots* 0..n-1; people are assigned to slots afterwards."""

    rounds: list[list[list[int]]]
    method: str
    exact_rounds: int  # how many rounds come from the construction before it repeats
    # Lengths of the runs of consecutive slots that never share a group (the columns, copy by
    # copy), so alike people can be put apart; empty when there are none to offer.
    columns: list[int]


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, m) with q == p**m and p prime, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    m, rest = 0, q
    while rest % p == 0:
        rest //= p
        m += 1
    return (p, m) if rest == 1 else None


class GaloisField:
    """GF(p**m): an element is the int whose base-p digits are its polynomial's coefficients.

    Multiplication goes through exp/log tables of a primitive element, so building the field
    costs O(q) polynomial steps (GF(4), GF(8), GF(9), GF(16), ... alike)."""

    def __init__(self, q: int):
        pm = prime_power(q)
        if pm is None:
            raise ValueError(f"{q} is not a prime power")
        self.q, (self.p, self.m) = q, pm
        self.modulus = self._irreducible()
        self.exp, self.log = self._tables()

    def _digits(self, a: int) -> list[int]:
        return [(a // self.p**i) % self.p for i in range(self.m)]

    def _number(self, digits: Sequence[int]) -> int:
        return sum(d * self.p**i for i, d in enumerate(digits))

    def add(self, a: int, b: int) -> int:
        if self.m == 1:
            return (a + b) % self.p
        digits = zip(self._digits(a), self._digits(b), strict=True)
        return self._number([(x + y) % self.p for x, y in digits])

    def sub(self, a: int, b: int) -> int:
        if self.m == 1:
            return (a - b) % self.p
        digits = zip(self._digits(a), self._digits(b), strict=True)
        return self._number([(x - y) % self.p for x, y in digits])

    def mul(self, a: int, b: int) -> int:
        if a == 0 or b == 0:
            return 0
        return self.exp[(self.log[a] + self.log[b]) % (self.q - 1)]

    def _irreducible(self) -> list[int]:
        """The first monic polynomial of degree m (coefficients low to high) with no factor."""
        p, m = self.p, self.m
        if m == 1:
            return [0, 1]
        for n in range(p**m):
            poly = [*self._digits_of(n, m), 1]
            if all(
                _poly_mod(poly, [*self._digits_of(f, d), 1], p) != [0] * d
                for d in range(1, m // 2 + 1)
                for f in range(p**d)
            ):
                return poly
        raise AssertionError("an irreducible polynomial of every degree exists")

    def _digits_of(self, n: int, length: int) -> list[int]:
        return [(n // self.p**i) % self.p for i in range(length)]

    def _times_x(self, a: int) -> int:
        """a * x reduced modulo the field polynomial."""
        p, m = self.p, self.m
        digits = [0, *self._digits(a)]  # degree up to m
        top = digits[m]
        reduced = [(digits[i] - top * self.modulus[i]) % p for i in range(m)]
        return self._number(reduced)

    def _mul_slow(self, a: int, b: int) -> int:
        result, power = 0, a
        for digit in self._digits(b):
            for _ in range(digit):
                result = self.add(result, power)
            power = self._times_x(power)
        return result

    def _tables(self) -> tuple[list[int], list[int]]:
        q = self.q
        for g in range(2, q) if q > 2 else [1]:
            exp, x = [], 1
            for _ in range(q - 1):
                exp.append(x)
                x = self._mul_slow(x, g) if self.m > 1 else x * g % q
            if len(set(exp)) == q - 1:  # g generates the multiplicative group
                log = [0] * q
                for i, value in enumerate(exp):
                    log[value] = i
                return exp, log
        raise AssertionError("the multiplicative group of a finite field is cyclic")


def _poly_mod(a: list[int], b: list[int], p: int) -> list[int]:
    """a mod b over GF(p), b monic; the remainder padded to len(b) - 1 coefficients."""
    a = a[:]
    for shift in range(len(a) - len(b), -1, -1):
        factor = a[shift + len(b) - 1]
        if factor:
            for i, coefficient in enumerate(b):
                a[shift + i] = (a[shift + i] - factor * coefficient) % p
    return (a + [0] * len(b))[: len(b) - 1]


def field_rows(field: GaloisField, columns: int) -> Rows:
    """The q parallel classes of AG(2, q) minus the vertical lines, on `columns` x-values."""
    return [[field.mul(t, x) for x in range(columns)] for t in range(field.q)]


class _SearchExhausted(Exception):
    pass


def cyclic_rows(k: int, columns: int, wanted: int, node_limit: int = 100_000) -> Rows:
    """Up to `wanted` rows over Z_k with distinct differences for every pair of columns.

    Depth first, value by value (each value tried counts as a node); row 0 is all zeros and
    a_0 = 0 in every row (translating a column changes no difference), rows in increasing a_1.
    Returns the most rows seen when the node limit ends the search (for even k no full set of
    k rows exists even for 3 columns: a cyclic group of even order has no complete mapping)."""
    wanted = min(wanted, k)
    if columns < 2:  # one person per group: nobody meets anybody
        return [[0] * columns for _ in range(max(wanted, 1))]
    used = [[[False] * k for _ in range(columns)] for _ in range(columns)]
    rows: Rows = [[0] * columns]
    best: Rows = [row[:] for row in rows]
    nodes = 0

    def mark(row: list[int], value: bool) -> None:
        for i in range(columns):
            for j in range(i + 1, columns):
                used[i][j][(row[j] - row[i]) % k] = value

    def extend(row: list[int], column: int) -> bool:
        nonlocal nodes, best
        if column == columns:
            rows.append(row[:])
            mark(row, True)
            if len(rows) > len(best):
                best = [r[:] for r in rows]
            if len(rows) >= wanted or extend([0] * columns, 1):
                return True
            mark(row, False)
            rows.pop()
            return False
        start = rows[-1][1] + 1 if column == 1 else 0
        nodes += k - start
        if nodes > node_limit:
            raise _SearchExhausted
        for value in range(start, k):
            if all(not used[i][column][(value - row[i]) % k] for i in range(column)):
                row[column] = value
                if extend(row, column + 1):
                    return True
        return False

    mark(rows[0], True)
    if wanted > 1:
        with contextlib.suppress(_SearchExhausted):  # keep the most rows found so far
            extend([0] * columns, 1)
    return best


def column_weights(n: int, k: int, max_columns: int) -> list[list[int]]:
    """People per point, weights[column][y]: whole columns, then a partial one (or clones)."""
    full, partial = divmod(n, k)
    if full + (partial > 0) <= max_columns:
        weights = [[1] * k for _ in range(full)]
        if partial:
            weights.append([1] * partial + [0] * (k - partial))
        return weights
    # Groups larger than k: spread the clones evenly over the columns, the extra m people on
    # the lightest column (the last), so every group still has `full` or `full + 1` people.
    columns = max_columns
    weights = [[full // columns + (i < full % columns)] * k for i in range(columns)]
    for y in range(partial):
        weights[-1][y] += 1
    return weights


def _developed(
    weights: list[list[int]], rows: Rows, sub: Callable[[int, int], int], k: int, vertical: bool
) -> tuple[list[list[list[int]]], list[int]]:
    """Rounds over slots, numbered column by column (clones of a point copy by copy, so they
    are far apart), and the lengths of those columns."""
    slots: dict[tuple[int, int], list[int]] = {}
    runs, number = [], 0
    for copy in range(max(max(column) for column in weights)):
        for i, column in enumerate(weights):
            start = number
            for y, weight in enumerate(column):
                if copy < weight:
                    slots.setdefault((i, y), []).append(number)
                    number += 1
            if number > start:
                runs.append(number - start)
    rounds = []
    for row in rows:
        groups: list[list[int]] = [[] for _ in range(k)]
        for (i, y), members in slots.items():
            groups[sub(y, row[i])].extend(members)
        rounds.append([sorted(group) for group in groups if group])
    if vertical:
        columns: list[list[int]] = [[] for _ in weights]
        for (i, _y), members in slots.items():
            columns[i].extend(members)
        sizes = [len(column) for column in columns]
        if len(columns) == k and max(sizes) - min(sizes) <= 1:
            rounds.append([sorted(column) for column in columns])
            runs = []  # the columns are groups of the last round: they do meet
    return rounds, runs


def _extend(rounds: list[list[list[int]]], wanted: int) -> list[list[list[int]]]:
    """Cycle through the rounds to reach `wanted` (the local search improves the repeats)."""
    return [rounds[r % len(rounds)] for r in range(wanted)] if rounds else []


def field_design(n: int, k: int, wanted: int) -> Design | None:
    if prime_power(k) is None or n < 2:
        return None
    field = GaloisField(k)
    weights = column_weights(n, k, k)
    rows = field_rows(field, len(weights))
    rounds, runs = _developed(weights, rows, field.sub, k, vertical=wanted > k)
    missing = sum(w == 0 for column in weights for w in column)
    if len(weights) == k:
        name = f"affine plane AG(2,{k})"
        if missing:
            name += f" less {missing} point{'s' * (missing > 1)} of a line"
    else:
        name = (
            f"resolvable transversal design TD({len(weights)},{k}) over GF({k}) (AG(2,{k}) "
            f"on {len(weights)} of its vertical lines)"
        )
    return _design(rounds, wanted, name, weights, runs)


def cyclic_design(n: int, k: int, wanted: int, node_limit: int = 100_000) -> Design | None:
    if n < 2 or k < 2:
        return None
    weights = column_weights(n, k, k)
    rows = cyclic_rows(k, len(weights), wanted, node_limit)
    rounds, runs = _developed(weights, rows, lambda a, b: (a - b) % k, k, wanted > len(rows))
    name = f"difference matrix over Z_{k} ({len(rows)} rows, {len(weights)} columns)"
    return _design(rounds, wanted, name, weights, runs)


def kirkman_design(n: int, k: int, wanted: int) -> Design | None:
    """KTS(15): Kirkman's fifteen schoolgirls; 14 people drop the point at infinity."""
    if k != 5 or n not in (14, 15):
        return None
    rounds = []
    for t in range(7):
        groups = []
        for triple in KIRKMAN_15_BASE:
            moved = [p if p == 14 else (p % 7 + t) % 7 + 7 * (p // 7) for p in triple]
            groups.append(sorted(p for p in moved if p < n))
        rounds.append(groups)
    name = "Kirkman triple system KTS(15)" + (" less one point" if n == 14 else "")
    return _design(rounds, wanted, name, None, [])


def _design(
    rounds: list[list[list[int]]],
    wanted: int,
    name: str,
    weights: list[list[int]] | None,
    columns: list[int],
) -> Design:
    exact = min(len(rounds), wanted)
    method = f"{name}, {exact} parallel classes"
    if weights is not None and max(max(column) for column in weights) > 1:
        clones = sum(w > 1 for column in weights for w in column)
        method += f", {clones} points taken by two or more people (who meet every round)"
    if wanted > exact:
        method += f", cycled to fill {wanted} rounds"
    return Design(_extend(rounds, wanted), method, exact, columns)


def candidate_designs(n: int, k: int, wanted: int) -> list[Design]:
    """Every construction that fits n people in k groups per round, best-suited first."""
    makers = (kirkman_design, field_design) if prime_power(k) else (kirkman_design, cyclic_design)
    return [d for d in (make(n, k, wanted) for make in makers) if d is not None and d.rounds]
