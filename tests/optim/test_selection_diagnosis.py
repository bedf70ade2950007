"""When the quotas cannot all be met: which ones, why, and the smallest relaxation that works."""

import copy

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from citypeers.optim.milp import HighsSolver, Solution
from citypeers.optim.selection import solve
from citypeers.optim.selection_diagnosis import diagnose, shortfalls
from citypeers.optim.selection_input import parse
from tests.optim.selection_checker import feasible_assignments
from tests.optim.selection_instances import (
    ATTRIBUTES,
    TOO_FEW_SMALL_TOWNS,
    instances,
    person,
    relaxed,
)


def test_a_minimum_nobody_can_meet_is_named_with_the_relaxation():
    result = solve(TOO_FEW_SMALL_TOWNS)
    assert result["status"] == "infeasible"
    assert result["infeasible_quotas"] == [
        {
            "visit": "vantaa",
            "field": "visits[0].quotas[0].min",
            "quota": "at least 6 with city_size = small",
            "required": 6,
            "relax_to": 4,
            "by": 2,
            "message": "vantaa: at least 6 with city_size = small required, only 4 applied; "
            "relax it to at least 4 with city_size = small",
        }
    ]
    assert result["assignments"] == {"vantaa": []}
    assert "quotas cannot all be met" in result["decisions"]["s0"]["reason"]
    assert solve(relaxed(TOO_FEW_SMALL_TOWNS, result["infeasible_quotas"]))["status"] == "optimal"


