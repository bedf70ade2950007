"""Single-move checks on a selection: polishing it, each applicant's reason, the waiting lists.

Every reason names a fact about single moves that the code checked: "taking them would break
quota X", "every place went to a higher or equal weighted score". `polish` first makes the
merit selection stable under those moves (no free place a positive score could take, no one
replaceable by a higher weighted score without breaking a quota), so such reasons stay true
even when the solver stops within its gap tolerance or at the time limit. Each reason is built
as data (`why`) and written in English from that data alone (`reason_text`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from citypeers.optim.selection_input import Pair, Problem
from citypeers.optim.selection_rosters import (
    Profile,
    Roster,
    quotas_of,
    quotas_text,
    rosters_for,
)

ZERO_CHANCE = 1e-9  # a lottery chance below this is zero, up to the LP's tolerance


@dataclass
class Selection:
    problem: Problem
    assignment: dict[int, int]  # applicant -> visit
    rosters: list[Roster]
    pairs_of: dict[int, list[Pair]]  # applicant -> their eligible pairs, best preference first
    pair_at: dict[tuple[int, int], Pair]

    @classmethod
    def of(cls, problem: Problem, assignment: dict[int, int]) -> "Selection":
        pairs_of: dict[int, list[Pair]] = {}
        for pair in problem.pairs:
            pairs_of.setdefault(pair.applicant, []).append(pair)
        pair_at = {(pair.applicant, pair.visit): pair for pair in problem.pairs}
        return cls(problem, dict(assignment), rosters_for(problem, assignment), pairs_of, pair_at)

    def value(self, applicant: int, visit: int) -> float:
        return self.pair_at[applicant, visit].value

    def objective(self) -> float:
        return sum(self.value(a, v) for a, v in sorted(self.assignment.items()))

    def place(self, pair: Pair) -> None:
        self.assignment[pair.applicant] = pair.visit
        self.rosters[pair.visit].add(pair.applicant)

    def unplace(self, applicant: int) -> None:
        visit = self.assignment.pop(applicant)
        self.rosters[visit].remove(applicant)

    def outscored(self, pair: Pair) -> list[int]:
        """Those selected for the pair's visit with a lower weighted score, lowest first."""
        members = self.rosters[pair.visit].members
        lower = [b for b in members if self.value(b, pair.visit) < pair.value]
        return sorted(lower, key=lambda b: (self.value(b, pair.visit), b))


# Polish -------------------------------------------------------------------------------------


def polish(selection: Selection) -> int:
    """Takes improving single moves until none is left; returns how many were taken.

    A move puts an unselected applicant into a free place, or in place of someone with a lower
    weighted score, keeping every quota. Each raises the objective, so this ends.
    """
    moves, improved = 0, True
    while improved:
        improved = False
        for applicant in range(len(selection.problem.applicants)):
            if applicant not in selection.assignment and _improve(selection, applicant):
                moves, improved = moves + 1, True
    return moves


def _improve(selection: Selection, applicant: int) -> bool:
    for pair in selection.pairs_of.get(applicant, []):
        roster = selection.rosters[pair.visit]
        if pair.value <= 0:
            continue
        if not roster.full and not roster.broken(applicant):
            selection.place(pair)
            return True
        for other in selection.outscored(pair):
            if not roster.broken(applicant, other):
                selection.unplace(other)
                selection.place(pair)
                return True
    return False


# Reasons ------------------------------------------------------------------------------------
#
# Each decision's reason is data first (`why`, its format in docs/optim_selection.md), built
# from the checks below; the English `reason` is `reason_text(why)`, so the two never disagree.

Why = dict[str, Any]
BARRIER_CODES = {  # `Problem.pair_barrier` -> the clause's code
    "excluded": "excluded",
    "no places": "no_places",
    "below the lottery threshold": "below_threshold",
}
INFEASIBLE: Why = {"code": "infeasible"}
OUT_OF_TIME: Why = {"code": "time_limit"}


