"""Properties of the whole `selection.solve` on random small instances, judged by the
independent checker (selection_checker.py) and by brute force.

Every instance is small enough to enumerate every assignment, so the tests can say more than
"the constraints hold": merit selections are optimal, "infeasible" means that no assignment
keeps the quotas, each reason's claim is re-checked move by move, and waiting lists cover
every place that can free. They stay here rather than beside one module because they judge
the public entry point; the checker's own tests come last.
"""

import copy
import json
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.selection import solve
from tests.optim.json_paths import paths
from tests.optim.selection_checker import (
    applicant_by_id,
    broken,
    eligible,
    feasible_assignments,
    merit_value,
    selected_at,
    violations,
    visit_by_id,
    weighted,
)
from tests.optim.selection_instances import SETTINGS, instances, relaxed

# Constraints and optimality -----------------------------------------------------------------


@SETTINGS
@given(instances() | instances(crowded=True))
def test_every_merit_selection_keeps_every_constraint_and_is_optimal(instance):
    result = solve(copy.deepcopy(instance))
    json.dumps(result)
    best = max((merit_value(instance, a) for a in feasible_assignments(instance)), default=None)
    if best is None:
        assert result["status"] == "infeasible" and result["infeasible_quotas"]
        assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] != "infeasible"
        return
    assert result["status"] == "optimal"
    assert violations(instance, result) == []
    assert abs(result["objective"] - best) < 1e-6
    assert result["bound"] >= result["objective"] - 1e-6


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(mode="lottery", most=6) | instances(mode="lottery", most=6, crowded=True))
def test_every_lottery_draw_keeps_every_constraint(instance):
    result = solve(copy.deepcopy(instance))
    if not any(True for _ in feasible_assignments(instance)):
        assert result["status"] == "infeasible"
        return
    assert result["status"] == "optimal"
    assert violations(instance, result) == []
    for applicant_id, decision in result["decisions"].items():
        if decision["visit"] is not None:
            assert result["chances"][applicant_id] > 0


@settings(max_examples=40, deadline=None)
@given(instances() | instances(mode="lottery"))
def test_the_same_instance_gives_the_same_json(instance):
    assert json.dumps(solve(copy.deepcopy(instance)), sort_keys=True) == json.dumps(
        solve(copy.deepcopy(instance)), sort_keys=True
    )


# Reasons ------------------------------------------------------------------------------------

CLAUSE = re.compile(r"(?:^|; )preference (\d+) \((v\d+)\): ")


QUOTA_NAME = re.compile(r"'[^']+'(?: \(\w+ = [^)]+\))?")


def named_quotas(text: str) -> set[str]:
    return set(QUOTA_NAME.findall(text))


def check_clause(instance: dict, result: dict, applicant: dict, visit_id: str, text: str):
    """Re-checks one 'preference r (visit): ...' claim against the selection."""
    visit = visit_by_id(instance)[visit_id]
    members = selected_at(result, instance)[visit_id]
    if text == "they are excluded from it":
        assert visit_id in applicant.get("excluded_visits", [])
        return
    if text == "it has no places":
        assert visit["capacity"] == 0
        return
    value = weighted(instance, applicant, visit_id)
    lower = [b for b in members if weighted(instance, b, visit_id) < value]
    if text.startswith(("all ", "the place went")):
        assert len(members) == visit["capacity"] and not lower
        return
    if text.startswith("a place was free, but their weighted score of 0"):
        assert value == 0 and len(members) < visit["capacity"]
        assert not broken(instance, visit, [*members, applicant])
        return
    entry, _, replacing = text.partition("; ") if "left free" in text else ("", "", text)
    if entry:
        free = visit["capacity"] - len(members)
        assert entry.startswith("a place was" if free == 1 else f"{free} places were")
        assert named_quotas(entry) == broken(instance, visit, [*members, applicant])
    if replacing:
        whom = "the one selected" if len(lower) == 1 else f"any of the {len(lower)} selected"
        assert replacing.startswith(f"replacing {whom} with")
        swaps = [
            broken(instance, visit, [m for m in members if m is not b] + [applicant]) for b in lower
        ]
        assert all(swaps), "some replacement keeps every quota"
        assert named_quotas(replacing) == set().union(*swaps)
    else:
        assert len(members) == visit["capacity"] or not lower


@SETTINGS
@given(instances() | instances(crowded=True))
def test_every_merit_reason_is_true(instance):
    result = solve(copy.deepcopy(instance))
    assume(result["status"] == "optimal")
    for applicant_id, decision in result["decisions"].items():
        applicant, reason = applicant_by_id(instance)[applicant_id], decision["reason"]
        if decision["visit"] is not None:
            assert (
                reason == f"selected for preference {decision['preference']} ({decision['visit']})"
            )
            continue
        if not applicant["preferences"]:
            assert reason == "not selected: they asked for no visit"
            continue
        body = reason.removeprefix("not selected: ")
        if body.startswith("no visit they asked for was open to them ("):
            assert not any(eligible(instance, applicant, v) for v in applicant["preferences"])
            body = body.removeprefix("no visit they asked for was open to them (").removesuffix(")")
        parts = CLAUSE.split(body)[1:]
        ranks = [int(rank) for rank in parts[0::3]]
        assert ranks == list(range(1, len(applicant["preferences"]) + 1)), reason
        for rank, visit_id, text in zip(parts[0::3], parts[1::3], parts[2::3], strict=True):
            assert applicant["preferences"][int(rank) - 1] == visit_id
            check_clause(instance, result, applicant, visit_id, text)


