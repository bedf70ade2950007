"""Who is planned into breakout groups, and what a plan's groups are counted by: the pairs who
meet more than once and how mixed the groups are (`visits.breakouts` plans them, a hand move
and the re-plan recount them here, the same way). Plain code, no models."""

import math
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations

MIX_ATTRIBUTES = ("country", "city_size")  # in order of importance


class Kind(StrEnum):
    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    INTERPRETER = "interpreter"


@dataclass(frozen=True)
class Person:
    key: str  # unique among the people planned
    name: str
    email: str = ""
    country: str = ""  # ISO code; "" if unknown
    city_size: str = ""  # places.SizeClass value; "" if unknown
    organisation: str = ""
    kind: Kind = Kind.PARTICIPANT
    with_key: str = ""  # an interpreter: the key of the participant they stay with
    absent: frozenset[int] = field(default_factory=frozenset)  # round indices, from 0


Group = tuple[Person, ...]


@dataclass(frozen=True)
class Mix:
    """How mixed the groups are. Countries and city sizes count among participants only."""

    max_same_country: int  # the most participants of one country in a group
    max_same_city_size: int
    single_country_groups: int  # groups of two participants or more, all of one country
    violations: int  # as optim/groups.py counts `mix_violations`, over both attributes
    groups_without_facilitator: int
    groups_with_several_facilitators: int


def meetings(groups) -> Counter:
    met: Counter = Counter()
    for row in groups:
        for group in row:
            for a, b in combinations(sorted(p.key for p in group), 2):
                met[a, b] += 1
    return met


def figures(groups) -> tuple[int, tuple[tuple[str, str, int], ...], Mix]:
    met = meetings(groups)
    met_again = tuple(sorted((a, b, m) for (a, b), m in met.items() if m > 1))
    repeats = sum(m - 1 for _a, _b, m in met_again)
    most = dict.fromkeys(MIX_ATTRIBUTES, 0)
    single = violations = without = several = 0
    for row in groups:
        violations += round_mix_violations(row)
        for group in row:
            facilitators = sum(p.kind == Kind.FACILITATOR for p in group)
            without += facilitators == 0
            several += facilitators > 1
            for name in MIX_ATTRIBUTES:
                counts = _values(group, name)
                most[name] = max(most[name], max(counts.values(), default=0))
            countries = _values(group, "country")
            single += len(countries) == 1 and sum(countries.values()) > 1
    return (
        repeats,
        met_again,
        Mix(
            max_same_country=most["country"],
            max_same_city_size=most["city_size"],
            single_country_groups=single,
            violations=violations,
            groups_without_facilitator=without,
            groups_with_several_facilitators=several,
        ),
    )


def _values(group, name: str) -> Counter:
    return Counter(
        getattr(p, name) for p in group if p.kind == Kind.PARTICIPANT and getattr(p, name)
    )


def round_mix_violations(row) -> int:
    """People in a group beyond ceil(n(v) / k) for each value v, as the optimiser counts."""
    total = 0
    for name in MIX_ATTRIBUTES:
        present = sum((_values(group, name) for group in row), Counter())
        for group in row:
            for value, count in _values(group, name).items():
                total += max(0, count - math.ceil(present[value] / len(row)))
    return total
