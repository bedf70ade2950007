"""Reminders of a visit's tasks: who gets them, and when."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from citypeers.programmes.models import Role
from citypeers.visits.models import VisitTask
from citypeers.visits.tasks import send_task_reminders
from tests.factories import MembershipFactory, UserFactory, VisitFactory, VisitTaskFactory

pytestmark = pytest.mark.django_db


def test_reminders_go_to_the_owner_then_the_role_then_the_coordinators(planned, coordinator):
    today = timezone.localdate()
    planned.tasks.update(due_on=today + datetime.timedelta(days=2))  # coordinator's task
    host_task = VisitTask.objects.create(
        visit=planned,
        phase=6,
        position=1,
        role="host",
        title="Brief",
        due_on=today - datetime.timedelta(days=1),
    )
    host = MembershipFactory(programme=planned.programme, visit=planned, role=Role.HOST).user
    VisitTask.objects.create(
        visit=planned,
        phase=9,
        position=2,
        role="rapporteur",
        title="Report",
        due_on=today + datetime.timedelta(days=30),
    )
    mail.outbox.clear()
    assert send_task_reminders.call() == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([coordinator.email, host.email])
    overdue = next(message for message in mail.outbox if message.to == [host.email])
    assert overdue.subject.startswith("Overdue: Brief")
    assert send_task_reminders.call() == 0  # not twice
    VisitTask.objects.filter(pk=host_task.pk).update(reminded_on=today - datetime.timedelta(7))
    assert send_task_reminders.call() == 1  # an overdue task again after a week


def _days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def host(visit):
    return MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user


@pytest.mark.parametrize(
    ("due_in", "reminded_ago", "reminded"),
    [
        (3, None, True),  # three days before
        (4, None, False),  # not yet
        (0, None, True),
        (2, 1, False),  # reminded yesterday, still due soon: once is enough
        (-1, None, True),  # overdue, never reminded
        (-3, 6, False),  # overdue, reminded six days ago
        (-8, 7, True),  # overdue, a week since the last reminder
    ],
)
def test_a_task_is_reminded_three_days_before_then_weekly_while_overdue(
    visit, host, due_in, reminded_ago, reminded
):
    last = None if reminded_ago is None else _days(-reminded_ago)
    task = VisitTaskFactory(visit=visit, due_on=_days(due_in), reminded_on=last)
    assert send_task_reminders.call() == int(reminded)
    assert len(mail.outbox) == int(reminded)
    task.refresh_from_db()
    assert task.reminded_on == (timezone.localdate() if reminded else last)


def test_a_done_task_is_never_reminded(visit, host):
    VisitTaskFactory(visit=visit, due_on=_days(-10), done_at=timezone.now())
    assert send_task_reminders.call() == 0
    assert mail.outbox == []


def test_the_owner_alone_is_reminded_even_when_others_hold_the_role(visit, host):
    owner = UserFactory()
    VisitTaskFactory(visit=visit, due_on=_days(1), owner=owner)
    send_task_reminders.call()
    assert [message.to for message in mail.outbox] == [[owner.email]]


def test_every_holder_of_the_role_is_reminded_of_an_unowned_task(programme, visit, coordinator):
    experts = [
        MembershipFactory(programme=programme, visit=visit, role=Role.EXPERT).user for _ in range(2)
    ]
    MembershipFactory(programme=programme, visit=VisitFactory(programme=programme), role="expert")
    VisitTaskFactory(visit=visit, role=Role.EXPERT, due_on=_days(1))
    send_task_reminders.call()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(e.email for e in experts)


def test_the_coordinators_are_reminded_when_nobody_holds_the_role(programme, visit, coordinator):
    MembershipFactory(role=Role.COORDINATOR)  # of another programme
    VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR, due_on=_days(1))
    send_task_reminders.call()
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


@pytest.fixture
def fixed_today(monkeypatch):
    """The clock stopped on Friday 19 March 2027, so the e-mails' dates do not move."""
    today = datetime.date(2027, 3, 19)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    return today


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("overdue", [False, True], ids=["due-soon", "overdue"])
def test_reminder_email(language, overdue, assert_matches_snapshot, fixed_today):
    visit = VisitFactory(programme__slug="heritage-2027", slug="tampere", title="Tampere & friends")
    owner = UserFactory(languages=[language], email="helmi@example.org")
    VisitTaskFactory(
        visit=visit,
        owner=owner,
        title={"en": 'Book the "big" rooms', "fr": "Réserver les « grandes » salles"},
        deliverable={"en": "Rooms booked", "fr": "Salles réservées"},
        checklist={"en": "Main hall\nBreakout rooms", "fr": "Grande salle\nSalles annexes"},
        due_on=fixed_today + datetime.timedelta(days=-2 if overdue else 2),
    )
    send_task_reminders.call()
    [message] = mail.outbox
    text = f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}"
    kind = "overdue" if overdue else "due-soon"
    assert_matches_snapshot(text, f"task_reminder.{kind}.{language}.txt")
    assert "&amp;" not in text and "&quot;" not in text


def test_the_daily_command_queues_the_reminders(visit, host):
    VisitTaskFactory(visit=visit, due_on=_days(2))
    out = io.StringIO()
    call_command("send_task_reminders", stdout=out)
    assert out.getvalue().startswith("Task reminders queued (")
    assert [message.to for message in mail.outbox] == [[host.email]]
