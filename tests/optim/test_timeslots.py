import pytest

from citypeers.optim import InstanceError
from citypeers.optim.timeslots import solve

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