def merit_why(selection: Selection, applicant: int) -> Why:
    if applicant in selection.assignment:
        return _selected(selection, applicant, {"code": "selected"})
    return unselected_why(selection, applicant, lambda pair: _merit_clause(selection, pair))


def lottery_why(selection: Selection, applicant: int, chance: float) -> Why:
    """`chance` as computed: the reason shows 4 significant digits, which rounding could change."""
    if applicant in selection.assignment:
        return _selected(selection, applicant, {"code": "drawn", "chance": chance})
    if applicant not in selection.pairs_of:  # no eligible pair: each preference has a barrier
        return unselected_why(selection, applicant, lambda pair: {"code": "lottery"})
    if chance < ZERO_CHANCE:
        return {"code": "cannot_fit"}
    return {"code": "not_drawn", "chance": chance}


def _selected(selection: Selection, applicant: int, why: Why) -> Why:
    pair = selection.pair_at[applicant, selection.assignment[applicant]]
    return why | {"preference": pair.rank, "visit": selection.problem.visits[pair.visit].id}


def unselected_why(selection: Selection, applicant: int, clause: Callable[[Pair], Why]) -> Why:
    """For each preference, why it did not happen: a barrier, or `clause` of the open pair."""
    problem = selection.problem
    person = problem.applicants[applicant]
    if not person.preferences:
        return {"code": "asked_nothing"}
    clauses, open_visits = [], 0
    for rank, visit in enumerate(person.preferences, start=1):
        barrier = problem.pair_barrier(applicant, rank)
        if barrier is None:
            open_visits += 1
            found = clause(selection.pair_at[applicant, visit])
        else:
            found = {"code": BARRIER_CODES[barrier]}
        clauses.append({"preference": rank, "visit": problem.visits[visit].id} | found)
    return {"code": "not_selected", "none_open": not open_visits, "preferences": clauses}


def _merit_clause(selection: Selection, pair: Pair) -> Why:
    roster = selection.rosters[pair.visit]
    if roster.full:
        replacing = _replacing(selection, pair)
        if replacing:
            return {"code": "replacing_breaks", "replacing": replacing}
        return {"code": "full", "capacity": roster.visit.capacity}
    blocked_entry = roster.broken(pair.applicant)
    if not blocked_entry:
        assert pair.value <= 0  # `polish` gives every free place a positive score can take
        return {"code": "adds_nothing", "value": pair.value}
    clause = {
        "code": "quota_blocks_entry",
        "free": roster.visit.capacity - roster.size,
        "quotas": quotas_of(blocked_entry),
    }
    replacing = _replacing(selection, pair)
    return clause | {"replacing": replacing} if replacing else clause


def _replacing(selection: Selection, pair: Pair) -> Why | None:
    """Why they replace nobody they outscore (None when they outscore nobody there)."""
    lower = selection.outscored(pair)
    if not lower:
        return None
    roster = selection.rosters[pair.visit]
    broken = tuple(b for other in lower for b in roster.broken(pair.applicant, other))
    return {"lower": len(lower), "quotas": quotas_of(broken)}


# The English reason of a `why` ----------------------------------------------------------------

BARRIERS = {
    "excluded": "they are excluded from it",
    "no_places": "it has no places",
    "below_threshold": "their score is below the lottery threshold",
}
PLAIN = {
    "asked_nothing": "not selected: they asked for no visit",
    "cannot_fit": "not selected: no selection that keeps every quota and capacity can include them",
    "infeasible": "not selected: no selection was made, as the quotas cannot all be met "
    "(see infeasible_quotas)",
    "time_limit": "not selected: no selection was found within the time limit "
    "(options.time_limit_s)",
}


