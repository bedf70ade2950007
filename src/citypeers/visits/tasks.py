"""Reminders for a visit's tasks, sent in the background by the task worker."""

from django.db import transaction
from django.utils import timezone

from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.visits.selectors.reminders import reminder_recipients, tasks_to_remind
from citypeers.visits.services.work import task_reminded


@retrying_task
def send_task_reminders() -> int:
    """E-mails each reminder due today; returns how many tasks were reminded. Each task's mails
    and its "reminded" mark commit together, so a retry sends only the reminders still due."""
    today = timezone.localdate()
    reminded = 0
    for visit_task in tasks_to_remind(today):
        with transaction.atomic():
            _remind(visit_task, today)
        reminded += 1
    return reminded


def _remind(visit_task, today) -> None:
    for person in reminder_recipients(visit_task):
        send_templated_mail(
            to=person,
            template="visits/email/task_reminder",
            context={"task": visit_task, "overdue": visit_task.due_on < today},
            link=(
                "visits:workspace",
                {"programme": visit_task.visit.programme.slug, "visit": visit_task.visit.slug},
            ),
        )
    task_reminded(task=visit_task, on=today)
