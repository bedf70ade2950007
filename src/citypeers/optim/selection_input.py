"""Reads and checks a selection instance; every fault is an `InstanceError` naming its field.

The checked instance is a `Problem`: visits with their quotas as `Limit`s (one per bound, so
a quota with `min` and `max_share` gives two), applicants, and the eligible (applicant, visit)
pairs, the only places anyone can be selected.
"""

import difflib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Literal

from citypeers.optim import InstanceError

LimitKind = Literal["min", "max", "min_share", "max_share", "max_per_value"]
VALUE_BOUNDS: tuple[LimitKind, ...] = ("min", "max", "min_share", "max_share")
QUOTA_FIELDS = frozenset({"attribute", "value", "max_per_value", *VALUE_BOUNDS})
OPTION_FIELDS = frozenset(
    {
        "preference_weights",
        "max_per_organisation",
        "waiting_list",
        "seed",
        "time_limit_s",
        "mode",
        "threshold",
    }
)
VISIT_FIELDS = frozenset({"id", "capacity", "quotas"})
APPLICANT_FIELDS = frozenset(
    {"id", "preferences", "score", "scores", "attributes", "excluded_visits"}
)
MAX_SEED = 2**31 - 1  # HiGHS takes its random seed as a C int
MAX_COUNT = 10**9  # a count beyond any programme; larger ones overflow a float in the model
# HiGHS takes an objective coefficient of 1e20 as infinite: a score times a weight stays below.
MAX_SCORE = 1e9


@dataclass(frozen=True)
class Limit:
    """One bound of a quota: on the count, or on the share of the people selected for a visit."""

    field: str  # where it was given, e.g. "visits[2].quotas[0].min_share"
    kind: LimitKind
    attribute: str
    value: str | None  # None for max_per_value, which bounds every value of the attribute
    bound: Fraction

    @property
    def is_share(self) -> bool:
        return self.kind in ("min_share", "max_share")

    @property
    def is_lower(self) -> bool:
        return self.kind in ("min", "min_share")

    def holds(self, count: int, size: int) -> bool:
        """Whether `count` people with the value among `size` selected keep to it, exactly."""
        p, q = self.bound.numerator, self.bound.denominator  # integers: no float rounding
        if self.kind == "min":
            return count * q >= p
        if self.kind == "min_share":
            return count * q >= p * size
        if self.kind == "max_share":
            return count * q <= p * size
        return count * q <= p  # max, max_per_value

    def text(self) -> str:
        """In words, e.g. 'at least 30% with city_size = small' or 'at most 3 per country'."""
        if self.kind == "max_per_value":
            return f"at most {self.bound} per {self.attribute}"
        amount = f"{float(self.bound * 100):g}%" if self.is_share else str(self.bound)
        side = "at least" if self.is_lower else "at most"
        return f"{side} {amount} with {self.attribute} = {self.value}"


@dataclass(frozen=True)
class Visit:
    id: str
    capacity: int
    limits: tuple[Limit, ...]


@dataclass(frozen=True)
class Applicant:
    id: str
    preferences: tuple[int, ...]  # visit numbers, best first
    scores: tuple[float, ...]  # one per preference
    attributes: dict[str, str]
    excluded: frozenset[int]


@dataclass(frozen=True)
class Pair:
    """An applicant may be selected for this visit: they asked for it and nothing rules it out."""

    applicant: int
    visit: int
    rank: int  # 1 for the first preference
    value: float  # score times preference weight, what merit mode maximises


@dataclass(frozen=True)
class Options:
    mode: Literal["merit", "lottery"]
    weights: tuple[float, ...]
    waiting_list: int
    seed: int
    time_limit_s: float
    threshold: float | None
    max_per_organisation: int | None


@dataclass(frozen=True)
class Problem:
    visits: tuple[Visit, ...]
    applicants: tuple[Applicant, ...]
    pairs: tuple[Pair, ...]
    options: Options

    def pair_barrier(self, applicant: int, rank: int) -> str | None:
        """Why the applicant's preference `rank` is not an eligible pair; None when it is."""
        person = self.applicants[applicant]
        visit = person.preferences[rank - 1]
        if visit in person.excluded:
            return "excluded"
        if self.visits[visit].capacity == 0:
            return "no places"
        threshold = self.options.threshold if self.options.mode == "lottery" else None
        if threshold is not None and person.scores[rank - 1] < threshold:
            return "below the lottery threshold"
        return None


def parse(instance: Any) -> Problem:
    if not isinstance(instance, dict):
        raise InstanceError("instance: must be an object with visits, applicants and options")
    options = _options(instance.get("options", {}))
    visits = _visits(_list(instance.get("visits"), "visits"), options)
    applicants = _applicants(_list(instance.get("applicants"), "applicants"), visits, options)
    _check_quota_attributes(visits, applicants)
    problem = Problem(tuple(visits), tuple(applicants), (), options)
    return replace(problem, pairs=tuple(_pairs(problem)))


