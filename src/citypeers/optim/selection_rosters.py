"""Who is selected for each visit, with exact what-if checks against its quotas.

`Roster.broken(enter, leave)` answers "which quota bounds would fail if this person came in
(and that one left)?" in integer arithmetic. The answer depends only on the two people's
values of the attributes the visit's quotas look at (their profiles), so it is cached per pair
of profiles until the roster changes: that keeps the reasons and waiting lists of 10,000
applicants cheap.
"""

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from citypeers.optim.selection_input import Applicant, Limit, Problem, Visit

Profile = tuple[str | None, ...]
Broken = tuple[tuple[Limit, str], ...]  # each failing bound with the attribute value concerned


@dataclass
class Roster:
    visit: Visit
    applicants: tuple[Applicant, ...]  # everyone, by number
    members: list[int] = field(default_factory=list)  # applicant numbers
    counts: Counter = field(default_factory=Counter)  # (attribute, value) -> people
    attributes: tuple[str, ...] = ()
    _profiles: dict[int, Profile] = field(default_factory=dict)
    _cache: dict[tuple[Profile | None, Profile | None], Broken] = field(default_factory=dict)
    _checks: list[tuple[Limit, int]] = field(default_factory=list)  # limit, attribute position

    def __post_init__(self) -> None:
        self.attributes = tuple(sorted({limit.attribute for limit in self.visit.limits}))
        position = {name: index for index, name in enumerate(self.attributes)}
        self._checks = [(limit, position[limit.attribute]) for limit in self.visit.limits]

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def full(self) -> bool:
        return len(self.members) >= self.visit.capacity

    def profile(self, applicant: int) -> Profile:
        """The applicant's values of the attributes this visit's quotas look at."""
        profile = self._profiles.get(applicant)
        if profile is None:
            attributes = self.applicants[applicant].attributes
            profile = self._profiles[applicant] = tuple(attributes.get(a) for a in self.attributes)
        return profile

    def broken(self, enter: int | None, leave: int | None = None) -> Broken:
        """The quota bounds that would fail after the move; () when it keeps every quota."""
        return self.broken_for(
            None if enter is None else self.profile(enter),
            None if leave is None else self.profile(leave),
        )

    def broken_for(self, enter: Profile | None, leave: Profile | None) -> Broken:
        """`broken` for people given by their profiles (None: nobody enters, or leaves)."""
        key = (enter, leave)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._broken(enter, leave)
        return found

    def _broken(self, enter: Profile | None, leave: Profile | None) -> Broken:
        size = len(self.members) + (enter is not None) - (leave is not None)
        failing: list[tuple[Limit, str]] = []
        for limit, index in self._checks:
            entering = enter[index] if enter is not None else None
            leaving = leave[index] if leave is not None else None
            if limit.value is None:  # max_per_value: only the entering person's value can rise
                if entering is None or entering == leaving:
                    continue
                value = entering
                count = self.counts[limit.attribute, value] + 1
            else:
                value = limit.value
                count = self.counts[limit.attribute, value]
                count += (entering == value) - (leaving == value)
            if not limit.holds(count, size):
                failing.append((limit, value))
        return tuple(failing)

    def violations(self) -> Broken:
        """The quota bounds the roster as it stands breaks (none, for a feasible selection)."""
        size = len(self.members)
        failing: list[tuple[Limit, str]] = []
        for limit in self.visit.limits:
            if limit.value is not None:  # a value nobody selected has may still need a minimum
                counts = {limit.value: self.counts[limit.attribute, limit.value]}
            else:
                counts = {v: n for (a, v), n in self.counts.items() if a == limit.attribute}
            failing += [(limit, v) for v, n in sorted(counts.items()) if not limit.holds(n, size)]
        return tuple(failing)

    def add(self, applicant: int) -> None:
        self.members.append(applicant)
        self._count(applicant, 1)

    def remove(self, applicant: int) -> None:
        self.members.remove(applicant)
        self._count(applicant, -1)

    def _count(self, applicant: int, step: int) -> None:
        for name, value in zip(self.attributes, self.profile(applicant), strict=True):
            if value is not None:
                self.counts[name, value] += step
        self._cache.clear()


def rosters_for(problem: Problem, assignment: dict[int, int]) -> list[Roster]:
    """One roster per visit from applicant -> visit."""
    rosters = [Roster(visit, problem.applicants) for visit in problem.visits]
    for applicant, visit in sorted(assignment.items()):
        rosters[visit].add(applicant)
    return rosters


def quota_names(broken: Broken) -> str:
    """In words: "the quota 'at most 3 per country' (country = FR)", several joined by "or"."""
    return quotas_text(quotas_of(broken))


def quotas_of(broken: Broken) -> list[dict[str, Any]]:
    """The failing bounds as data, each once, in order (the `quotas` of a `why`).

    A count's bound is an int, a share's a float (exactly the number the instance gave);
    `concerned` is the attribute value the bound failed for.
    """
    quotas: list[dict[str, Any]] = []
    for limit, value in broken:
        bound = float(limit.bound) if limit.is_share else int(limit.bound)
        quota = {
            "kind": limit.kind,
            "attribute": limit.attribute,
            "value": limit.value,
            "bound": bound,
            "concerned": value,
        }
        if quota not in quotas:
            quotas.append(quota)
    return quotas


def quotas_text(quotas: list[dict[str, Any]]) -> str:
    """`quota_names` of `quotas_of`: from the data alone."""
    names: list[str] = []
    for quota in quotas:
        name = f"'{_limit(quota).text()}'"
        if quota["kind"] == "max_per_value":
            name += f" ({quota['attribute']} = {quota['concerned']})"
        if name not in names:  # two bounds can read the same (30% and 30.0000001%)
            names.append(name)
    return ("the quota " if len(names) == 1 else "the quotas ") + " or ".join(names)


def _limit(quota: dict[str, Any]) -> Limit:
    """The bound a quota's data describes; a share as the instance's reader makes it."""
    bound = quota["bound"]
    exact = Fraction(str(bound)) if quota["kind"].endswith("share") else Fraction(bound)
    return Limit("", quota["kind"], quota["attribute"], quota["value"], exact)
