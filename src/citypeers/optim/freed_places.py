"""Who takes a place freed after the selection was published, without breaking its quotas.

The selection's waiting list ranks who enters first if a place frees; by the time a place
frees, other people may have declined or joined, so the list is checked again against the
visit's quotas as they stand: the place goes to the first person whose entry keeps every quota
of the visit. When nobody on the list can do that (a quota was already short, say), it goes to
the first whose entry breaks no quota that holds without them, so a place is not left empty
for a quota it cannot repair anyway.
"""

from dataclasses import dataclass

from citypeers.optim import InstanceError
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_rosters import Roster, quota_names


@dataclass(frozen=True)
class Offer:
    applicant: str | None  # None: nobody on the list can enter
    keeps_every_quota: bool
    note: str  # in words, for the audit log and the coordinators


def next_in_line(instance: dict, visit: str, holders: list[str], waiting: list[str]) -> Offer:
    """The first of `waiting` (applicant ids, in order) to offer a place of `visit` to, given
    the applicants `holders` who hold its other places; all ids are those of `instance`."""
    problem = parse(instance)
    numbers = {person.id: number for number, person in enumerate(problem.applicants)}
    visits = {item.id: item for item in problem.visits}
    if visit not in visits:
        raise InstanceError(f"visit: {visit!r} is not a visit of the instance")
    roster = Roster(visits[visit], problem.applicants)
    for key in holders:
        roster.add(_number(numbers, key))
    listed = [key for key in waiting if key in numbers]
    for key in listed:
        if not roster.broken(numbers[key]):
            return Offer(key, True, "keeps every quota")
    holding_short = set(roster.violations())
    for key in listed:
        broken = roster.broken(numbers[key])
        if set(broken) <= holding_short:
            return Offer(key, False, f"{quota_names(broken)} stays short")
    return Offer(None, False, "nobody on the waiting list keeps the quotas")


def _number(numbers: dict[str, int], key: str) -> int:
    if key not in numbers:
        raise InstanceError(f"holders: {key!r} is not an applicant of the instance")
    return numbers[key]