def _pairs(problem: Problem) -> Iterator[Pair]:
    weights = problem.options.weights
    for number, person in enumerate(problem.applicants):
        for rank, visit in enumerate(person.preferences, start=1):
            if problem.pair_barrier(number, rank) is None:
                value = person.scores[rank - 1] * weights[rank - 1]
                yield Pair(number, visit, rank, value)


# Fields -------------------------------------------------------------------------------------


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise InstanceError(f"{where}: must be a list")
    return value


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise InstanceError(f"{where}: must be an object")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InstanceError(f"{where}: must be a non-empty string")
    return value


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InstanceError(f"{where}: must be a whole number, 0 or more")
    if value > MAX_COUNT:
        raise InstanceError(f"{where}: must be at most {MAX_COUNT}")
    return value


def _score(value: Any, where: str) -> float:
    """A score, threshold or preference weight: 0 or more, and small enough for the solver."""
    number = _number(value, where)
    if number > MAX_SCORE:
        raise InstanceError(f"{where}: must be at most {MAX_SCORE:g}")
    return number


def _number(value: Any, where: str, *, low: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InstanceError(f"{where}: must be a number")
    try:
        number = float(value)
    except OverflowError:
        raise InstanceError(f"{where}: must be a number of a sensible size") from None
    if not math.isfinite(number):
        raise InstanceError(f"{where}: must be a number")
    if number < low:
        raise InstanceError(f"{where}: must be {low:g} or more")
    return number


def _share(value: Any, where: str) -> Fraction:
    number = _number(value, where, low=-math.inf)
    if not 0 <= number <= 1:
        raise InstanceError(f"{where}: must be between 0 and 1")
    # Exact: 0.28 is 7/25, so 7 of 25 selected is enough (0.28 * 25 in floats is above 7).
    return Fraction(str(number))


def _key(name: Any) -> str:
    """A key as part of a field path: plain names as they are, anything else quoted."""
    return name if isinstance(name, str) and re.fullmatch(r"\w[\w-]*", name) else repr(name)


def _unknown_keys(data: dict, allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(data) - allowed, key=repr)
    if unknown:
        expected = ", ".join(sorted(allowed))
        field = f"{where}.{_key(unknown[0])}"
        raise InstanceError(f"{field}: unknown field (expected one of {expected})")


def _misspelt_keys(data: dict, known: frozenset[str], where: str) -> None:
    """Other keys (a visit's name, say) are ignored, but not a near miss of a field: a
    misspelt "quotas" or "excluded_visits" would silently drop a hard constraint."""
    for key in data:
        if not isinstance(key, str) or key in known:
            continue
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.8)
        if close:
            raise InstanceError(f"{where}.{_key(key)}: unknown field (did you mean {close[0]}?)")


# Options ------------------------------------------------------------------------------------


def _options(data: Any) -> Options:
    data = _object(data, "options")
    _unknown_keys(data, OPTION_FIELDS, "options")
    mode = data.get("mode", "merit")
    if mode not in ("merit", "lottery"):
        raise InstanceError("options.mode: must be 'merit' or 'lottery'")
    weights = data.get("preference_weights", [1.0, 0.8])
    if not isinstance(weights, list) or not weights:
        raise InstanceError("options.preference_weights: must be a non-empty list of numbers")
    seed = _count(data.get("seed", 0), "options.seed")
    if seed > MAX_SEED:
        raise InstanceError(f"options.seed: must be at most {MAX_SEED}")
    threshold = data.get("threshold")
    per_organisation = data.get("max_per_organisation")
    return Options(
        mode=mode,
        weights=tuple(_score(w, f"options.preference_weights[{i}]") for i, w in enumerate(weights)),
        waiting_list=_count(data.get("waiting_list", 5), "options.waiting_list"),
        seed=seed,
        time_limit_s=_number(data.get("time_limit_s", 30.0), "options.time_limit_s", low=0.001),
        threshold=None if threshold is None else _score(threshold, "options.threshold"),
        max_per_organisation=None
        if per_organisation is None
        else _count(per_organisation, "options.max_per_organisation"),
    )


# Visits -------------------------------------------------------------------------------------


def _visits(items: list, options: Options) -> list[Visit]:
    per_organisation = options.max_per_organisation
    visits, seen = [], set()
    for number, data in enumerate(items):
        where = f"visits[{number}]"
        data = _object(data, where)
        _misspelt_keys(data, VISIT_FIELDS, where)
        visit_id = _text(data.get("id"), f"{where}.id")
        if visit_id in seen:
            raise InstanceError(f"{where}.id: duplicate id {visit_id!r}")
        seen.add(visit_id)
        quotas = _list(data.get("quotas", []), f"{where}.quotas")
        limits = [
            limit for j, q in enumerate(quotas) for limit in _quota(q, f"{where}.quotas[{j}]")
        ]
        if per_organisation is not None:
            limits.append(
                Limit(
                    "options.max_per_organisation",
                    "max_per_value",
                    "organisation",
                    None,
                    Fraction(per_organisation),
                )
            )
        capacity = _count(data.get("capacity"), f"{where}.capacity")
        visits.append(Visit(visit_id, capacity, tuple(limits)))
    return visits


