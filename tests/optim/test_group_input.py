"""Reading a groups instance: every fault is refused in one line that names its field."""

import pytest

from citypeers.optim import InstanceError
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
