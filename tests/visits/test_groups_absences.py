"""Absences and breakout groups: who is marked absent for the session, or on every earlier
session of the visit, is not planned (the form says who and why); someone marked absent after
the groups were made is listed on the groups page, with a button re-planning without them."""

import datetime

import pytest
from django.urls import reverse

from citypeers.visits.enums import AttendanceStatus
from citypeers.visits.models import BreakoutSeat
from citypeers.visits.selectors.breakouts import breakout_people
from citypeers.visits.services.attendance import attendance_mark
from citypeers.visits.services.breakouts import breakout_generate
from tests.factories import AgendaSessionFactory
from tests.visits.groups_scene import groups_scene

pytestmark = pytest.mark.django_db
FAST = {"seed": 1, "time_limit_s": 0.3}
ABSENT = AttendanceStatus.ABSENT


def url(session, name="visits:groups"):
    visit = session.visit
    return reverse(name, args=[visit.programme.slug, visit.slug, session.pk])


def keys(session) -> set[str]:
    return {p.key for p in breakout_people(session)}


def test_a_person_marked_absent_for_the_session_is_not_planned(visit, coordinator):
    session, people = groups_scene(visit, participants=10, facilitators=2)
    attendance_mark(session=session, person=people[0], status=ABSENT, by=coordinator)
    attendance_mark(session=session, person=people[1], status=AttendanceStatus.LATE, by=coordinator)
    assert str(people[0].pk) not in keys(session)
    assert str(people[1].pk) in keys(session)
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    assert not BreakoutSeat.objects.filter(plan=plan, person=people[0]).exists()


def test_someone_absent_from_every_earlier_session_has_dropped_out(visit, coordinator):
    first = AgendaSessionFactory(visit=visit)
    second = AgendaSessionFactory(visit=visit, starts_at=first.starts_at + datetime.timedelta(1))
    session, people = groups_scene(visit, participants=10, facilitators=2)
    session.starts_at = first.starts_at + datetime.timedelta(days=2)
    session.save()
    gone, once = people[0], people[1]
    for earlier in (first, second):
        attendance_mark(session=earlier, person=gone, status=ABSENT, by=coordinator)
    attendance_mark(session=first, person=once, status=ABSENT, by=coordinator)
    assert str(gone.pk) not in keys(session)
    assert str(once.pk) in keys(session)  # missed one session, not all


def test_the_generate_form_says_who_is_left_out_and_why(client, visit, coordinator):
    session, people = groups_scene(visit, participants=10, facilitators=2)
    attendance_mark(session=session, person=people[0], status=ABSENT, by=coordinator)
    client.force_login(coordinator)
    page = client.get(url(session)).content.decode()
    assert "1 person is left out:" in page
    assert f"marked absent for this session: {people[0]}" in page


def test_an_absence_marked_after_the_groups_are_made_is_noticed_and_replanned(
    client, visit, coordinator
):
    session, people = groups_scene(visit, participants=10, facilitators=2)
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    client.force_login(coordinator)
    assert "Marked absent, still in the groups" not in client.get(url(session)).content.decode()
    absent = people[3]
    attendance_mark(session=session, person=absent, status=ABSENT, by=coordinator)
    page = client.get(url(session)).content.decode()
    assert "Marked absent, still in the groups" in page
    assert f"Plan again without {absent}" in page
    response = client.post(
        url(session, "visits:groups_dropout"),
        {"dropout-person": absent.pk, "dropout-from_round": "1"},
    )
    assert response.status_code == 302
    assert not BreakoutSeat.objects.filter(plan=plan, person=absent).exists()
    seated = set(plan.seats.filter(round_index=0).values_list("person", flat=True))
    assert seated == {p.pk for p in people} - {absent.pk}
    assert "Marked absent, still in the groups" not in client.get(url(session)).content.decode()