def _quota(data: Any, where: str) -> list[Limit]:
    data = _object(data, where)
    _unknown_keys(data, QUOTA_FIELDS, where)
    attribute = _text(data.get("attribute"), f"{where}.attribute")
    if "max_per_value" in data:
        if set(data) - {"attribute", "max_per_value"}:
            raise InstanceError(
                f"{where}: max_per_value cannot be combined with value, min, "
                "max, min_share or max_share"
            )
        bound = _count(data["max_per_value"], f"{where}.max_per_value")
        return [Limit(f"{where}.max_per_value", "max_per_value", attribute, None, Fraction(bound))]
    value = _text(data.get("value"), f"{where}.value")
    bounds: dict[LimitKind, Fraction] = {}
    for kind in VALUE_BOUNDS:
        if kind in data:
            reader = _share if kind.endswith("share") else _count
            bounds[kind] = Fraction(reader(data[kind], f"{where}.{kind}"))
    if not bounds:
        raise InstanceError(
            f"{where}: needs max_per_value, or a value with min, max, min_share or max_share"
        )
    for low, high in (("min", "max"), ("min_share", "max_share")):
        if low in bounds and high in bounds and bounds[low] > bounds[high]:
            raise InstanceError(f"{where}.{low}: must not be above {high}")
    return [
        Limit(f"{where}.{kind}", kind, attribute, value, bound) for kind, bound in bounds.items()
    ]


# Applicants ---------------------------------------------------------------------------------


def _applicants(items: list, visits: list[Visit], options: Options) -> list[Applicant]:
    visit_numbers = {visit.id: number for number, visit in enumerate(visits)}
    applicants, seen = [], set()
    for number, data in enumerate(items):
        where = f"applicants[{number}]"
        data = _object(data, where)
        _misspelt_keys(data, APPLICANT_FIELDS, where)
        applicant_id = _text(data.get("id"), f"{where}.id")
        if applicant_id in seen:
            raise InstanceError(f"{where}.id: duplicate id {applicant_id!r}")
        seen.add(applicant_id)
        preferences = _visit_ids(data.get("preferences"), f"{where}.preferences", visit_numbers)
        if len(preferences) > len(options.weights):
            raise InstanceError(
                f"{where}.preferences: {len(preferences)} ranked visits but "
                f"options.preference_weights gives weights for {len(options.weights)}"
            )
        applicants.append(
            Applicant(
                id=applicant_id,
                preferences=tuple(preferences),
                scores=_scores(data, where, [visits[v].id for v in preferences], visit_numbers),
                attributes=_attributes(data.get("attributes", {}), f"{where}.attributes"),
                excluded=frozenset(
                    _visit_ids(
                        data.get("excluded_visits", []), f"{where}.excluded_visits", visit_numbers
                    )
                ),
            )
        )
    return applicants


def _visit_ids(value: Any, where: str, visit_numbers: dict[str, int]) -> list[int]:
    if not isinstance(value, list):
        raise InstanceError(f"{where}: must be a list of visit ids")
    numbers: list[int] = []
    for i, visit_id in enumerate(value):
        if not isinstance(visit_id, str) or visit_id not in visit_numbers:
            raise InstanceError(f"{where}[{i}]: unknown visit id {visit_id!r}")
        if visit_numbers[visit_id] in numbers:
            raise InstanceError(f"{where}[{i}]: visit {visit_id!r} is listed twice")
        numbers.append(visit_numbers[visit_id])
    return numbers


def _scores(data: dict, where: str, asked: list[str], visit_numbers: dict[str, int]):
    if ("score" in data) == ("scores" in data):
        raise InstanceError(f"{where}: needs either score (one number) or scores (per visit id)")
    if "score" in data:
        score = _score(data["score"], f"{where}.score")
        return tuple(score for _ in asked)
    scores = _object(data["scores"], f"{where}.scores")
    for visit_id, score in scores.items():
        if visit_id not in visit_numbers:
            raise InstanceError(f"{where}.scores.{_key(visit_id)}: unknown visit id {visit_id!r}")
        _score(score, f"{where}.scores.{_key(visit_id)}")
    for visit_id in asked:
        if visit_id not in scores:
            raise InstanceError(f"{where}.scores: no score for preference {visit_id!r}")
    return tuple(float(scores[visit_id]) for visit_id in asked)


def _attributes(value: Any, where: str) -> dict[str, str]:
    attributes = _object(value, where)
    for name, text in attributes.items():
        if not isinstance(text, str):
            raise InstanceError(f"{where}.{_key(name)}: must be a string")
    return dict(attributes)


def _check_quota_attributes(visits: list[Visit], applicants: list[Applicant]) -> None:
    """A quota on an attribute nobody has is almost certainly a misspelt attribute name."""
    if not applicants:
        return
    known = {name for person in applicants for name in person.attributes}
    for visit in visits:
        for limit in visit.limits:
            if limit.attribute not in known:
                field = limit.field.rsplit(".", 1)[0] + ".attribute"
                if limit.field.startswith("options."):
                    field = limit.field
                raise InstanceError(f"{field}: no applicant has the attribute {limit.attribute!r}")
