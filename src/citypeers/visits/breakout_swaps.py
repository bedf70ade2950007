"""Swaps of people between the groups of a round, used after the optimiser: facilitators spread
one per group, and the re-plan after a drop-out improved over every round (`visits.breakouts`).
Plain code, no models."""

from itertools import combinations

from citypeers.visits.breakout_counts import Kind, Person, meetings, round_mix_violations

SWAP_PASSES = 50  # at most, in the re-plan's swaps; each pass tries every pair once


class Swaps:
    """Swaps of two people between groups of a round, with the meetings of every round kept
    counted, so a swap's effect on the repeats is known from the two groups alone."""

    def __init__(self, groups, units: dict[str, set[str]]):
        self.met = meetings(groups)
        self.units = units

    def single(self, x: Person) -> bool:
        return len(self.units[x.key]) == 1  # not tied to an interpreter

    def _met(self, x: Person, z: Person) -> int:
        return self.met[(x.key, z.key) if x.key < z.key else (z.key, x.key)]

    def _added(self, x: Person, stay: list[Person], go: list[Person], y: Person) -> int:
        """Repeats x adds by leaving `stay` for `go`, in y's place."""
        return sum(self._met(x, z) >= 1 for z in go if z is not y) - sum(
            self._met(x, z) >= 2 for z in stay if z is not x
        )

    def repeats_added(self, row: list[list[Person]], a: int, b: int, x: Person, y: Person):
        return self._added(x, row[a], row[b], y) + self._added(y, row[b], row[a], x)

    def cost(self, row: list[list[Person]], a: int, b: int, x: Person, y: Person):
        """(repeats added, mix violations added) by swapping x of group a and y of group b."""
        added = self.repeats_added(row, a, b, x, y)
        before = round_mix_violations(row)
        self._exchange(row, a, b, x, y)
        mixing = round_mix_violations(row) - before
        self._exchange(row, a, b, y, x)
        return added, mixing

    def swap(self, row: list[list[Person]], a: int, b: int, x: Person, y: Person) -> None:
        for person, stay, go, other in ((x, row[a], row[b], y), (y, row[b], row[a], x)):
            for z in stay:
                if z is not person:
                    self.met[tuple(sorted((person.key, z.key)))] -= 1
            for z in go:
                if z is not other:
                    self.met[tuple(sorted((person.key, z.key)))] += 1
        self._exchange(row, a, b, x, y)

    def move_cost(self, row: list[list[Person]], a: int, b: int, x: Person) -> tuple[int, int]:
        """(repeats added, mix violations added) by moving x from group a to group b."""
        added = sum(self._met(x, z) >= 1 for z in row[b]) - sum(
            self._met(x, z) >= 2 for z in row[a] if z is not x
        )
        before = round_mix_violations(row)
        row[a].remove(x)
        row[b].append(x)
        mixing = round_mix_violations(row) - before
        row[b].remove(x)
        row[a].append(x)
        return added, mixing

    def move(self, row: list[list[Person]], a: int, b: int, x: Person) -> None:
        for z in row[a]:
            if z is not x:
                self.met[tuple(sorted((x.key, z.key)))] -= 1
        for z in row[b]:
            self.met[tuple(sorted((x.key, z.key)))] += 1
        row[a].remove(x)
        row[b].append(x)

    @staticmethod
    def _exchange(row, a: int, b: int, x: Person, y: Person) -> None:
        ia, ib = row[a].index(x), row[b].index(y)
        row[a][ia], row[b][ib] = y, x


def spread_facilitators(swaps: Swaps, rows: list[list[list[Person]]]) -> bool:
    """Facilitators one per group (as evenly as their number allows) in every round, by
    swapping one from the group with the most for a participant of the group with the fewest,
    the swap that adds the fewest repeats, then mix violations. The optimiser ranks spreading
    last; a group without a facilitator while another has two is not what a visit can run.
    In place; True if anything moved."""
    moved = False
    for row in rows:
        while len(row) > 1:
            count = [sum(p.kind == Kind.FACILITATOR for p in group) for group in row]
            a, b = count.index(max(count)), count.index(min(count))
            options = [
                (swaps.cost(row, a, b, x, y), x.key, y.key, x, y)
                for x in row[a]
                if x.kind == Kind.FACILITATOR
                for y in row[b]
                if y.kind != Kind.FACILITATOR and swaps.single(y)
            ]
            if count[a] - count[b] <= 1 or not options:
                break
            *_order, x, y = min(options, key=lambda option: option[:3])
            swaps.swap(row, a, b, x, y)
            moved = True
    return moved


def swap_apart(swaps: Swaps, rows: list[list[list[Person]]]) -> None:
    """Swaps two single people of the same kind between groups of a round, first improvement,
    while that lowers the repeats (counted over every round `swaps` knows), or keeps them and
    lowers the round's mix violations. In place."""
    for row in rows:
        for _pass in range(SWAP_PASSES):
            improved = False
            for a, b in combinations(range(len(row)), 2):
                for x in list(row[a]):
                    for y in list(row[b]):
                        if x not in row[a]:
                            break
                        if x.kind != y.kind or not swaps.single(x) or not swaps.single(y):
                            continue
                        if swaps.repeats_added(row, a, b, x, y) > 0:
                            continue
                        if swaps.cost(row, a, b, x, y) < (0, 0):
                            swaps.swap(row, a, b, x, y)
                            improved = True
            if not improved:
                break
