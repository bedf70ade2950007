"""Proven lower bounds on the repeated pairs of any schedule of an instance.

`repeats` = sum over pairs of (meetings - 1) for pairs that meet at all. Three bounds, the
largest is reported (each holds for every schedule that meets the hard constraints):

* pairs: T - A, where T (pair-meetings inside groups, summed over rounds) is fixed by the
  group sizes and A is the number of pairs present together in at least one round: every
  meeting beyond the first of its pair is a repeat. Pairs inside a `together` set are
  counted apart: they meet in every round both are present.
* people: person p meets at least M_p = sum over its rounds of (smallest group - 1) people
  but only D_p others are ever present with p, so p's pairs hold >= M_p - D_p repeats; each
  repeat belongs to two people.
* pigeonhole: in any order of the rounds, repeats = sum over rounds r of the pairs of r that
  met in an earlier round, >= the pairs of r that met in one earlier round s. A group of
  size x (of those in r who were present in s) drawn from the k_s groups of s holds at
  least f(x, k_s) = sum C(n_i, 2) over the most even split of x into k_s parts; f is convex,
  so the x are spread as evenly as the group sizes of r allow. The order is chosen greedily.
"""

from dataclasses import dataclass
from math import comb


@dataclass(frozen=True)
class Bound:
    value: int
    pairs: int
    people: int
    pigeonhole: int


def even_split_pairs(x: int, k: int) -> int:
    """Fewest pairs sharing a part when x people are split into k parts."""
    if k <= 0:
        return comb(x, 2)
    q, rem = divmod(x, k)
    return rem * comb(q + 1, 2) + (k - rem) * comb(q, 2)


def pigeonhole(sizes: list[int], common: int, k_earlier: int) -> int:
    """Fewest pairs of a round (group sizes `sizes`) that already met in an earlier round of
    `k_earlier` groups, when `common` of its people were present in that earlier round."""
    total, left = 0, common
    ordered = sorted(sizes)
    for i, cap in enumerate(ordered):  # water-filling: as even as the capacities allow
        x = min(cap, left // (len(ordered) - i))
        total += even_split_pairs(x, k_earlier)
        left -= x
    return total


def _pigeonhole_bound(present: list[frozenset[int]], sizes: list[list[int]]) -> int:
    rounds = [r for r in range(len(present)) if present[r]]
    if len(rounds) < 2:
        return 0
    gain = {
        (r, s): pigeonhole(sizes[r], len(present[r] & present[s]), len(sizes[s]))
        for r in rounds
        for s in rounds
        if r != s
    }
    alike = len({(present[r], tuple(sizes[r])) for r in rounds}) == 1
    best = 0
    for root in rounds[:1] if alike else rounds:
        # Greedy order: next, the round with the most pairs already met in one placed round.
        reach = {r: gain[r, root] for r in rounds if r != root}
        value = 0
        while reach:
            chosen = max(reach, key=lambda r: (reach[r], -r))
            value += reach.pop(chosen)
            for r in reach:
                reach[r] = max(reach[r], gain[r, chosen])
        best = max(best, value)
    return best


def lower_bound(
    n: int, present: list[frozenset[int]], sizes: list[list[int]], units: list[list[int]]
) -> Bound:
    """present[r]: people in round r; sizes[r]: its group sizes; units: together sets."""
    masks = [0] * n
    for r, people in enumerate(present):
        for p in people:
            masks[p] |= 1 << r
    by_mask: dict[int, int] = {}
    for mask in masks:
        by_mask[mask] = by_mask.get(mask, 0) + 1
    classes = sorted(by_mask.items())
    copresent = 0  # pairs present together at least once
    others = {}  # mask -> people ever present with someone of this mask (self excluded)
    for i, (mask_a, count_a) in enumerate(classes):
        others[mask_a] = sum(c for m, c in classes if m & mask_a) - (1 if mask_a else 0)
        if mask_a:
            copresent += comb(count_a, 2)
            copresent += sum(c * count_a for m, c in classes[i + 1 :] if m & mask_a)
    meetings = sum(comb(z, 2) for round_sizes in sizes for z in round_sizes)

    forced_repeats = forced_meetings = forced_pairs = 0
    for unit in units:
        for i, p in enumerate(unit):
            for q in unit[i + 1 :]:
                common = (masks[p] & masks[q]).bit_count()
                forced_meetings += common
                forced_pairs += common > 0
                forced_repeats += max(0, common - 1)
    pairs = forced_repeats + max(0, (meetings - forced_meetings) - (copresent - forced_pairs))

    smallest = [min(z) if z else 0 for z in sizes]
    excess = 0
    for p in range(n):
        met = sum(smallest[r] - 1 for r in range(len(sizes)) if masks[p] >> r & 1)
        excess += max(0, met - others[masks[p]])
    people = (excess + 1) // 2

    pigeon = _pigeonhole_bound(present, sizes)
    return Bound(max(pairs, people, pigeon), pairs, people, pigeon)
