"""Reminders of a visit's tasks: who gets them, and when."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from citypeers.programmes.models import Role
from citypeers.visits.models import VisitTask
from citypeers.visits.tasks import send_task_reminders
from tests.factories import MembershipFactory

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
