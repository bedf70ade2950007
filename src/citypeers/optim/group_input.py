"""Reads and checks a groups instance; every fault is an `InstanceError` naming its field."""

from dataclasses import dataclass
from typing import Any

from citypeers.optim import InstanceError
from citypeers.optim.group_start import Problem, pack, round_sizes

FIELDS = (
    "participants",
    "rounds",
    "group_size",
    "groups",
    "mix",
    "spread",
    "together",
    "absent",
    "seed",
    "time_limit_s",
)
MAX_PARTICIPANTS, MAX_ROUNDS = 1000, 100
DEFAULT_TIME_LIMIT_S = 5.0


@dataclass
class Parsed:
    ids: list[Any]
    problem: Problem
    seed: int
    time_limit_s: float
    group_size: int | None
    groups: int | None
    simple: bool  # nobody absent and no together sets: constructions apply as they stand


def group_sizes(present: int, k: int) -> list[int]:
    small, _big_size, big = round_sizes(present, k)
    return [small + 1] * big + [small] * (k - big)


def groups_for(present: int, parsed: Parsed) -> int:
    if present == 0:
        return 0
    if parsed.groups is not None:
        return min(parsed.groups, present)
    assert parsed.group_size is not None
    return -(-present // parsed.group_size)


def parse(instance: Any) -> Parsed:
    if not isinstance(instance, dict):
        raise InstanceError(
            "instance: must be an object with participants, rounds and group_size or groups"
        )
    for key in sorted(instance):
        if key not in FIELDS:
            raise InstanceError(f"{key}: unknown field (expected one of {', '.join(FIELDS)})")
    ids, attributes = _participants(instance.get("participants"))
    number = {str(x): i for i, x in enumerate(ids)}
    rounds = _whole(instance.get("rounds"), "rounds", 1, MAX_ROUNDS)
    if ("group_size" in instance) == ("groups" in instance):
        raise InstanceError("group_size: give either group_size or groups (the number of groups)")
    group_size = groups = None
    if "group_size" in instance:
        group_size = _whole(instance["group_size"], "group_size", 1, MAX_PARTICIPANTS)
    else:
        groups = _whole(instance["groups"], "groups", 1, MAX_PARTICIPANTS)
    mix = _mix(instance.get("mix", []), attributes)
    spread = _spread(instance.get("spread", []), attributes)
    absent = _absent(instance.get("absent", {}), number, rounds)
    sets, units = _together(instance.get("together", []), number)
    seed = instance.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InstanceError("seed: must be a whole number")
    time_limit = instance.get("time_limit_s", DEFAULT_TIME_LIMIT_S)
    if (
        isinstance(time_limit, bool)
        or not isinstance(time_limit, int | float)
        or not 0 < time_limit <= 3600
    ):
        raise InstanceError("time_limit_s: must be a number of seconds above 0, at most 3600")
    n = len(ids)
    present = [[x for x in range(n) if r not in absent[x]] for r in range(rounds)]
    simple = not any(absent) and all(len(unit) == 1 for unit in units)
    problem = Problem(n, present, [], units, mix, spread, 0)
    parsed = Parsed(ids, problem, seed, float(time_limit), group_size, groups, simple)
    parsed.problem.k = [groups_for(len(people), parsed) for people in present]
    _check_together_fits(parsed, sets)
    return parsed


def _whole(value: Any, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(f"{field}: must be a whole number")
    if not low <= value <= high:
        raise InstanceError(f"{field}: must be between {low} and {high}")
    return value


def _participants(items: Any) -> tuple[list[Any], list[dict[str, Any]]]:
    if not isinstance(items, list) or not items:
        raise InstanceError("participants: must be a non-empty list")
    if len(items) > MAX_PARTICIPANTS:
        raise InstanceError(f"participants: at most {MAX_PARTICIPANTS}")
    ids, attributes, seen = [], [], set()
    for i, item in enumerate(items):
        where = f"participants[{i}]"
        if not isinstance(item, dict):
            raise InstanceError(f"{where}: must be an object with an id")
        for key in sorted(item):
            if key not in ("id", "attributes"):
                raise InstanceError(f"{where}.{key}: unknown field (expected id, attributes)")
        x = item.get("id")
        if isinstance(x, bool) or not isinstance(x, str | int) or x == "":
            raise InstanceError(f"{where}.id: must be a non-empty string or a whole number")
        if str(x) in seen:
            raise InstanceError(f"{where}.id: duplicate id {x!r}")
        seen.add(str(x))
        values = item.get("attributes", {})
        if not isinstance(values, dict):
            raise InstanceError(f"{where}.attributes: must be an object")
        for key, value in values.items():
            if value is not None and not isinstance(value, str | int | float):
                raise InstanceError(
                    f"{where}.attributes.{key}: must be a string, number, true/false or null"
                )
        ids.append(x)
        attributes.append(values)
    return ids, attributes


def _mix(items: Any, attributes: list[dict[str, Any]]) -> list[list[int]]:
    if not isinstance(items, list):
        raise InstanceError("mix: must be a list of attribute names")
    result = []
    for i, name in enumerate(items):
        if not isinstance(name, str) or not name:
            raise InstanceError(f"mix[{i}]: must be an attribute name")
        if name in items[:i]:
            raise InstanceError(f"mix[{i}]: {name!r} is listed twice")
        numbers: dict[tuple[str, Any], int] = {}
        values = []
        for person in attributes:
            value = person.get(name)
            if value is None:
                values.append(-1)
            else:
                values.append(numbers.setdefault((type(value).__name__, value), len(numbers)))
        result.append(values)
    return result


def _spread(items: Any, attributes: list[dict[str, Any]]) -> list[list[bool]]:
    rules = [items] if isinstance(items, dict) else items
    if not isinstance(rules, list):
        raise InstanceError('spread: must be {"attribute": ..., "value": ...} or a list of them')
    result = []
    for i, rule in enumerate(rules):
        where = "spread" if isinstance(items, dict) else f"spread[{i}]"
        if not isinstance(rule, dict) or set(rule) != {"attribute", "value"}:
            raise InstanceError(f'{where}: must be {{"attribute": ..., "value": ...}}')
        name, value = rule["attribute"], rule["value"]
        if not isinstance(name, str) or not name:
            raise InstanceError(f"{where}.attribute: must be an attribute name")
        if value is None or not isinstance(value, str | int | float):
            raise InstanceError(f"{where}.value: must be a string, number or true/false")
        result.append(
            [
                type(person.get(name)) is type(value) and person.get(name) == value
                for person in attributes
            ]
        )
    return result


def _absent(items: Any, number: dict[str, int], rounds: int) -> list[set[int]]:
    if not isinstance(items, dict):
        raise InstanceError("absent: must be an object from participant id to round numbers")
    absent: list[set[int]] = [set() for _ in number]
    for key, missed in items.items():
        where = f"absent[{key!r}]"
        if str(key) not in number:
            raise InstanceError(f"{where}: unknown participant {key!r}")
        if not isinstance(missed, list):
            raise InstanceError(f"{where}: must be a list of round numbers (1 to {rounds})")
        for r in missed:
            if isinstance(r, bool) or not isinstance(r, int) or not 1 <= r <= rounds:
                raise InstanceError(f"{where}: round {r!r} is not a round number 1 to {rounds}")
            absent[number[str(key)]].add(r - 1)
    return absent


def _together(items: Any, number: dict[str, int]) -> tuple[list[list[int]], list[list[int]]]:
    """The sets as given, and units: overlapping sets merged (they must share one group),
    everybody else alone; units in order of their first member."""
    if not isinstance(items, list):
        raise InstanceError("together: must be a list of lists of participant ids")
    parent = list(range(len(number)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sets = []
    for i, members in enumerate(items):
        where = f"together[{i}]"
        if not isinstance(members, list) or not members:
            raise InstanceError(f"{where}: must be a non-empty list of participant ids")
        found = []
        for x in members:
            if isinstance(x, bool) or not isinstance(x, str | int) or str(x) not in number:
                raise InstanceError(f"{where}: unknown participant {x!r}")
            if number[str(x)] in found:
                raise InstanceError(f"{where}: participant {x!r} is listed twice")
            found.append(number[str(x)])
        for x in found[1:]:
            parent[root(x)] = root(found[0])
        sets.append(found)
    units: dict[int, list[int]] = {}
    for x in range(len(number)):
        units.setdefault(root(x), []).append(x)
    return sets, sorted(units.values())


def _check_together_fits(parsed: Parsed, sets: list[list[int]]) -> None:
    problem = parsed.problem
    for r, people in enumerate(problem.present):
        here, k = set(people), problem.k[r]
        weights = [sum(x in here for x in unit) for unit in problem.units]
        _small, big_size, _big = round_sizes(len(people), k)
        for u, w in enumerate(weights):
            if w > big_size:
                i = next(i for i, s in enumerate(sets) if s[0] in problem.units[u])
                raise InstanceError(
                    f"together[{i}]: {w} people cannot share a group of at most "
                    f"{big_size} in round {r + 1}"
                )
        if k and pack(weights, k, len(people)) is None:
            raise InstanceError(
                f"together: the sets cannot be packed into {k} groups of "
                f"{'/'.join(map(str, sorted(set(group_sizes(len(people), k)))))} "
                f"people in round {r + 1}"
            )
