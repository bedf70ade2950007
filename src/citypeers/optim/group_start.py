"""The checked instance as numbers, and a first schedule for the tabu search to improve.

People are numbered 0..n-1 in input order; a *unit* is a together set (overlapping sets
merged) or one person, and moves as a whole. Group sizes of a round follow from who is
present: k groups of s or s + 1 people (`round_sizes`).
"""

import random
from dataclasses import dataclass


@dataclass
class Problem:
    n: int
    present: list[list[int]]  # people present in each round
    k: list[int]  # groups in each round
    units: list[list[int]]  # together sets (merged) and single people; every person in one
    mix: list[list[int]]  # per mix attribute: a value number per person, -1 where missing
    spread: list[list[bool]]  # per spread rule: whether each person carries the value
    lower: int  # proven lower bound on the repeats


SAMPLE_GROUPS = 24  # groups scored for each person by the greedy start


def round_sizes(present: int, k: int) -> tuple[int, int, int]:
    """(smallest size, largest size, groups of the largest size) of a round."""
    small, big = divmod(present, k) if k else (0, 0)
    return small, small + (big > 0), big


def pack(weights: list[int], k: int, present: int, node_limit: int = 20_000) -> list[int] | None:
    """Groups for the units of `weights` (largest first), or None when they do not fit into
    k groups of the round's sizes. Single people always fit in the room left, so only units
    of two or more are searched (depth first, equal loads tried once)."""
    small, big_size, big = round_sizes(present, k)
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    order = [i for i in order if weights[i] > 1]
    loads, chosen = [0] * k, [-1] * len(weights)
    nodes = 0

    def place(at: int, full: int) -> bool:
        nonlocal nodes
        nodes += 1
        if at == len(order) or nodes > node_limit:
            return at == len(order)
        w, tried = weights[order[at]], set()
        for g in range(k):
            load = loads[g] + w
            if loads[g] in tried or load > big_size or (load > small and full >= big):
                continue
            tried.add(loads[g])
            loads[g], chosen[order[at]] = load, g
            if place(at + 1, full + (load > small)):
                return True
            loads[g] -= w
        return False

    return chosen if place(0, 0) else None


def greedy_groups(
    problem: Problem, rng: random.Random, preferred: list[list[int]] | None = None
) -> tuple[list[list[int]], int]:
    """A first schedule, round by round, and the work it took (in the search's units):
    together sets packed first, then each person into the group `preferred[r][person]` if it
    has room, else into the group with room where they have met fewest people already, then
    share fewest mix values, then find the fewest people (a sample of groups when many)."""
    n, units = problem.n, problem.units
    met = [bytearray(n) for _ in range(n)]
    result, work = [], 0
    for r, people in enumerate(problem.present):
        here, k = set(people), problem.k[r]
        members = [[x for x in unit if x in here] for unit in units]
        row = [-1] * len(units)
        if k:
            small, big_size, big = round_sizes(len(people), k)
            chosen = pack([len(m) for m in members], k, len(people))
            assert chosen is not None, "parse() has checked that the together sets fit"
            inside: list[list[int]] = [[] for _ in range(k)]
            for u, g in enumerate(chosen):
                if g >= 0 and len(members[u]) > 1:
                    row[u] = g
                    inside[g].extend(members[u])
            full = sum(len(group) > small for group in inside)
            singles = [u for u, m in enumerate(members) if len(m) == 1]
            if preferred is None:
                rng.shuffle(singles)
            for u in singles:
                x = members[u][0]
                wish = preferred[r][x] if preferred is not None else -1

                room = [
                    g
                    for g in range(k)
                    if len(inside[g]) < small or (len(inside[g]) < big_size and full < big)
                ]
                if wish in room:
                    room = [wish]
                elif len(room) > SAMPLE_GROUPS:  # many groups: score a sample
                    room = sorted(rng.sample(room, SAMPLE_GROUPS))
                g = min(
                    room,
                    key=lambda g, x=x, wish=wish: (
                        g != wish,
                        sum(met[x][y] for y in inside[g]),
                        sum(
                            values[x] >= 0 and values[x] == values[y]
                            for values in problem.mix
                            for y in inside[g]
                        ),
                        len(inside[g]),
                        g,
                    ),
                )
                work += len(room) * (1 + len(problem.mix)) * big_size // 8 + k // 32
                full += len(inside[g]) == small and big_size > small
                row[u] = g
                inside[g].append(x)
            for group in inside:
                for i, x in enumerate(group):
                    for y in group[i + 1 :]:
                        met[x][y] = met[y][x] = 1
        result.append(row)
    return result, work
