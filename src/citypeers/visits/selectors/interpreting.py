"""Whom each interpreter of a visit interprets for, and who they may be set to."""

from citypeers.people.models import User
from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import Interpreting
from citypeers.visits.selectors.roster import RosterPerson


def interpreting_of(visit: Visit) -> dict[int, User]:
    """The participant each interpreter interprets for, by the interpreter's user id."""
    rows = Interpreting.objects.filter(visit=visit).select_related("participant")
    return {row.interpreter_id: row.participant for row in rows}


def interpreters_on(roster: list[RosterPerson]) -> list[RosterPerson]:
    return [entry for entry in roster if Role.INTERPRETER in entry.roles]


def participants_on(roster: list[RosterPerson]) -> list[User]:
    """The roster's participants (confirmed places and the participant's role), by name."""
    people = [entry.user for entry in roster if entry.is_participant]
    return sorted(people, key=lambda user: str(user).lower())
