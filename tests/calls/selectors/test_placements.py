"""Where a run puts each applicant: one answer for publishing, previews, exports and pages."""

from citypeers.calls.models import SelectionRun
from citypeers.calls.selectors.placements import (
    Placement,
    placements_changed,
    run_capacities,
    run_placements,
    waiting_lists,
)


def run(asked: dict, *, selected: dict, waiting: dict, capacity: int = 1) -> SelectionRun:
    """A run (never saved) whose applicants asked for `asked` (id -> visits in order)."""
    visits = sorted({visit for visits in asked.values() for visit in visits})
    decisions = {key: {} for key in asked} | {key: {"visit": v} for key, v in selected.items()}
    return SelectionRun(
        instance={
            "visits": [{"id": v, "capacity": capacity, "quotas": []} for v in visits],
            "applicants": [{"id": k, "preferences": p} for k, p in asked.items()],
        },
        result={"decisions": decisions, "waiting_lists": waiting},
    )


def test_before_a_result_nobody_is_placed():
    assert run_placements(SelectionRun(instance={})) == {}
    assert run_capacities(SelectionRun(instance=None)) == {}


def test_each_person_has_a_place_a_waiting_list_or_neither():
    placements = run_placements(
        run(
            {"a": ["v"], "b": ["v"], "c": ["v"], "d": ["v"]},
            selected={"a": "v"},
            waiting={"v": ["c", "b"]},
        )
    )
    assert placements == {
        "a": Placement("selected", "v"),
        "c": Placement("waitlisted", "v", 1),
        "b": Placement("waitlisted", "v", 2),
        "d": Placement("not_selected"),
    }


def test_someone_listed_twice_waits_for_the_visit_they_ranked_higher():
    placements = run_placements(
        run(
            {"a": ["v"], "b": ["k"], "c": ["k", "v"], "d": ["v", "k"]},
            selected={"a": "v", "b": "k"},
            waiting={"v": ["c", "d"], "k": ["d", "c"]},
        )
    )
    assert placements["c"] == Placement("waitlisted", "k", 1)
    assert placements["d"] == Placement("waitlisted", "v", 1)  # positions count who waits there


def test_a_list_for_a_visit_not_asked_for_ranks_after_those_asked():
    placements = run_placements(
        run({"a": ["v"], "b": ["k"]}, selected={"a": "v"}, waiting={"x": ["b"], "k": ["b"]})
    )
    assert placements["b"] == Placement("waitlisted", "k", 1)


def test_waiting_lists_in_order_of_position():
    placements = {
        "a": Placement("waitlisted", "v", 2),
        "b": Placement("waitlisted", "v", 1),
        "c": Placement("selected", "v"),
        "d": Placement("waitlisted", "k", 1),
    }
    assert waiting_lists(placements) == {"v": ["b", "a"], "k": ["d"]}


def test_capacities_are_the_places_the_run_filled():
    assert run_capacities(run({"a": ["v", "k"]}, selected={}, waiting={}, capacity=3)) == {
        "k": 3,
        "v": 3,
    }


def test_only_people_placed_differently_count_as_moved():
    asked = {"a": ["v"], "b": ["v"], "c": ["v"]}
    before = run(asked, selected={"a": "v"}, waiting={"v": ["b", "c"]})
    after = run(
        {"b": ["v"], "c": ["v"]}, selected={"b": "v"}, waiting={"v": ["c"]}
    )  # a left out by hand
    assert placements_changed(before, after) == {
        "a": (Placement("selected", "v"), None),
        "b": (Placement("waitlisted", "v", 1), Placement("selected", "v")),
        "c": (Placement("waitlisted", "v", 2), Placement("waitlisted", "v", 1)),
    }
    assert placements_changed(before, before) == {}
