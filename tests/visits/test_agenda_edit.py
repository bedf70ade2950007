"""The agenda editor's services: sessions added, changed and deleted within their format's
minutes, and every day's sessions moved to a new daily start across a daylight-saving change."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from citypeers.core.errors import VisitError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from citypeers.visits.services.agenda import agenda_publish
from citypeers.visits.services.agenda_edit import (
    agenda_shift_daily_start,
    session_add,
    session_delete,
    session_update,
)
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def _at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """`hour` on `day` March 2027 in Brussels, in UTC."""
    local = datetime.datetime(2027, 3, day, hour, minute, tzinfo=BRUSSELS)
    return local.astimezone(datetime.UTC)


@pytest.fixture
def planned_visit(programme):
    """An online visit from Friday 26 to Tuesday 30 March 2027, kept in Brussels' zone: the
    clocks go forward on Sunday 28 March."""
    visit = VisitFactory(
        programme=programme,
        starts_on=datetime.date(2027, 3, 26),
        ends_on=datetime.date(2027, 3, 30),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    return visit


def test_a_session_is_added_with_its_details(planned_visit, coordinator):
    clinic = ActivityFormatFactory(
        name_en="Clinic", min_minutes=60, max_minutes=120, default_minutes=90
    )
    host = MembershipFactory(
        programme=planned_visit.programme, visit=planned_visit, role=Role.HOST
    ).user
    session = session_add(
        visit=planned_visit,
        by=coordinator,
        day=2,
        starts_at=_at(27, 10),
        minutes=90,
        format=clinic,
        objective="Find two ideas to try",
        speakers="Ana Silva",
        facilitator=host,
        place="Room 2",
    )
    assert session.shown_title == "Clinic"  # no title given: the format's name
    assert session.ends_at == _at(27, 11, 30)
    assert session.facilitator == host


def test_a_length_outside_the_formats_minutes_is_refused_at_the_minutes(planned_visit, coordinator):
    clinic = ActivityFormatFactory(
        name_en="Clinic", min_minutes=60, max_minutes=120, default_minutes=90
    )
    with pytest.raises(VisitError) as refused:
        session_add(
            visit=planned_visit,
            by=coordinator,
            day=1,
            starts_at=_at(26, 9),
            minutes=150,
            format=clinic,
        )
    assert refused.value.field == "minutes"
    assert "60 to 120 minutes" in refused.value.message
    assert not planned_visit.sessions.exists()
    session = AgendaSessionFactory(visit=planned_visit, minutes=90, format=clinic)
    with pytest.raises(VisitError):
        session_update(session=session, by=coordinator, minutes=45)
    short = ActivityFormatFactory(min_minutes=15, max_minutes=60, default_minutes=30)
    with pytest.raises(VisitError):  # the new format's card, for the length kept
        session_update(session=session, by=coordinator, format=short)
    session.refresh_from_db()
    assert (session.minutes, session.format) == (90, clinic)


def test_the_facilitator_comes_from_the_visits_team(planned_visit, coordinator):
    with pytest.raises(VisitError) as refused:
        session_add(
            visit=planned_visit,
            by=coordinator,
            day=1,
            starts_at=_at(26, 9),
            minutes=45,
            format=ActivityFormatFactory(),
            facilitator=UserFactory(),
        )
    assert refused.value.field == "facilitator"


def test_a_session_is_changed_and_the_change_traced(planned_visit, coordinator):
    session = AgendaSessionFactory(visit=planned_visit, starts_at=_at(26, 9), minutes=60)
    session_update(
        session=session, by=coordinator, title="Welcome", starts_at=_at(26, 9, 30), minutes=75
    )
    session.refresh_from_db()
    assert (session.title, session.starts_at, session.minutes) == ("Welcome", _at(26, 9, 30), 75)
    entry = AuditEntry.objects.get(action="session.changed")
    assert set(entry.changes) == {"title", "starts_at", "minutes"}


def test_a_session_is_deleted_while_unpublished_and_cancelled_once_published(
    planned_visit, coordinator
):
    kept = AgendaSessionFactory(visit=planned_visit)
    gone = AgendaSessionFactory(visit=planned_visit)
    assert session_delete(session=gone, by=coordinator) == "deleted"
    assert list(planned_visit.sessions.all()) == [kept]
    agenda_publish(visit=planned_visit, by=coordinator, published=True)
    assert session_delete(session=kept, by=coordinator) == "cancelled"
    kept.refresh_from_db()  # kept, so calendars see STATUS:CANCELLED
    assert kept.cancelled_at is not None and kept.sequence == 1


def test_an_edit_goes_through_the_calendar_service(planned_visit, coordinator):
    session = AgendaSessionFactory(visit=planned_visit, starts_at=_at(26, 9))
    session_update(session=session, by=coordinator, title="Welcome")
    session_update(session=session, by=coordinator, starts_at=_at(26, 10))
    session.refresh_from_db()
    assert session.sequence == 2  # the title and the time both show in calendars
    session_update(session=session, by=coordinator, objective="Meet")
    session.refresh_from_db()
    assert session.sequence == 2  # calendars do not show the objective


def test_the_daily_start_moves_every_day_and_keeps_10_local_across_the_clock_change(
    planned_visit, coordinator
):
    for day, date in enumerate([26, 27, 28, 29, 30], start=1):
        AgendaSessionFactory(visit=planned_visit, day=day, starts_at=_at(date, 9), minutes=60)
        # a second session after a 15-minute break
        AgendaSessionFactory(visit=planned_visit, day=day, starts_at=_at(date, 10, 15), minutes=45)
    moved = agenda_shift_daily_start(visit=planned_visit, by=coordinator, time=datetime.time(10))
    assert moved == 10
    sessions = list(planned_visit.sessions.order_by("starts_at"))
    local = [(s.starts_at.astimezone(BRUSSELS).strftime("%d %H:%M"), s.minutes) for s in sessions]
    assert local == [
        (f"{date} {time}", minutes)
        for date in (26, 27, 28, 29, 30)
        for time, minutes in (("10:00", 60), ("11:15", 45))
    ]
    # 10:00 in Brussels is 09:00 UTC before the change, 08:00 UTC after it.
    assert sessions[0].starts_at.hour == 9 and sessions[-2].starts_at.hour == 8
