import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.timeslots import solve
from tests.optim.json_paths import paths

BEFORE_AND_AFTER_THE_CHANGE = ["2027-03-26", "2027-03-29"]  # EU summer time from 28 March


def instance(**changes):
    return {
        "participants": [
            {"id": "lisbon", "tz": "Europe/Lisbon"},
            {"id": "helsinki", "tz": "Europe/Helsinki"},
        ],
        "dates": BEFORE_AND_AFTER_THE_CHANGE,
        "session_minutes": 120,
        "max_candidates": None,
    } | changes


def by_start(result) -> dict:
    return {candidate["start_utc"]: candidate for candidate in result["candidates"]}


def test_each_date_uses_its_own_utc_offset():
    candidates = by_start(solve(instance()))
    # 08:00 UTC is 08:00 in Lisbon on 26 March (too early) but 09:00 on 29 March.
    assert candidates["08:00"]["outside"] == [
        {"participant": "lisbon", "date": "2027-03-26", "minutes": 60}
    ]
    assert candidates["09:00"]["inside"] == 2 and candidates["09:00"]["outside"] == []


def test_candidates_are_ranked_by_who_fits_then_by_minutes_outside():
    candidates = solve(instance())["candidates"]
    assert [c["inside"] for c in candidates] == sorted(
        (c["inside"] for c in candidates), reverse=True
    )
    assert candidates[0]["start_utc"] == "09:00"  # the earliest that suits both on both dates


def test_days_off_and_own_hours_are_respected():
    people = [
        {
            "id": "early",
            "tz": "Europe/Paris",
            "hours": ["07:00", "15:00"],
            "days_off": ["2027-03-26"],
        }
    ]
    candidates = by_start(solve(instance(participants=people)))
    assert candidates["05:00"]["outside"] == []  # 07:00 in Paris on 29 March
    assert candidates["13:00"]["outside"][0]["minutes"] == 120  # ends at 17:00 there


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": [{"id": 1, "tz": "CET"}]}, "participants[0].tz"),
        ({"participants": [{"id": 1, "tz": "UTC+2"}]}, "participants[0].tz"),
        ({"participants": [{"id": 1, "tz": "Europe/Atlantis"}]}, "participants[0].tz"),
        ({"participants": [{"id": 1, "tz": "Europe/Paris", "hours": ["9"]}]}, "hours"),
        ({"participants": []}, "participants"),
        ({"dates": ["26/03/2027"]}, "dates"),
        ({"session_minutes": "two hours"}, "session_minutes"),
        ({"step_minutes": 7}, "step_minutes"),
        ({"max_candidates": 0}, "max_candidates"),
    ],
)
def test_a_malformed_instance_names_the_field(changes, field):
    with pytest.raises(InstanceError, match=field.replace("[", r"\[").replace("]", r"\]")):
        solve(instance(**changes))


def test_only_the_best_candidates_are_listed_by_default():
    result = solve(instance(max_candidates=10) | {"max_candidates": 3})
    assert len(result["candidates"]) == 3 and result["candidates_checked"] == 96
    default = dict(instance())
    del default["max_candidates"]
    assert len(solve(default)["candidates"]) == 10


# Any damage is refused with its field named -----------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 2000) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=5,
)
FIELDS = ("participants", "dates", "session_minutes", "step_minutes", "max_candidates")


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damaged_instance_is_solved_or_refused_with_a_field_named(data):
    damaged = copy.deepcopy(instance(max_candidates=2))
    damaged["participants"][0] |= {"hours": ["08:00", "16:00"], "days_off": ["2027-03-26"]}
    path = data.draw(st.sampled_from(list(paths(damaged))[1:]))
    target = damaged
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON)
    try:
        json.dumps(solve(damaged))
    except InstanceError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(FIELDS), message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": 7}, "participants: "),
        (
            {"participants": [{"id": 1, "tz": "Europe/Paris", "days_off": 5}]},
            "participants[0].days_off: ",
        ),
        ({"dates": 5}, "dates: "),
        ({"session_minutes": True}, "session_minutes: "),
    ],
)
def test_a_field_of_the_wrong_kind_is_refused_not_a_crash(changes, field):
    with pytest.raises(InstanceError) as refused:
        solve(instance(**changes))
    assert str(refused.value).startswith(field)
