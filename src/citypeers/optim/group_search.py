"""Tabu search over swaps for breakout groups: fewest repeated pairs, then mixing, then spread.

The state is one group per *unit* (a `together` set, or one person) per round. A move swaps
two units of one round between groups, or moves one person from a larger group to a smaller
one, so group sizes stay within {s, s + 1} of the round and together sets stay whole. Each
step draws up to 16 (round, unit)s that are part of a violation (with the seeded generator;
repeated pairs first), tries every move of each, and makes the best move that is not tabu
(or that beats the best cost so far); ties are broken at random. After 20 * n steps without
a new best it restarts from the best, shaken by a few random moves, and after 10 such
restarts in a row it stops. Work is counted in move evaluations, not seconds, so the same
seed gives the same schedule on any machine.

The cost is lexicographic, folded into one integer: repeats * w_repeat + mixing * w_mix +
spread, with weights larger than anything the lower tiers can add up to.
"""

import random

from citypeers.optim.group_start import Problem, round_sizes


class Search:
    def __init__(self, problem: Problem, rng: random.Random, groups: list[list[int]]):
        """groups[r][u]: the group of unit u in round r (-1 where none of it is present)."""
        self.p, self.rng = problem, rng
        n, rounds = problem.n, len(problem.present)
        self.unit_of = [0] * n
        for u, unit in enumerate(problem.units):
            for person in unit:
                self.unit_of[person] = u
        here = [set(people) for people in problem.present]
        self.members = [
            [[x for x in unit if x in here[r]] for unit in problem.units] for r in range(rounds)
        ]
        self.sizes = [round_sizes(len(problem.present[r]), problem.k[r])[:2] for r in range(rounds)]
        self.value_count = [max(v, default=-1) + 1 for v in problem.mix]
        self.cap = []  # per round, attribute, value: the most one group should hold
        self.band = []  # per round, spread rule: (fewest, most) per group
        for r, people in enumerate(problem.present):
            k = max(problem.k[r], 1)
            caps = []
            for a, values in enumerate(problem.mix):
                totals = [0] * self.value_count[a]
                for x in people:
                    if values[x] >= 0:
                        totals[values[x]] += 1
                caps.append([-(-t // k) for t in totals])
            self.cap.append(caps)
            marked = [sum(flags[x] for x in people) for flags in problem.spread]
            self.band.append([(m // k, -(-m // k)) for m in marked])
        max_spread = 2 * n * rounds * len(problem.spread)
        self.w_mix = max_spread + 1
        self.w_repeat = self.w_mix * (n * rounds * len(problem.mix) + 1)
        # Work per move evaluated: mixing and spread about double its cost.
        self.step_cost = 2 if problem.mix or problem.spread else 1
        self.width = 16  # (round, unit)s drawn per step, all their moves tried
        self.patience = 20  # steps without a new best, per person, before a restart
        self.steps = 0  # made by the last run
        self.idle_restarts = 10  # restarts without a new best before giving up early
        self.load(groups)

    # -- state ------------------------------------------------------------------------------
    def load(self, groups: list[list[int]]) -> None:
        p, n = self.p, self.p.n
        self.where = [row[:] for row in groups]
        self.people = [[[] for _ in range(k)] for k in p.k]
        self.in_group = [[[] for _ in range(k)] for k in p.k]
        self.meet = [[0] * n for _ in range(n)]
        self.mix_count = [[[[0] * c for c in self.value_count] for _ in range(k)] for k in p.k]
        self.spread_count = [[[0] * len(p.spread) for _ in range(k)] for k in p.k]
        for r, row in enumerate(self.where):
            for u, g in enumerate(row):
                if g >= 0:
                    self.in_group[r][g].append(u)
                    for x in self.members[r][u]:
                        self._count(r, g, x, 1)
                        self.people[r][g].append(x)
        self.repeats = 0
        for groups in self.people:
            for group in groups:
                for i, x in enumerate(group):
                    row = self.meet[x]
                    for y in group[i + 1 :]:
                        self.repeats += row[y] > 0
                        row[y] += 1
                        self.meet[y][x] += 1
        self.mixing = sum(self._mix_violation(r, g) for r in range(len(p.k)) for g in range(p.k[r]))
        self.spreading = sum(
            self._spread_violation(r, g) for r in range(len(p.k)) for g in range(p.k[r])
        )

    def _count(self, r: int, g: int, x: int, step: int) -> None:
        for a, values in enumerate(self.p.mix):
            if values[x] >= 0:
                self.mix_count[r][g][a][values[x]] += step
        for s, flags in enumerate(self.p.spread):
            self.spread_count[r][g][s] += step * flags[x]

    def _mix_violation(self, r: int, g: int) -> int:
        pairs = zip(self.mix_count[r][g], self.cap[r], strict=True)
        return sum(
            max(0, c - cap) for counts, caps in pairs for c, cap in zip(counts, caps, strict=True)
        )

    def _spread_violation(self, r: int, g: int) -> int:
        bands = zip(self.spread_count[r][g], self.band[r], strict=True)
        return sum(max(0, c - hi) + max(0, lo - c) for c, (lo, hi) in bands)

    def cost(self) -> int:
        return self.repeats * self.w_repeat + self.mixing * self.w_mix + self.spreading

    def floor(self) -> int:
        return self.p.lower * self.w_repeat

    # -- moves ------------------------------------------------------------------------------
    def delta(self, r: int, u: int, b: int, v: int) -> tuple[int, int, int]:
        """Change in (repeats, mixing, spread) when unit u of round r goes to group b and
        unit v (-1: nobody) of group b comes to u's group."""
        a, meet, unit_of = self.where[r][u], self.meet, self.unit_of
        mu = self.members[r][u]
        mv = self.members[r][v] if v >= 0 else []
        group_a, group_b = self.people[r][a], self.people[r][b]
        rep = 0
        for x, leaving, joining, own, other in (
            (mu, group_a, group_b, u, v),
            (mv, group_b, group_a, v, u),
        ):
            for person in x:
                row = meet[person]
                for y in leaving:
                    if unit_of[y] != own and row[y] >= 2:
                        rep -= 1
                for y in joining:
                    if unit_of[y] != other and row[y] >= 1:
                        rep += 1
        if len(mu) == 1 and len(mv) <= 1:  # the usual case, one step at a time
            mix, spread = self._single_delta(r, a, b, mu[0], mv[0] if mv else -1)
            return rep, mix, spread
        mix = 0
        for i, values in enumerate(self.p.mix):
            counted: dict[int, int] = {}
            for person, d in [(x, -1) for x in mu] + [(x, 1) for x in mv]:
                if values[person] >= 0:
                    counted[values[person]] = counted.get(values[person], 0) + d
            caps, counts_a, counts_b = (
                self.cap[r][i],
                self.mix_count[r][a][i],
                self.mix_count[r][b][i],
            )
            for value, d in counted.items():
                cap, ca, cb = caps[value], counts_a[value], counts_b[value]
                mix += max(0, ca + d - cap) - max(0, ca - cap)
                mix += max(0, cb - d - cap) - max(0, cb - cap)
        spread = 0
        for i, flags in enumerate(self.p.spread):
            d = sum(flags[x] for x in mv) - sum(flags[x] for x in mu)
            if d:
                lo, hi = self.band[r][i]
                for c, step in ((self.spread_count[r][a][i], d), (self.spread_count[r][b][i], -d)):
                    spread += max(0, c + step - hi) + max(0, lo - c - step)
                    spread -= max(0, c - hi) + max(0, lo - c)
        return rep, mix, spread

    def _single_delta(self, r: int, a: int, b: int, x: int, y: int) -> tuple[int, int]:
        """(mixing, spread) change when person x goes from group a to b and y (-1: nobody)
        from b to a: each count moves by one, so the change is read off the thresholds."""
        mix = 0
        if self.p.mix:
            caps, counts_a, counts_b = self.cap[r], self.mix_count[r][a], self.mix_count[r][b]
            for i, values in enumerate(self.p.mix):
                out, into = values[x], values[y] if y >= 0 else -1
                if out != into:
                    if out >= 0:
                        cap = caps[i][out]
                        mix += (counts_b[i][out] >= cap) - (counts_a[i][out] > cap)
                    if into >= 0:
                        cap = caps[i][into]
                        mix += (counts_a[i][into] >= cap) - (counts_b[i][into] > cap)
        spread = 0
        for i, flags in enumerate(self.p.spread):
            d = (flags[y] if y >= 0 else 0) - flags[x]
            if d:
                lo, hi = self.band[r][i]
                gains, loses = (a, b) if d > 0 else (b, a)
                c = self.spread_count[r][gains][i]
                spread += 1 if c >= hi else -1 if c < lo else 0
                c = self.spread_count[r][loses][i]
                spread += -1 if c > hi else 1 if c <= lo else 0
        return mix, spread

    def apply(self, r: int, u: int, b: int, v: int) -> None:
        rep, mix, spread = self.delta(r, u, b, v)
        a = self.where[r][u]
        mu = self.members[r][u]
        mv = self.members[r][v] if v >= 0 else []
        meet = self.meet
        stay_a = [y for y in self.people[r][a] if self.unit_of[y] != u]
        stay_b = [y for y in self.people[r][b] if v < 0 or self.unit_of[y] != v]
        for movers, old, new, source, target in (
            (mu, stay_a, stay_b, a, b),
            (mv, stay_b, stay_a, b, a),
        ):
            for x in movers:
                for y in old:
                    meet[x][y] -= 1
                    meet[y][x] -= 1
                for y in new:
                    meet[x][y] += 1
                    meet[y][x] += 1
                self._count(r, source, x, -1)
                self._count(r, target, x, 1)
        self.people[r][a], self.people[r][b] = stay_a + mv, stay_b + mu
        self.in_group[r][a].remove(u)
        self.in_group[r][b].append(u)
        self.where[r][u] = b
        if v >= 0:
            self.in_group[r][b].remove(v)
            self.in_group[r][a].append(v)
            self.where[r][v] = a
        self.repeats += rep
        self.mixing += mix
        self.spreading += spread

    def moves(self, r: int, u: int) -> list[tuple[int, int]]:
        """(group, unit or -1) for every move of unit u in round r that keeps sizes valid."""
        a, lo_hi = self.where[r][u], self.sizes[r]
        w = len(self.members[r][u])
        size_a = len(self.people[r][a])
        found = []
        for b, group in enumerate(self.in_group[r]):
            if b == a:
                continue
            size_b = len(self.people[r][b])
            if w == 1 and lo_hi[0] <= size_a - 1 and size_b + 1 <= lo_hi[1]:
                found.append((b, -1))
            for v in group:
                d = len(self.members[r][v]) - w
                if lo_hi[0] <= size_a + d <= lo_hi[1] and lo_hi[0] <= size_b - d <= lo_hi[1]:
                    found.append((b, v))
        return found

    # -- search -----------------------------------------------------------------------------
    def troubled(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(round, unit) in a repeated pair; (round, unit) in a group that mixes or spreads
        badly, with a value that is part of it."""
        repeat, other = [], []
        meet, unit_of = self.meet, self.unit_of
        for r, groups in enumerate(self.people):
            for g, group in enumerate(groups):
                for i, x in enumerate(group):
                    row = meet[x]
                    for y in group[i + 1 :]:
                        if row[y] >= 2 and unit_of[x] != unit_of[y]:
                            repeat.append((r, unit_of[x]))
                            repeat.append((r, unit_of[y]))
                if (self.mixing and self._mix_violation(r, g)) or (
                    self.spreading and self._spread_violation(r, g)
                ):
                    other.extend((r, u) for u in self.in_group[r][g])
        return repeat, other

    def run(self, budget: int) -> tuple[list[list[int]], int]:
        """Search until the floor or the budget (move evaluations); the best groups found."""
        rng, floor = self.rng, self.floor()
        best_cost, best = self.cost(), [row[:] for row in self.where]
        tabu: dict[tuple[int, int, int], int] = {}
        work = step = since_best = idle_restarts = 0
        n = self.p.n
        while work < budget and best_cost > floor and idle_restarts <= self.idle_restarts:
            step += 1
            repeat, other = self.troubled()
            work += 8 + sum(len(g) ** 2 for groups in self.people for g in groups) // 4
            pool = repeat if repeat and (self.repeats > self.p.lower or not other) else other
            if not pool:
                break  # nothing left to improve
            picks = {rng.choice(pool) for _ in range(self.width)}
            if other and pool is repeat and rng.random() < 0.1:
                picks = {rng.choice(other)}
            chosen, chosen_delta, ties = None, None, 0
            current = self.cost()
            for r, u in sorted(picks):
                a = self.where[r][u]
                for b, v in self.moves(r, u):
                    work += self.step_cost
                    rep, mix, spread = self.delta(r, u, b, v)
                    d = rep * self.w_repeat + mix * self.w_mix + spread
                    blocked = tabu.get((r, u, b), 0) > step or (
                        v >= 0 and tabu.get((r, v, a), 0) > step
                    )
                    if blocked and current + d >= best_cost:
                        continue
                    if chosen_delta is None or d < chosen_delta:
                        chosen, chosen_delta, ties = (r, u, b, v), d, 1
                    elif d == chosen_delta:
                        ties += 1
                        if rng.randrange(ties) == 0:
                            chosen = (r, u, b, v)
            if chosen is None:
                continue
            r, u, b, v = chosen
            a = self.where[r][u]
            tenure = 4 + rng.randrange(max(2, n // 4))
            tabu[r, u, a] = step + tenure
            if v >= 0:
                tabu[r, v, b] = step + tenure
            self.apply(r, u, b, v)
            since_best += 1
            if self.cost() < best_cost:
                best_cost, best = self.cost(), [row[:] for row in self.where]
                since_best = idle_restarts = 0
            elif since_best > self.patience * n:
                idle_restarts += 1
                self.load(best)  # restart from the best, shaken by a few random moves
                for _ in range(2 + n // 12):
                    r = rng.randrange(len(self.where))
                    units = [u for u, g in enumerate(self.where[r]) if g >= 0]
                    if units:
                        u = rng.choice(units)
                        options = self.moves(r, u)
                        if options:
                            self.apply(r, u, *rng.choice(options))
                since_best, tabu = 0, {}
        self.load(best)
        self.steps = step
        return best, work

    def relabel(self, budget: int) -> int:
        """Swap single people present in the same rounds, in every round at once: repeats
        stay the same (a relabelling), mixing and spread improve. First improvement."""
        rounds = range(len(self.where))
        singles = [u for u, unit in enumerate(self.p.units) if len(unit) == 1]
        key = {u: tuple(self.where[r][u] >= 0 for r in rounds) for u in singles}
        work = 0
        improved = True
        while improved and work < budget and (self.mixing or self.spreading):
            improved = False
            order = singles[:]
            self.rng.shuffle(order)
            _, troubled = self.troubled()
            worst = {u for _, u in troubled}
            for u in (u for u in order if u in worst):
                for v in order:
                    if u == v or key[u] != key[v]:
                        continue
                    work += len(rounds) * self.step_cost
                    gain = 0
                    for r in rounds:
                        b = self.where[r][v]
                        if b >= 0 and b != self.where[r][u]:
                            _, mix, spread = self.delta(r, u, b, v)
                            gain += mix * self.w_mix + spread
                    if gain < 0:
                        for r in rounds:
                            b = self.where[r][v]
                            if b >= 0 and b != self.where[r][u]:
                                self.apply(r, u, b, v)
                        improved = True
                if work >= budget:
                    break
        return work
