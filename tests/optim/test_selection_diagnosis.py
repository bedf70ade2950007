"""When the quotas cannot all be met: which ones, why, and the smallest relaxation that works."""

import copy

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from citypeers.optim.selection import solve
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
