"""Single-move checks on a selection: polishing it, each applicant's reason, the waiting lists.

Every reason names a fact about single moves that the code checked: "taking them would break
quota X", "every place went to a higher or equal weighted score". `polish` first makes the
merit selection stable under those moves (no free place a positive score could take, no one
replaceable by a higher weighted score without breaking a quota), so such reasons stay true
even when the solver stops within its gap tolerance or at the time limit.
"""

from collections.abc import Callable
from dataclasses import dataclass

from citypeers.optim.selection_input import Pair, Problem
from citypeers.optim.selection_rosters import Profile, Roster, quota_names, rosters_for

ZERO_CHANCE = 1e-9  # a lottery chance below this is zero, up to the LP's tolerance
BARRIERS = {
    "excluded": "they are excluded from it",
    "no places": "it has no places",
    "below the lottery threshold": "their score is below the lottery threshold",
}


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


def merit_reason(selection: Selection, applicant: int) -> str:
    problem = selection.problem
    if applicant in selection.assignment:
        pair = selection.pair_at[applicant, selection.assignment[applicant]]
        return f"selected for preference {pair.rank} ({problem.visits[pair.visit].id})"
    return unselected_reason(selection, applicant, lambda pair: _merit_clause(selection, pair))


def lottery_reason(selection: Selection, applicant: int, chance: float) -> str:
    problem = selection.problem
    if applicant in selection.assignment:
        pair = selection.pair_at[applicant, selection.assignment[applicant]]
        return (
            f"drawn in the lottery (chance {chance:.4g}); selected for preference "
            f"{pair.rank} ({problem.visits[pair.visit].id})"
        )
    if applicant not in selection.pairs_of:  # no eligible pair: each preference has a barrier
        return unselected_reason(selection, applicant, lambda pair: "")
    if chance < ZERO_CHANCE:
        return "not selected: no selection that keeps every quota and capacity can include them"
    return f"not selected: not drawn in the lottery (chance {chance:.4g})"


def unselected_reason(selection: Selection, applicant: int, clause: Callable[[Pair], str]) -> str:
    """'not selected: ' and, for each preference, why it did not happen."""
    problem = selection.problem
    person = problem.applicants[applicant]
    if not person.preferences:
        return "not selected: they asked for no visit"
    parts, open_visits = [], 0
    for rank, visit in enumerate(person.preferences, start=1):
        barrier = problem.pair_barrier(applicant, rank)
        if barrier is None:
            open_visits += 1
            text = clause(selection.pair_at[applicant, visit])
        else:
            text = BARRIERS[barrier]
        parts.append(f"preference {rank} ({problem.visits[visit].id}): {text}")
    if not open_visits:
        return "not selected: no visit they asked for was open to them (" + "; ".join(parts) + ")"
    return "not selected: " + "; ".join(parts)


def _merit_clause(selection: Selection, pair: Pair) -> str:
    roster = selection.rosters[pair.visit]
    if roster.full:
        if roster.visit.capacity == 1:
            everyone = "the place went to an applicant with a higher or equal weighted score"
        else:
            everyone = (
                f"all {roster.visit.capacity} places went to applicants with higher or equal "
                "weighted scores"
            )
        return _replacing(selection, pair) or everyone
    blocked_entry = roster.broken(pair.applicant)
    if not blocked_entry:
        assert pair.value <= 0  # `polish` gives every free place a positive score can take
        return f"a place was free, but their weighted score of {pair.value:g} adds nothing"
    free = roster.visit.capacity - roster.size
    places = "a place was" if free == 1 else f"{free} places were"
    text = f"{places} left free, but taking them would break {quota_names(blocked_entry)}"
    replacing = _replacing(selection, pair)
    return f"{text}; {replacing}" if replacing else text


def _replacing(selection: Selection, pair: Pair) -> str:
    """Why they replace nobody they outscore ("" when they outscore nobody there)."""
    lower = selection.outscored(pair)
    if not lower:
        return ""
    roster = selection.rosters[pair.visit]
    broken = tuple(b for other in lower for b in roster.broken(pair.applicant, other))
    whom = (
        "the one selected with a lower weighted score"
        if len(lower) == 1
        else f"any of the {len(lower)} selected with lower weighted scores"
    )
    return f"replacing {whom} by them would break {quota_names(broken)}"


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
