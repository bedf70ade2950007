"""A visit with people to put in breakout groups, for the groups' tests (services, views,
browser): participants from several countries and city sizes, facilitators, an interpreter."""

from citypeers.programmes.models import Membership, Role
from tests.factories import AgendaSessionFactory, OrganisationFactory, PlaceFactory, UserFactory

COUNTRIES = ["PT", "FI", "PL", "ES"]
POPULATIONS = [30_000, 120_000, 600_000]


def member(visit, role: str, *, number: int, country: str = "", population: int = 80_000):
    place = PlaceFactory(country=country or "BE", population=population)
    user = UserFactory(
        display_name=f"{role.title()} {number:02d}",
        email=f"{role}{number}@example.eu",
        organisation=OrganisationFactory(place=place),
    )
    Membership.objects.create(user=user, programme=visit.programme, visit=visit, role=role)
    return user


def groups_scene(visit, *, participants: int = 12, facilitators: int = 2, interpreters: int = 0):
    """The visit's people (see `groups_people`) and a session."""
    people = groups_people(
        visit, participants=participants, facilitators=facilitators, interpreters=interpreters
    )
    return AgendaSessionFactory(visit=visit), people


def groups_people(visit, *, participants: int, facilitators: int, interpreters: int = 0):
    """Participants of four countries and three city sizes, facilitators, interpreters."""
    people = [
        member(
            visit,
            Role.PARTICIPANT,
            number=i,
            country=COUNTRIES[i % len(COUNTRIES)],
            population=POPULATIONS[i % len(POPULATIONS)],
        )
        for i in range(participants)
    ]
    people += [member(visit, Role.FACILITATOR, number=i) for i in range(facilitators)]
    people += [member(visit, Role.INTERPRETER, number=i) for i in range(interpreters)]
    return people
