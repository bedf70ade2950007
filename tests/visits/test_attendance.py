"""Attendance: a participant checks in through the session's link within its window; the team
marks everyone on the session's sheet and downloads it."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.core.errors import VisitError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from citypeers.visits.models import Attendance
from citypeers.visits.selectors.attendance import check_in_signature
from citypeers.visits.services.attendance import attendance_check_in, attendance_mark
from tests.factories import AgendaSessionFactory, MembershipFactory, VisitPlanFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2027, 3, 22, 8, tzinfo=datetime.UTC)  # 10:00 in Helsinki


@pytest.fixture
def session(visit):
    VisitPlanFactory(visit=visit)  # Europe/Helsinki
    return AgendaSessionFactory(visit=visit, starts_at=START, minutes=90, title="Site walk")


@pytest.fixture
def participant(visit):
    return MembershipFactory(
        programme=visit.programme,
        visit=visit,
        role=Role.PARTICIPANT,
        user__display_name="Ana Sousa",
        user__time_zone="Europe/Lisbon",
    ).user


@pytest.fixture
def host(visit):
    return MembershipFactory(
        programme=visit.programme, visit=visit, role=Role.HOST, user__display_name="Hanna Host"
    ).user


def _at(minutes: int) -> datetime.datetime:
    return START + datetime.timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("minutes", "status"),
    [(-15, "present"), (0, "present"), (10, "present"), (11, "late"), (89, "late")],
)
def test_checking_in_within_the_window_marks_present_then_late(
    session, participant, minutes, status
):
    attendance = attendance_check_in(session=session, person=participant, now=_at(minutes))
    assert (attendance.status, attendance.self_checked) == (status, True)
    assert attendance.marked_by == participant
    assert AuditEntry.objects.filter(action="attendance.checked_in").count() == 1


@pytest.mark.parametrize(
    ("minutes", "says"), [(-16, "Check-in opens 15 minutes"), (90, "This session is over")]
)
def test_checking_in_too_early_or_after_the_end_is_refused_with_the_reason(
    session, participant, minutes, says
):
    with pytest.raises(VisitError, match=says):
        attendance_check_in(session=session, person=participant, now=_at(minutes))
    assert not Attendance.objects.exists()


def test_checking_in_twice_keeps_the_first_time_and_a_cancelled_session_takes_none(
    session, participant
):
    first = attendance_check_in(session=session, person=participant, now=_at(-5))
    again = attendance_check_in(session=session, person=participant, now=_at(30))
    assert (again.pk, again.status, again.at) == (first.pk, "present", _at(-5))
    session.cancelled_at = _at(-60)
    with pytest.raises(VisitError, match="cancelled"):
        attendance_check_in(session=session, person=participant, now=_at(0))


def test_a_person_marked_absent_who_then_checks_in_is_late_and_the_team_has_the_last_word(
    session, participant, host
):
    attendance_mark(session=session, person=participant, status="absent", by=host, now=_at(12))
    mark = attendance_check_in(session=session, person=participant, now=_at(20))
    assert (mark.status, mark.self_checked) == ("late", True)
    attendance_mark(session=session, person=participant, status="left_early", by=host)
    mark = Attendance.objects.get()
    assert (mark.status, mark.marked_by, mark.self_checked) == ("left_early", host, False)


def _check_in_url(session, signature=None):
    visit = session.visit
    return reverse(
        "visits:check_in",
        args=[
            visit.programme.slug,
            visit.slug,
            session.pk,
            signature or check_in_signature(session),
        ],
    )


def _starting_in(session, minutes: int):
    """The session moved to start `minutes` from now, by the real clock the views read."""
    session.starts_at = timezone.now() + datetime.timedelta(minutes=minutes)
    session.save()
    return session


def test_the_check_in_page_says_when_it_opens_and_refuses_an_early_press(
    client, session, participant
):
    _starting_in(session, 60)
    client.force_login(participant)
    page = client.get(_check_in_url(session)).content.decode()
    opens = (session.starts_at - datetime.timedelta(minutes=15)).astimezone(
        zoneinfo.ZoneInfo("Europe/Helsinki")
    )
    assert f"Check-in opens at {opens:%H:%M}" in page  # in the visit's zone
    assert "I am here" not in page
    response = client.post(_check_in_url(session), follow=True)
    assert "Check-in opens 15 minutes before the session starts" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_participant_checks_in_on_time_through_the_link(client, session, participant):
    _starting_in(session, 5)
    client.force_login(participant)
    assert "I am here" in client.get(_check_in_url(session)).content.decode()
    response = client.post(_check_in_url(session), follow=True)
    assert "You are checked in" in response.content.decode()
    assert "You are marked: Present" in response.content.decode()
    assert Attendance.objects.get(person=participant).status == "present"


def test_a_participant_coming_in_twenty_minutes_late_is_told_and_marked_late(
    client, session, participant
):
    _starting_in(session, -20)
    client.force_login(participant)
    assert "you will be marked late" in client.get(_check_in_url(session)).content.decode()
    client.post(_check_in_url(session))
    assert Attendance.objects.get(person=participant).status == "late"


def test_a_link_of_another_session_or_a_made_up_one_is_not_found(
    client, session, participant, visit
):
    other = AgendaSessionFactory(visit=visit, starts_at=_at(120))
    client.force_login(participant)
    assert client.get(_check_in_url(session, check_in_signature(other))).status_code == 404
    assert client.get(_check_in_url(session, "made-up")).status_code == 404


def _sheet_url(session):
    return reverse(
        "visits:attendance", args=[session.visit.programme.slug, session.visit.slug, session.pk]
    )


def test_the_team_marks_a_person_on_the_sheet_and_sees_it(client, session, participant, host):
    client.force_login(host)
    page = client.get(_sheet_url(session)).content.decode()
    assert "Ana Sousa" in page and "Hanna Host" in page
    assert check_in_signature(session) in page  # the link to share
    response = client.post(
        _sheet_url(session), {"person": participant.pk, "status": "late"}, follow=True
    )
    assert "Attendance of Ana Sousa saved." in response.content.decode()
    mark = Attendance.objects.get(person=participant)
    assert (mark.status, mark.marked_by, mark.self_checked) == ("late", host, False)
    assert "marked by Hanna Host" in response.content.decode()


def test_the_sheet_refuses_someone_not_on_the_visit(client, session, host):
    outsider = MembershipFactory(programme=session.visit.programme, role=Role.REVIEWER).user
    client.force_login(host)
    response = client.post(
        _sheet_url(session), {"person": outsider.pk, "status": "present"}, follow=True
    )
    assert "Choose a person of the visit" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_sheet_downloads_as_csv_with_everyone_marked_or_not(client, session, participant, host):
    attendance_check_in(session=session, person=participant, now=_at(11))
    client.force_login(host)
    response = client.get(_sheet_url(session) + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "Roles", "E-mail address", "Attendance"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Ana Sousa"][3:7] == [
        "Late",
        "22 Mar 2027, 10:11 (Europe/Helsinki)",
        "Ana Sousa",
        "yes",
    ]
    assert by_name["Hanna Host"][3:] == ["not marked", "", "", ""]


def test_a_finished_visits_sheet_is_read_but_not_marked(client, session, participant, host):
    visit = session.visit
    visit.starts_on = visit.ends_on = timezone.localdate() - datetime.timedelta(days=3)
    visit.save()
    client.force_login(host)
    page = client.get(_sheet_url(session)).content.decode()
    assert "its attendance is kept as it was" in page
    assert 'name="status"' not in page
    response = client.post(_sheet_url(session), {"person": participant.pk, "status": "late"})
    assert response.status_code == 403
