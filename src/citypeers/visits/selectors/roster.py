"""A visit's people, each with their role(s): the confirmed places of the published selection,
the visit's team and the programme's coordinators, with their questionnaire answers.

The places come from the apps above this one (calls: applications confirmed for the visit);
they register how from their `ready()`, as they do for "My visits" (`mine.PLACE_SOURCES`), so
this module imports none of them. A late replacement from the waiting list has a confirmed
place like the others, so it joins the roster without anything else to do."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from citypeers.core.registry import Sources
from citypeers.people.models import Organisation, User
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import TEAM_ROLES
from citypeers.visits.models import QuestionnaireAnswer


@dataclass(frozen=True)
class ConfirmedPlace:
    """A person's confirmed place on a visit, with what they told when applying."""

    user: User
    organisation: Organisation | None = None  # the one they applied with
    challenge: str = ""
    access_needs: str = ""
    languages: tuple[str, ...] = ()


# Apps above this one register, from their `ready()`, a function giving a visit's confirmed
# places, or only `user`'s when given (calls: `calls.selectors.personal.confirmed_places`).
PlaceSource = Callable[..., Iterable[ConfirmedPlace]]
CONFIRMED_PLACE_SOURCES: Sources[PlaceSource] = Sources()

confirmed_places_register = CONFIRMED_PLACE_SOURCES.register


def confirmed_places(visit: Visit, *, user=None) -> list[ConfirmedPlace]:
    return [place for source in CONFIRMED_PLACE_SOURCES for place in source(visit, user=user)]


# The order roles are listed in: who runs the visit first, then who takes part.
ROLE_ORDER = [
    Role.COORDINATOR,
    Role.HOST,
    Role.EXPERT,
    Role.FACILITATOR,
    Role.TECHNICAL_HOST,
    Role.INTERPRETER,
    Role.RAPPORTEUR,
    Role.PARTICIPANT,
]


@dataclass
class RosterPerson:
    user: User
    roles: list = field(default_factory=list)  # Role members, in ROLE_ORDER
    organisation: Organisation | None = None
    languages: list = field(default_factory=list)  # codes
    access_needs: list = field(default_factory=list)  # as written, from the application and
    # the questionnaire; the team's eyes only
    application_challenge: str = ""
    answer: QuestionnaireAnswer | None = None

    @property
    def is_participant(self) -> bool:
        return Role.PARTICIPANT in self.roles

    @property
    def is_team(self) -> bool:
        return any(role != Role.PARTICIPANT for role in self.roles)

    @property
    def city(self) -> str:
        place = self.organisation.place if self.organisation else None
        return place.name if place else ""

    @property
    def country(self):
        """The person's country, else their organisation's."""
        if self.user.country:
            return self.user.country
        place = self.organisation.place if self.organisation else None
        return place.country if place else None

    @property
    def challenge(self) -> str:
        """The challenge of the questionnaire, else the one in their application."""
        return (self.answer.challenge if self.answer else "") or self.application_challenge

    @property
    def shares(self) -> bool:
        """Consented to show their name, organisation, city and challenge to participants."""
        return bool(self.answer and self.answer.shares_with_participants)


def roster_of(visit: Visit) -> list[RosterPerson]:
    """Everyone on the visit once, with every role they hold on it; the team first, then the
    participants, each by name."""
    people: dict[int, RosterPerson] = {}

    def person(user: User) -> RosterPerson:
        return people.setdefault(user.pk, RosterPerson(user=user, organisation=user.organisation))

    memberships = (
        Membership.objects.filter(programme_id=visit.programme_id)
        .filter(
            Q(role=Role.COORDINATOR, visit__isnull=True)
            | Q(visit=visit, role__in=[*TEAM_ROLES, Role.PARTICIPANT])
        )
        .select_related("user__organisation__place")
    )
    for membership in memberships:
        entry = person(membership.user)
        if membership.role not in entry.roles:
            entry.roles.append(Role(membership.role))
    for place in confirmed_places(visit):
        entry = person(place.user)
        if Role.PARTICIPANT not in entry.roles:
            entry.roles.append(Role.PARTICIPANT)
        entry.organisation = place.organisation or entry.organisation
        entry.application_challenge = place.challenge
        entry.languages = list(place.languages)
        if place.access_needs:
            entry.access_needs.append(place.access_needs)
    answers = QuestionnaireAnswer.objects.filter(visit=visit, person_id__in=people)
    for answer in answers:
        entry = people[answer.person_id]
        entry.answer = answer
        entry.access_needs += answer.practical_needs
    for entry in people.values():
        entry.roles.sort(key=ROLE_ORDER.index)
        entry.languages = list(dict.fromkeys([*entry.user.languages, *entry.languages]))
    return sorted(
        people.values(),
        key=lambda e: (not e.is_team, ROLE_ORDER.index(e.roles[0]), str(e.user).lower()),
    )


def roster_shown_to_participants(roster: list[RosterPerson]) -> list[RosterPerson]:
    """Those who consented to be shown to the other participants."""
    return [entry for entry in roster if entry.shares]


@dataclass
class QuestionnaireSummary:
    answered: int
    asked: int
    challenges: list  # (person, challenge) of those who gave one


def questionnaire_summary(roster: list[RosterPerson]) -> QuestionnaireSummary:
    """How many of the visit's people answered, and the challenges they bring."""
    answered = [entry for entry in roster if entry.answer]
    return QuestionnaireSummary(
        answered=len(answered),
        asked=len(roster),
        challenges=[(e.user, e.answer.challenge) for e in answered if e.answer.challenge],
    )


def has_a_place(user, visit: Visit) -> bool:
    """A confirmed place on the visit, or the participant's role on it."""
    if not user.is_authenticated:
        return False
    if confirmed_places(visit, user=user):
        return True
    return Membership.objects.filter(user=user, visit=visit, role=Role.PARTICIPANT).exists()


def questionnaire_answer_of(visit: Visit, person) -> QuestionnaireAnswer | None:
    return QuestionnaireAnswer.objects.filter(visit=visit, person=person).first()
