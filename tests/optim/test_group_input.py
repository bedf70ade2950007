"""Reading a groups instance: every fault is refused in one line that names its field."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.group_input import group_sizes, groups_for, parse
from citypeers.optim.groups import solve
from tests.optim.group_instances import people

GOOD = {"participants": people(6), "rounds": 2, "group_size": 3}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": []}, "participants:"),
        ({"participants": [{"id": "a"}, {"id": "a"}]}, "participants[1].id: duplicate"),
        ({"participants": [{"name": "a"}]}, "participants[0].name: unknown field"),
        ({"participants": [{"id": True}]}, "participants[0].id:"),
        ({"participants": [{"id": "a", "attributes": {"x": [1]}}]}, "participants[0].attributes.x"),
        ({"rounds": 0}, "rounds:"),
        ({"rounds": "3"}, "rounds:"),
        ({"group_size": 0}, "group_size:"),
        ({"groups": 2}, "group_size: give either"),
        ({"group_sise": 2}, "group_sise: unknown field"),
        ({"mix": "country"}, "mix:"),
        ({"mix": ["country", "country"]}, "mix[1]:"),
        ({"spread": [{"attribute": "role"}]}, "spread[0]:"),
        ({"spread": {"attribute": "role", "value": [1]}}, "spread.value:"),
        ({"together": [["p1", "p99"]]}, "together[0]: unknown participant 'p99'"),
        ({"together": [["p1"], ["p2", "p2"]]}, "together[1]: participant 'p2' is listed twice"),
        ({"together": [["p0", "p1", "p2", "p3"]]}, "together[0]: 4 people cannot share"),
        ({"absent": {"p9": [1]}}, "absent['p9']: unknown participant"),
        ({"absent": {"p1": [3]}}, "absent['p1']: round 3"),
        ({"absent": ["p1"]}, "absent:"),
        ({"seed": 1.5}, "seed:"),
        ({"time_limit_s": 0}, "time_limit_s:"),
    ],
)
def test_a_malformed_instance_names_the_field(changes, field):
    data = {key: value for key, value in (GOOD | changes).items() if value is not None}
    with pytest.raises(InstanceError) as error:
        solve(data)
    assert str(error.value).startswith(field) and "\n" not in str(error.value)


@pytest.mark.parametrize("data", [None, [], "groups", {"rounds": 2, "group_size": 2}])
def test_not_an_instance_at_all(data):
    with pytest.raises(InstanceError):
        solve(data)


def test_neither_group_size_nor_groups():
    with pytest.raises(InstanceError, match=r"^group_size: give either"):
        solve({"participants": people(4), "rounds": 2})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": "p0"}, "participants: must be a non-empty list"),
        ({"participants": [{"id": i} for i in range(1001)]}, "participants: at most 1000"),
        ({"participants": ["p0"]}, "participants[0]: must be an object"),
        ({"participants": [{"id": ""}]}, "participants[0].id: must be a non-empty string"),
        ({"participants": [{"id": "a", "attributes": []}]}, "participants[0].attributes: must be"),
        ({"rounds": 101}, "rounds: must be between 1 and 100"),
        ({"group_size": None, "groups": 0}, "groups: must be between 1 and 1000"),
        ({"mix": [""]}, "mix[0]: must be an attribute name"),
        ({"spread": "role"}, "spread: must be"),
        ({"spread": [{"attribute": "", "value": 1}]}, "spread[0].attribute: must be"),
        ({"absent": {"p1": 1}}, "absent['p1']: must be a list of round numbers"),
        ({"absent": {"p1": [True]}}, "absent['p1']: round True is not a round number"),
        ({"together": "p1"}, "together: must be a list"),
        ({"together": [[]]}, "together[0]: must be a non-empty list"),
        ({"together": [["p1", True]]}, "together[0]: unknown participant True"),
        ({"seed": True}, "seed: must be a whole number"),
        ({"time_limit_s": 3601}, "time_limit_s: must be a number of seconds above 0, at most 3600"),
        (
            {"together": [["p0", "p1"], ["p2", "p3"], ["p4", "p5"]], "group_size": 4},
            "together: the sets cannot be packed into 2 groups of 3 people in round 1",
        ),
    ],
)
def test_every_other_field_is_checked_too(changes, field):
    data = {key: value for key, value in (GOOD | changes).items() if value is not None}
    with pytest.raises(InstanceError) as error:
        solve(data)
    assert str(error.value).startswith(field) and "\n" not in str(error.value)


@given(st.integers(1, 60), st.integers(1, 60))
def test_the_groups_of_a_round_differ_by_at_most_one_and_hold_everyone(present, k):
    sizes = group_sizes(present, min(k, present))
    assert sum(sizes) == present and max(sizes) - min(sizes) <= 1


def test_more_groups_than_people_gives_one_group_each():
    parsed = parse({"participants": people(3), "rounds": 1, "groups": 10})
    assert groups_for(3, parsed) == 3 and groups_for(0, parsed) == 0