def test_a_minimum_against_a_maximum_share_is_explained():
    # At least 5 from small towns but at most 30% of those selected: 5 needs 17 selected, and
    # there are 10 places.
    people = [person(f"s{i}", ["oulu"], city_size="small") for i in range(6)]
    people += [person(f"l{i}", ["oulu"], city_size="large") for i in range(12)]
    instance = {
        "visits": [
            {
                "id": "oulu",
                "capacity": 10,
                "quotas": [
                    {"attribute": "city_size", "value": "small", "min": 5, "max_share": 0.3}
                ],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    # Either at least 3 small (3 of 10 is 30%) or at most 50% (5 of 10): two people either way.
    (entry,) = result["infeasible_quotas"]
    assert (entry["field"], entry["by"]) in [
        ("visits[0].quotas[0].min", 2),
        ("visits[0].quotas[0].max_share", 0.2),
    ]
    assert "the quota 'at most 30% with city_size = small' allows at most 3" in entry["message"]
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_minima_that_only_conflict_together_are_found_and_relaxed_as_little_as_possible():
    people = [person(f"s{i}", ["oulu"], size="small") for i in range(4)]
    people += [person(f"l{i}", ["oulu"], size="large") for i in range(4)]
    instance = {
        "visits": [
            {
                "id": "oulu",
                "capacity": 5,
                "quotas": [
                    {"attribute": "size", "value": "small", "min": 3},
                    {"attribute": "size", "value": "large", "min": 3},
                ],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    (entry,) = result["infeasible_quotas"]
    assert entry["by"] == 1 and entry["relax_to"] == 2
    assert entry["message"].endswith(
        "required, cannot be met together with the other quotas and capacities; relax it to "
        f"at least 2 with size = {entry['quota'].rsplit(' ', 1)[1]}"
    )
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_the_same_few_applicants_wanted_by_two_visits_is_a_conflict_too():
    people = [person(f"s{i}", ["a", "b"], city_size="small") for i in range(3)]
    instance = {
        "visits": [
            {
                "id": v,
                "capacity": 3,
                "quotas": [{"attribute": "city_size", "value": "small", "min": 2}],
            }
            for v in ("a", "b")
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    assert [entry["relax_to"] for entry in result["infeasible_quotas"]] == [1]
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


@st.composite
def count_quotas_only(draw) -> dict:
    """Instances whose quotas are all counts (min, max), often more than can be met."""
    instance = draw(instances())
    instance["options"]["max_per_organisation"] = None
    for visit in instance["visits"]:
        attribute = draw(st.sampled_from(["size", "gender"]))
        visit["quotas"] = [
            {"attribute": attribute, "value": value, kind: draw(st.integers(0, 3))}
            for value in ATTRIBUTES[attribute]
            for kind in draw(st.lists(st.sampled_from(["min", "max"]), max_size=2, unique=True))
        ]
    return instance


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count_quotas_only())
def test_each_count_relaxation_proposed_is_as_small_as_it_can_be(instance):
    result = solve(copy.deepcopy(instance))
    entries = result["infeasible_quotas"]
    assume(entries)
    # Relaxing any one a step less, the others as proposed, leaves no selection: as the
    # total relaxation (in people) is the least, so is each count's.
    for number, entry in enumerate(entries):
        step = 1 if entry["field"].endswith(".min") else -1
        tighter = [*entries[:number], entry | {"relax_to": entry["relax_to"] + step}]
        tighter += entries[number + 1 :]
        assert not any(True for _ in feasible_assignments(relaxed(instance, tighter))), entry


def quota_at(visit: str, capacity: int, *quotas: dict) -> dict:
    return {"id": visit, "capacity": capacity, "quotas": list(quotas)}


def test_each_minimum_that_cannot_be_met_is_named_with_what_stops_it():
    small = {"attribute": "size", "value": "small"}
    instance = {
        "visits": [
            quota_at("places", 1, small | {"min": 2}),
            quota_at("excluded", 4, small | {"min": 2}),
            quota_at("per_value", 4, small | {"min": 2}, {"attribute": "size", "max_per_value": 1}),
            quota_at("share", 4, small | {"min": 2, "max_share": 0.25}),
        ],
        "applicants": [
            person("s1", ["places", "excluded"], size="small", country="PT"),
            person("s2", ["per_value", "share"], size="small", country="PT")
            | {"excluded_visits": ["excluded"]},
            person("s3", ["places", "per_value"], size="small", country="PT"),
            person("s4", ["share", "excluded"], size="small", country="ES")
            | {"excluded_visits": ["excluded"]},
        ],
        "options": {"preference_weights": [1, 1]},
    }
    # Before any solving, each minimum is compared with what its visit alone can have.
    whys = {
        problem_visit(instance, found.visit): found.why for found in shortfalls(parse(instance))
    }
    assert whys == {
        "places": "the visit has only 1 place",
        "excluded": "only 1 of the 2 who applied can be selected there",
        "per_value": "the quota 'at most 1 per size' allows at most 1",
        "share": "the quota 'at most 25% with size = small' allows at most 1",
    }
    # Each visit is named, by a relaxation of its quotas, and together the relaxations work.
    result = solve(instance)
    assert result["status"] == "infeasible"
    assert {entry["visit"] for entry in result["infeasible_quotas"]} == set(whys)
    for entry in result["infeasible_quotas"]:
        assert abs(entry["required"] - entry["relax_to"]) == pytest.approx(entry["by"])
        assert entry["by"] > 0 and entry["message"].startswith(
            f"{entry['visit']}: {entry['quota']}"
        )
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def problem_visit(instance: dict, number: int) -> str:
    return instance["visits"][number]["id"]


def test_a_maximum_per_value_names_the_values_that_need_more():
    country = {"attribute": "country", "max_per_value": 1}
    instance = {
        "visits": [quota_at("v", 4, country, {"attribute": "size", "value": "small", "min": 3})],
        "applicants": [
            person(f"p{i}", ["v"], size="small", country=c) for i, c in enumerate("AABB")
        ],
    }
    result = solve(instance)
    (entry,) = result["infeasible_quotas"]
    if entry["field"] == "visits[0].quotas[0].max_per_value":
        assert entry["relax_to"] == 2 and "(country = " in entry["message"]
    else:
        assert entry["relax_to"] == 2
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_a_share_is_relaxed_to_a_share_when_that_costs_the_fewest_people():
    # Only large towns applied, and one of them must go: half from small towns cannot hold.
    # Half a person short on the share is cheaper than a whole one on the count.
    quotas = [
        {"attribute": "size", "value": "small", "min_share": 0.5},
        {"attribute": "size", "value": "large", "min": 1},
    ]
    instance = {
        "visits": [quota_at("v", 2, *quotas)],
        "applicants": [person(f"l{i}", ["v"], size="large") for i in range(2)],
    }
    result = solve(instance)
    (entry,) = result["infeasible_quotas"]
    assert entry["field"] == "visits[0].quotas[0].min_share"
    assert entry["relax_to"] == 0.0 and isinstance(entry["relax_to"], float)
    assert entry["message"].endswith("relax it to at least 0% with size = small")
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_out_of_time_the_simple_checks_are_still_reported(monkeypatch):
    def out_of_time(self, model, *, relax=False):
        return Solution("no_solution", None, None, None, None, 0.0)

    monkeypatch.setattr(HighsSolver, "solve", out_of_time)
    (entry,) = solve(TOO_FEW_SMALL_TOWNS)["infeasible_quotas"]
    assert entry["relax_to"] == 4 and "only 4 applied" in entry["message"]
    # With no minimum that fails on its own, all there is to say is that time ran out.
    problem = parse(
        {
            "visits": [quota_at("v", 1, {"attribute": "size", "value": "s", "min": 1})],
            "applicants": [person("a", ["v"], size="s")],
        }
    )
    (note,) = diagnose(problem, HighsSolver())
    assert note["field"] is None and "raise options.time_limit_s" in note["message"]


def test_shortfalls_are_only_minima_that_fail_at_their_visit_alone():
    problem = parse(TOO_FEW_SMALL_TOWNS)
    (found,) = shortfalls(problem)
    assert (found.possible, found.why) == (4, "only 4 applied")
    fine = parse(
        relaxed(TOO_FEW_SMALL_TOWNS, [{"field": "visits[0].quotas[0].min", "relax_to": 4}])
    )
    assert shortfalls(fine) == []
