"""Reminders a week and a day before a visit: to each of its people once, in their language
and zone, with the published agenda attached as an .ics."""

import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from citypeers.programmes.models import Role
from citypeers.visits.models import VisitReminder
from citypeers.visits.selectors.visit_reminders import reminder_due
from citypeers.visits.tasks import send_visit_reminders
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)
from tests.visits.conftest import placed

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 15)  # a Monday


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def _visit_in(days: int, **more):
    starts_on = TODAY + datetime.timedelta(days=days)
    return VisitFactory(starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=2), **more)


def _published(visit, *, sessions=2):
    """A published agenda in Helsinki's zone: a session each day at 10:00 there."""
    VisitPlanFactory(visit=visit, agenda_published=True)
    return [
        AgendaSessionFactory(
            visit=visit,
            day=day + 1,
            title=f"Day {day + 1} session",
            starts_at=datetime.datetime.combine(
                visit.starts_on + datetime.timedelta(days=day), datetime.time(8), datetime.UTC
            ),
        )
        for day in range(sessions)
    ]


@pytest.mark.parametrize(
    ("days_left", "due"),
    [(9, None), (8, None), (7, 7), (5, 7), (2, 7), (1, 1), (0, None), (-1, None)],
)
def test_the_week_reminder_is_due_from_seven_days_and_the_days_one_the_day_before(days_left, due):
    starts_on = TODAY + datetime.timedelta(days=days_left)
    assert reminder_due(starts_on=starts_on, today=TODAY) == due


def test_each_person_of_the_visit_gets_the_week_and_the_day_reminder_once(fixed_today, monkeypatch):
    visit = _visit_in(7, title="Heritage walks")
    host = MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user
    coordinator = MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user
    MembershipFactory(programme=visit.programme, role=Role.REVIEWER)  # not on the visit
    assert send_visit_reminders.call() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([host.email, coordinator.email])
    assert {m.subject for m in mail.outbox} == {"In 7 days: Heritage walks"}
    mail.outbox.clear()
    assert send_visit_reminders.call() == 0  # not twice the same day
    six_days_before = TODAY + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: six_days_before)
    assert send_visit_reminders.call() == 0  # nor the next day
    day_before = TODAY + datetime.timedelta(days=6)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_before)
    assert send_visit_reminders.call() == 2
    assert {m.subject for m in mail.outbox} == {"Tomorrow: Heritage walks"}
    assert send_visit_reminders.call() == 0
    assert sorted(VisitReminder.objects.values_list("days_before", flat=True)) == [1, 1, 7, 7]


def test_a_confirmed_participant_joining_late_still_gets_the_reminder_once(fixed_today, call):
    visit = call.visits.get()
    visit.starts_on = TODAY + datetime.timedelta(days=4)
    visit.save()
    first = placed(call, visit)
    assert send_visit_reminders.call() == 1
    second = placed(call, visit)  # from the waiting list, after the first run
    assert send_visit_reminders.call() == 1
    assert [m.to for m in mail.outbox] == [[first.email], [second.email]]


def test_visits_further_off_or_started_get_no_reminder(fixed_today):
    for days in (8, 0, -3):
        visit = _visit_in(days)
        MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST)
    assert send_visit_reminders.call() == 0
    assert mail.outbox == []


def test_the_reminder_carries_the_published_agenda_as_an_ics_calendars_read(fixed_today):
    visit = _visit_in(7, title="Heritage walks")
    first, second = _published(visit)
    cancelled = AgendaSessionFactory(
        visit=visit, starts_at=first.starts_at + datetime.timedelta(hours=3), title="Dropped"
    )
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST)
    send_visit_reminders.call()
    [message] = mail.outbox
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == (f"{visit.slug}.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Day 1 session", "Day 2 session"]
    assert events[0].decoded("DTSTART") == first.starts_at
    assert events[0]["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert str(events[1]["UID"]).startswith(f"visit-{visit.pk}-session-{second.pk}@")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_each_reader_gets_the_calendar_in_their_own_language(fixed_today):
    visit = _visit_in(7, title="Heritage walks")
    VisitPlanFactory(visit=visit, agenda_published=True)
    walkshop = ActivityFormatFactory(name={"en": "Walkshop", "fr": "Balade atelier"})
    AgendaSessionFactory(visit=visit, format=walkshop, title="", starts_at=timezone.now())
    readers = {language: UserFactory(language=language) for language in ("fr", "en")}
    for user in readers.values():
        MembershipFactory(programme=visit.programme, visit=visit, role=Role.EXPERT, user=user)
    send_visit_reminders.call()
    read = {}
    for message in mail.outbox:
        [event] = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
        read[message.to[0]] = (str(event["SUMMARY"]), str(event["DESCRIPTION"]))
    french_summary, french_text = read[readers["fr"].email]
    english_summary, english_text = read[readers["en"].email]
    assert (french_summary, english_summary) == ("Balade atelier", "Walkshop")
    assert "/fr/programmes/" in french_text and "/en/programmes/" in english_text


def test_the_reminder_is_in_the_persons_language_with_times_in_their_zone(fixed_today):
    visit = _visit_in(1, title="Promenades patrimoniales")
    _published(visit, sessions=1)
    person = MembershipFactory(
        programme=visit.programme,
        visit=visit,
        role=Role.EXPERT,
        user=UserFactory(languages=["fr"], time_zone="Europe/Lisbon"),
    ).user
    send_visit_reminders.call()
    [message] = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "Demain : Promenades patrimoniales"
    assert "La visite « Promenades patrimoniales » commence demain, mardi 16 mars 2027." in (
        message.body
    )
    assert "- Day 1 session, mardi 16 mars 2027, 08:00 (Europe/Lisbon)" in message.body
    assert "/fr/programmes/" in message.body


def test_an_unpublished_agenda_is_neither_listed_nor_attached(fixed_today):
    visit = _visit_in(7)
    VisitPlanFactory(visit=visit, agenda_published=False)
    AgendaSessionFactory(visit=visit, title="Draft session")
    MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST)
    send_visit_reminders.call()
    [message] = mail.outbox
    assert message.attachments == []
    assert "Draft session" not in message.body
    assert "Its agenda is not published yet" in message.body


def test_the_daily_command_queues_the_reminders(fixed_today):
    visit = _visit_in(7)
    host = MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user
    out = io.StringIO()
    call_command("send_visit_reminders", stdout=out)
    assert out.getvalue().startswith("Visit reminders queued (")
    assert [message.to for message in mail.outbox] == [[host.email]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_visit_reminder_email(language, assert_matches_snapshot, fixed_today):
    visit = _visit_in(
        7, programme__slug="heritage-2027", slug="tampere", title="Tampere & “friends”"
    )
    _published(visit)
    MembershipFactory(
        programme=visit.programme,
        visit=visit,
        role=Role.HOST,
        user=UserFactory(languages=[language], email="helmi@example.org", time_zone="UTC"),
    )
    send_visit_reminders.call()
    [message] = mail.outbox
    text = f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"
    assert_matches_snapshot(text, f"visit_reminder.{language}.txt")
    assert "&amp;" not in text and "&quot;" not in text
