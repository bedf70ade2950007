"""The agenda editor's reads: the days of a visit and the daily start times that suit its
people, from the zones of its team and of the people given a place in it."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from citypeers.programmes.models import Role
from citypeers.visits.selectors.agenda import (
    agenda_days,
    agenda_sessions,
    daily_times,
    people_zones,
)
from tests.factories import (
    AgendaSessionFactory,
    CallFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def online_visit(programme):
    """Three days from Wednesday 24 March 2027, sessions of two hours at 08:00 in Brussels."""
    visit = VisitFactory(
        programme=programme,
        starts_on=datetime.date(2027, 3, 24),
        ends_on=datetime.date(2027, 3, 26),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    for day in (1, 2, 3):
        starts = datetime.datetime(2027, 3, 23 + day, 8, tzinfo=BRUSSELS)
        AgendaSessionFactory(visit=visit, day=day, starts_at=starts, minutes=120)
    return visit


def _person(visit, zone: str, name: str, role=Role.PARTICIPANT):
    user = UserFactory(time_zone=zone, display_name=name)
    MembershipFactory(user=user, programme=visit.programme, visit=visit, role=role)
    return user


def test_lisbon_helsinki_and_brussels_people_are_best_served_at_10_brussels(online_visit):
    ana = _person(online_visit, "Europe/Lisbon", "Ana")
    _person(online_visit, "Europe/Helsinki", "Aino")
    bram = _person(online_visit, "Europe/Brussels", "Bram", role=Role.HOST)
    times = daily_times(online_visit, people_zones(online_visit))
    starts = [option.start for option in times.best]
    assert times.people == 3 and times.minutes == 120
    assert datetime.time(10) in starts
    at_eight = next(option for option in times.best if option.start == datetime.time(8))
    assert at_eight.current  # listed although not among the best: it is today's start
    assert starts.index(datetime.time(10)) < times.best.index(at_eight)
    at_ten = next(option for option in times.best if option.start == datetime.time(10))
    assert at_ten.inside == 3 and not at_ten.outside
    # 08:00 in Brussels is 07:00 in Lisbon: Ana starts two hours before her day, Bram one.
    assert at_eight.inside == 1
    assert at_eight.outside == [
        (person, datetime.date(2027, 3, day), minutes)
        for day in (24, 25, 26)
        for person, minutes in ((ana, 120), (bram, 60))
    ]


def test_the_zones_come_from_the_team_and_the_people_given_a_place(online_visit):
    coordinator = MembershipFactory(programme=online_visit.programme, role=Role.COORDINATOR).user
    helsinki = UserFactory(time_zone="Europe/Helsinki")
    call = CallFactory(programme=online_visit.programme, visits=[online_visit])
    application = sent_application(call, helsinki, preferences=[online_visit])
    application.outcome, application.outcome_visit = "confirmed", online_visit
    application.save()
    elsewhere = VisitFactory(programme=online_visit.programme)
    MembershipFactory(programme=online_visit.programme, visit=elsewhere, role=Role.HOST)
    zones = {entry.person: entry.zone for entry in people_zones(online_visit)}
    assert zones == {coordinator: "Europe/Brussels", helsinki: "Europe/Helsinki"}


def test_every_date_of_the_visit_is_a_day_even_without_sessions(programme):
    visit = VisitFactory(
        programme=programme,
        starts_on=datetime.date(2027, 3, 24),
        ends_on=datetime.date(2027, 3, 26),
    )
    AgendaSessionFactory(
        visit=visit, day=2, starts_at=datetime.datetime(2027, 3, 25, 8, tzinfo=datetime.UTC)
    )
    days = agenda_days(visit, "Europe/Brussels", agenda_sessions(visit))
    assert [(day.number, day.date, len(day.sessions)) for day in days] == [
        (1, datetime.date(2027, 3, 24), 0),
        (2, datetime.date(2027, 3, 25), 1),
        (3, datetime.date(2027, 3, 26), 0),
    ]
