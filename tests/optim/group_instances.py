"""Groups instances for the tests, and what a schedule looks like counted from scratch."""

import json
from collections import Counter
from itertools import combinations

from hypothesis import strategies as st


def people(n: int, **attributes) -> list[dict]:
    """n participants p0..; attributes name -> list of values, one per person."""
    return [
        {"id": f"p{i}", "attributes": {name: values[i] for name, values in attributes.items()}}
        for i in range(n)
    ]


def instance(n: int, rounds: int, **fields) -> dict:
    return {"participants": people(n), "rounds": rounds} | fields


def meetings(result: dict) -> Counter:
    return Counter(
        pair
        for groups in result["rounds"]
        for g in groups
        for pair in combinations(sorted(map(str, g)), 2)
    )


def repeats(result: dict) -> int:
    return sum(m - 1 for m in meetings(result).values())


def stable(result: dict) -> str:
    return json.dumps({k: v for k, v in result.items() if k != "seconds"}, sort_keys=True)


@st.composite
def instances(draw) -> dict:
    n = draw(st.integers(1, 18))
    rounds = draw(st.integers(1, 5))
    countries = draw(st.lists(st.sampled_from(["PT", "ES", "FI", None]), min_size=n, max_size=n))
    roles = draw(
        st.lists(st.sampled_from(["facilitator", "member", "member"]), min_size=n, max_size=n)
    )
    data = {
        "participants": people(n, country=countries, role=roles),
        "rounds": rounds,
        "seed": draw(st.integers(0, 3)),
        "time_limit_s": 0.01,
        "mix": ["country"],
        "spread": {"attribute": "role", "value": "facilitator"},
    }
    if draw(st.booleans()):
        data["group_size"] = draw(st.integers(1, 6))
    else:
        data["groups"] = draw(st.integers(1, 6))
    ids = [p["id"] for p in data["participants"]]
    missing = draw(
        st.dictionaries(st.sampled_from(ids), st.lists(st.integers(1, rounds)), max_size=3)
    )
    if missing:
        data["absent"] = missing
    sets = (
        draw(
            st.lists(
                st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True), max_size=2
            )
        )
        if n >= 2
        else []
    )
    if sets:
        data["together"] = sets
    return data


def partitions(members: list[int], sizes: list[int]):
    if not sizes:
        yield []
        return
    for size in sorted(set(sizes)):
        rest_sizes = list(sizes)
        rest_sizes.remove(size)
        for others in combinations(members[1:], size - 1):
            group = (members[0], *others)
            rest = [x for x in members if x not in group]
            for more in partitions(rest, rest_sizes):
                yield [group, *more]
