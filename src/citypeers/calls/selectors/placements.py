"""Where a run puts each applicant: a place, one waiting list, or neither.

The optimiser may list one person on several visits' waiting lists; applicants are told one
outcome, so they wait on the list of the visit they ranked highest, and positions count who
waits on each list. Publishing, the check before it, the previews, the exports and the
selection page all read this one answer."""

from dataclasses import dataclass

from citypeers.calls.enums import Outcome


@dataclass(frozen=True)
class Placement:
    outcome: str  # selected, waitlisted or not_selected
    visit: str | None = None  # visit id, of the place or of the waiting list
    position: int | None = None  # on the waiting list, from 1


def run_capacities(run) -> dict[str, int]:
    """Visit id -> the places the run filled (its instance's capacity)."""
    return {item["id"]: item["capacity"] for item in (run.instance or {}).get("visits", [])}


def run_placements(run) -> dict[str, Placement]:
    """Applicant id -> their placement in `run` (empty before the run has a result)."""
    result, instance = run.result or {}, run.instance or {}
    preferences = {
        item["id"]: item.get("preferences", []) for item in instance.get("applicants", [])
    }
    placements = {
        key: Placement(Outcome.SELECTED, decision["visit"])
        for key, decision in result.get("decisions", {}).items()
        if decision.get("visit")
    }
    lists = result.get("waiting_lists", {})
    listed_on: dict[str, list[str]] = {}
    for visit_id, people in lists.items():
        for key in people:
            listed_on.setdefault(key, []).append(visit_id)

    def rank(key: str, visit_id: str) -> int:
        asked = preferences.get(key, [])
        return asked.index(visit_id) if visit_id in asked else len(asked)

    chosen = {key: min(visits, key=lambda v: rank(key, v)) for key, visits in listed_on.items()}
    for visit_id, people in lists.items():
        waiting_here = [key for key in people if chosen[key] == visit_id]
        for position, key in enumerate(waiting_here, start=1):
            placements[key] = Placement(Outcome.WAITLISTED, visit_id, position)
    for key in result.get("decisions", {}):
        placements.setdefault(key, Placement(Outcome.NOT_SELECTED))
    return placements


def waiting_lists(placements: dict[str, Placement]) -> dict[str, list[str]]:
    """Visit id -> applicant ids waiting on it, in order."""
    lists: dict[str, list[tuple[int, str]]] = {}
    for key, placement in placements.items():
        if placement.outcome == Outcome.WAITLISTED:
            lists.setdefault(placement.visit, []).append((placement.position, key))
    return {visit: [key for _position, key in sorted(items)] for visit, items in lists.items()}


def placements_changed(before, after) -> dict[str, tuple[Placement | None, Placement | None]]:
    """Applicant id -> (placement in `before`, placement in `after`) for each person the two
    runs place differently; None where a run did not consider them (left out, or applied later)."""
    old, new = run_placements(before), run_placements(after)
    return {
        key: (old.get(key), new.get(key))
        for key in old.keys() | new.keys()
        if old.get(key) != new.get(key)
    }


def answered_applications(call):
    """The call's applications whose person has answered a published decision: once any
    has, publishing another run would undo their answers."""
    return call.applications.filter(outcome__in=[Outcome.CONFIRMED, Outcome.DECLINED])