# Waiting lists ------------------------------------------------------------------------------


@SETTINGS
@given(instances() | instances(crowded=True), st.integers(0, 3))
def test_waiting_lists_cover_every_place_that_can_free_and_keep_the_quotas(instance, length):
    instance["options"]["waiting_list"] = length
    result = solve(copy.deepcopy(instance))
    assume(result["status"] == "optimal")
    people = applicant_by_id(instance)
    selected = {a for ids in result["assignments"].values() for a in ids}
    for visit_id, waiting in result["waiting_lists"].items():
        visit, members = visit_by_id(instance)[visit_id], selected_at(result, instance)[visit_id]
        ranked = sorted(
            (
                p
                for p in instance["applicants"]
                if p["id"] not in selected and eligible(instance, p, visit_id)
            ),
            key=lambda p: -weighted(instance, p, visit_id),
        )
        events = [None] if len(members) < visit["capacity"] else []
        events += members

        def enters(candidate, leaving, visit=visit, members=members) -> bool:
            stay = [m for m in members if m is not leaving]
            return not broken(instance, visit, [*stay, candidate])

        listed = [people[a] for a in waiting]
        assert len(listed) <= length and all(p in ranked for p in listed)
        assert [weighted(instance, p, visit_id) for p in listed] == sorted(
            (weighted(instance, p, visit_id) for p in listed), reverse=True
        )
        assert all(any(enters(p, event) for event in events) for p in listed)
        needed = {next((p["id"] for p in ranked if enters(p, event)), None) for event in events}
        needed.discard(None)
        if len(needed) <= length:  # then every event anyone can fill has its entrant listed
            for event in events:
                first = next((p for p in listed if enters(p, event)), None)
                best = next((p for p in ranked if enters(p, event)), None)
                if best is not None:
                    assert first is not None
                    assert weighted(instance, first, visit_id) == weighted(instance, best, visit_id)


# Malformed input ----------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**20) | st.floats() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def damaged(instance: dict, path: tuple, value) -> dict:
    target = instance
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return instance


def solved_or_refused_with_a_field_named(instance: dict) -> None:
    try:
        json.dumps(solve(instance), allow_nan=False)  # Infinity or NaN is not JSON
    except InstanceError as error:
        message = str(error)
        assert "\n" not in message, message
        assert re.match(r"^(instance|visits|applicants|options)\b.*?: ", message), message


@settings(max_examples=300, deadline=None)
@given(instances(most=3) | instances(mode="lottery", most=3), st.data())
def test_any_damaged_instance_is_solved_or_refused_with_a_field_named(instance, data):
    path = data.draw(st.sampled_from(list(paths(instance))[1:]))
    solved_or_refused_with_a_field_named(damaged(instance, path, data.draw(JSON)))


def value_at(instance: dict, path: tuple):
    for key in path:
        instance = instance[key]
    return instance


@settings(max_examples=100, deadline=None)
@given(instances(most=3) | instances(mode="lottery", most=3), st.data())
def test_a_number_too_large_for_the_solver_is_refused_with_its_field_named(instance, data):
    numbers = [
        path
        for path in paths(instance)
        if type(value_at(instance, path)) in (int, float)  # not bool
    ]
    assume(numbers)
    path = data.draw(st.sampled_from(numbers))
    # Overflows a float, or is taken as infinite by HiGHS, or sums to Infinity.
    too_large = data.draw(st.sampled_from([10**400, 10**20, 1e30, 1e308]))
    solved_or_refused_with_a_field_named(damaged(instance, path, too_large))


# The checker itself -------------------------------------------------------------------------

INSTANCE = {
    "visits": [
        {
            "id": "v",
            "capacity": 3,
            "quotas": [
                {"attribute": "country", "max_per_value": 1},
                {"attribute": "size", "value": "small", "min_share": 0.5},
            ],
        }
    ],
    "applicants": [
        {
            "id": "a",
            "preferences": ["v"],
            "score": 1,
            "attributes": {"country": "PT", "size": "small"},
        },
        {
            "id": "b",
            "preferences": ["v"],
            "score": 1,
            "attributes": {"country": "PT", "size": "large"},
        },
        {
            "id": "c",
            "preferences": ["v"],
            "score": 1,
            "attributes": {"country": "ES", "size": "large"},
        },
        {
            "id": "d",
            "preferences": [],
            "score": 1,
            "attributes": {"country": "FI", "size": "small"},
        },
    ],
}


def result_with(*ids: str) -> dict:
    return {
        "assignments": {"v": list(ids)},
        "decisions": {
            a: {"visit": "v" if a in ids else None, "preference": 1 if a in ids else None}
            for a in "abcd"
        },
    }


def test_the_checker_accepts_a_selection_that_keeps_everything():
    assert violations(INSTANCE, result_with("a", "c")) == []


def test_the_checker_names_each_broken_constraint():
    assert violations(INSTANCE, result_with("a", "b")) == [
        "v breaks 'at most 1 per country' (country = PT)"
    ]
    assert violations(INSTANCE, result_with("c")) == ["v breaks 'at least 50% with size = small'"]
    assert "v: d did not ask for it or may not go" in violations(INSTANCE, result_with("a", "d"))


def test_brute_force_lists_exactly_the_feasible_assignments():
    found = list(feasible_assignments(INSTANCE))
    chosen = sorted(sorted(a for a, v in assignment.items() if v) for assignment in found)
    assert chosen == [[], ["a"], ["a", "c"]]  # not a and b (two from Portugal), nor c alone
