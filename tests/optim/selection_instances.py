"""Selection instances for the tests: people, the documented example, hand-made and random ones."""

import copy
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

DOCS = Path(__file__).resolve().parents[2] / "docs" / "optim_selection.md"


def person(name: str, preferences: list[str], score: float = 5.0, **attributes) -> dict:
    return {"id": name, "preferences": preferences, "score": score, "attributes": attributes}


def doc_block(marker: str) -> dict:
    """The JSON block that follows `<!-- marker -->` in docs/optim_selection.md."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\s*```json\n(.*?)```", text, re.DOTALL)
    assert found, marker
    return json.loads(found.group(1))


def relaxed(instance: dict, entries: list[dict]) -> dict:
    """The instance with every quota relaxed as `infeasible_quotas` proposes."""
    instance = copy.deepcopy(instance)
    for entry in entries:
        if entry["field"] == "options.max_per_organisation":
            current = instance["options"]["max_per_organisation"]
            instance["options"]["max_per_organisation"] = max(current, entry["relax_to"])
            continue
        visit, quota, key = re.fullmatch(
            r"visits\[(\d+)\]\.quotas\[(\d+)\]\.(\w+)", entry["field"]
        ).groups()
        target = instance["visits"][int(visit)]["quotas"][int(quota)]
        target[key] = entry["relax_to"]
    return instance


def a_place_a_share_quota_leaves_free() -> dict:
    """Gent: 3 places, at least half from small towns, one small town and two large cities."""
    return {
        "visits": [
            {
                "id": "gent",
                "capacity": 3,
                "quotas": [{"attribute": "city_size", "value": "small", "min_share": 0.5}],
            }
        ],
        "applicants": [
            person("s", ["gent"], 1, city_size="small"),
            person("l1", ["gent"], 9, city_size="large"),
            person("l2", ["gent"], 8, city_size="large"),
        ],
    }


TOO_FEW_SMALL_TOWNS = {
    "visits": [
        {
            "id": "vantaa",
            "capacity": 10,
            "quotas": [{"attribute": "city_size", "value": "small", "min": 6}],
        }
    ],
    "applicants": [person(f"s{i}", ["vantaa"], city_size="small") for i in range(4)]
    + [person(f"l{i}", ["vantaa"], city_size="large") for i in range(8)],
}


def crowd(options: dict) -> dict:
    """700 applicants for 7 visits of 20 places, with country and city-size quotas."""
    people = [
        person(
            f"p{i}",
            [f"v{i % 7}", f"v{(i + 3) % 7}"],
            (i * 37) % 101,
            country=f"c{i % 9}",
            size="small" if i % 3 else "large",
        )
        for i in range(700)
    ]
    quotas = [
        {"attribute": "country", "max_per_value": 2},
        {"attribute": "size", "value": "small", "max_share": 0.6},
    ]
    return {
        "visits": [{"id": f"v{i}", "capacity": 20, "quotas": quotas} for i in range(7)],
        "applicants": people,
        "options": options,
    }


# Random instances, small enough to enumerate every assignment ---------------------------------


ATTRIBUTES = {"country": ["PT", "ES", "FI"], "size": ["small", "large"], "gender": ["f", "m"]}


SHARES = [0, 0.25, 0.3, 1 / 3, 0.5, 0.6, 2 / 3, 1]


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def quotas(draw) -> dict:
    attribute = draw(st.sampled_from(sorted(ATTRIBUTES)))
    if draw(st.booleans()):
        return {"attribute": attribute, "max_per_value": draw(st.integers(0, 3))}
    quota = {"attribute": attribute, "value": draw(st.sampled_from(ATTRIBUTES[attribute]))}
    low, high = sorted(draw(st.lists(st.integers(0, 4), min_size=2, max_size=2)))
    share_low, share_high = sorted(draw(st.lists(st.sampled_from(SHARES), min_size=2, max_size=2)))
    bounds = {"min": low, "max": high, "min_share": share_low, "max_share": share_high}
    kinds = draw(st.lists(st.sampled_from(sorted(bounds)), min_size=1, max_size=2, unique=True))
    return quota | {kind: bounds[kind] for kind in kinds}


@st.composite
def instances(draw, mode: str = "merit", most: int = 7, crowded: bool = False) -> dict:
    """Random instances; `crowded`: one visit that everyone asks for, with a country quota."""
    visit_ids = [f"v{number}" for number in range(1 if crowded else draw(st.integers(1, 3)))]
    visits = [
        {
            "id": visit_id,
            "capacity": draw(st.sampled_from([2, 1, 3, 0])),
            "quotas": draw(st.lists(quotas(), max_size=2)),
        }
        for visit_id in visit_ids
    ]
    if crowded:
        visits[0]["capacity"] = draw(st.integers(1, 3))
        visits[0]["quotas"].append({"attribute": "country", "max_per_value": 1})
    people = []
    for number in range(draw(st.integers(4 if crowded else 0, most))):
        asked = st.lists(st.sampled_from(visit_ids), unique=True, min_size=1, max_size=2)
        nothing = not crowded and draw(st.sampled_from([False, False, False, True]))
        preferences = [] if nothing else draw(asked)
        person = {
            "id": f"p{number}",
            "preferences": preferences,
            "attributes": {
                name: draw(st.sampled_from(values)) for name, values in ATTRIBUTES.items()
            }
            | {"organisation": draw(st.sampled_from(["o1", "o2"]))},
            "excluded_visits": draw(st.sampled_from([[], [], [], [visit_ids[-1]]])),
        }
        if draw(st.booleans()):
            person["score"] = draw(st.integers(1, 9))
        else:
            person["scores"] = {visit_id: draw(st.integers(0, 9)) for visit_id in preferences}
        people.append(person)
    options = {
        "mode": mode,
        "waiting_list": draw(st.integers(0, 4)),
        "seed": draw(st.integers(0, 1000)),
        "max_per_organisation": draw(st.none() | st.integers(0, 2)),
        "preference_weights": draw(st.sampled_from([[1.0, 0.8], [1.0, 0.5], [2, 1]])),
    }
    if mode == "lottery" and draw(st.booleans()):
        options["threshold"] = draw(st.integers(0, 6))
    return {"visits": visits, "applicants": people, "options": options}


SIX = {
    "visits": [
        {"id": "porto", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]},
        {
            "id": "gent",
            "capacity": 1,
            "quotas": [{"attribute": "size", "value": "small", "min_share": 1}],
        },
    ],
    "applicants": [
        {
            "id": "a",
            "preferences": ["porto"],
            "score": 9,
            "attributes": {"country": "PT", "size": "large"},
        },
        {
            "id": "b",
            "preferences": ["porto"],
            "score": 8,
            "attributes": {"country": "PT", "size": "small"},
        },
        {
            "id": "c",
            "preferences": ["porto", "gent"],
            "score": 7,
            "attributes": {"country": "ES", "size": "small"},
        },
        {
            "id": "d",
            "preferences": ["gent", "porto"],
            "score": 6,
            "attributes": {"country": "FI", "size": "large"},
        },
        {
            "id": "e",
            "preferences": ["gent"],
            "score": 5,
            "attributes": {"country": "FI", "size": "small"},
        },
        {
            "id": "f",
            "preferences": ["porto"],
            "score": 2,
            "attributes": {"country": "IT", "size": "large"},
        },
    ],
    "options": {"mode": "lottery", "threshold": 3},
}