def reason_text(why: Why) -> str:
    """The decision's reason in English, from its `why` alone (visits named by id)."""
    code = why["code"]
    if code in PLAIN:
        return PLAIN[code]
    if code == "selected":
        return f"selected for preference {why['preference']} ({why['visit']})"
    if code == "drawn":
        return (
            f"drawn in the lottery (chance {why['chance']:.4g}); selected for preference "
            f"{why['preference']} ({why['visit']})"
        )
    if code == "not_drawn":
        return f"not selected: not drawn in the lottery (chance {why['chance']:.4g})"
    if code != "not_selected":
        raise ValueError(f"unknown code {code!r}")
    parts = "; ".join(
        f"preference {clause['preference']} ({clause['visit']}): {_clause_text(clause)}"
        for clause in why["preferences"]
    )
    if why["none_open"]:
        return f"not selected: no visit they asked for was open to them ({parts})"
    return f"not selected: {parts}"


def _clause_text(clause: Why) -> str:
    code = clause["code"]
    if code in BARRIERS:
        return BARRIERS[code]
    if code == "lottery":
        return ""
    if code == "full":
        if clause["capacity"] == 1:
            return "the place went to an applicant with a higher or equal weighted score"
        return (
            f"all {clause['capacity']} places went to applicants with higher or equal "
            "weighted scores"
        )
    if code == "replacing_breaks":
        return _replacing_text(clause["replacing"])
    if code == "adds_nothing":
        return f"a place was free, but their weighted score of {clause['value']:g} adds nothing"
    if code != "quota_blocks_entry":
        raise ValueError(f"unknown clause code {code!r}")
    places = "a place was" if clause["free"] == 1 else f"{clause['free']} places were"
    text = f"{places} left free, but taking them would break {quotas_text(clause['quotas'])}"
    replacing = clause.get("replacing")
    return f"{text}; {_replacing_text(replacing)}" if replacing else text


def _replacing_text(replacing: Why) -> str:
    whom = (
        "the one selected with a lower weighted score"
        if replacing["lower"] == 1
        else f"any of the {replacing['lower']} selected with lower weighted scores"
    )
    return f"replacing {whom} by them would break {quotas_text(replacing['quotas'])}"


# Waiting lists ------------------------------------------------------------------------------


def waiting_list(selection: Selection, visit: int, ranked: list[int], length: int) -> list[int]:
    """Up to `length` of the `ranked` candidates (best first) for the visit, in that order.

    An event is a free place, or one selected person leaving (any of them: which one will
    leave is not known); whoever enters on an event is the first on the list whose entry
    keeps every quota, with the leaver gone (one change at a time from this selection). The
    list takes first, for each event, the best-ranked candidate who could enter on it (so
    every event that anyone can fill is covered, as far as `length` allows), then the next
    best who could enter on some event.
    """
    if length == 0:
        return []
    roster = selection.rosters[visit]
    events: list[Profile | None] = [roster.profile(member) for member in roster.members]
    events = list(dict.fromkeys(events))  # one event per distinct profile leaving
    if not roster.full:
        events.insert(0, None)
    profiles = {c: roster.profile(c) for c in ranked}
    best_of: dict[Profile, int] = {}  # the best-ranked candidate of each profile
    for candidate in ranked:
        best_of.setdefault(profiles[candidate], candidate)

    def fits(profile: Profile, event: Profile | None) -> bool:
        return not roster.broken_for(profile, event)

    cover = set()
    for event in events:
        entrant = next((c for p, c in best_of.items() if fits(p, event)), None)
        if entrant is not None:
            cover.add(entrant)
    position = {candidate: i for i, candidate in enumerate(ranked)}
    chosen = sorted(cover, key=position.__getitem__)[:length]
    for candidate in ranked:
        if len(chosen) >= length:
            break
        if candidate not in cover and any(fits(profiles[candidate], e) for e in events):
            chosen.append(candidate)
    return sorted(chosen, key=position.__getitem__)


def candidates_by_visit(selection: Selection) -> dict[int, list[int]]:
    """Unselected applicants with an eligible pair at each visit, in applicant order."""
    candidates: dict[int, list[int]] = {v: [] for v in range(len(selection.problem.visits))}
    for pair in selection.problem.pairs:
        if pair.applicant not in selection.assignment:
            candidates[pair.visit].append(pair.applicant)
    return candidates
