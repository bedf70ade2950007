"""Reminders for a visit's tasks, sent in the background by the task worker."""

from django.utils import timezone
from django_tasks import task

from citypeers.core.notifications import send_templated_mail
from citypeers.visits.selectors import reminder_recipients, tasks_to_remind
from citypeers.visits.services import task_reminded


@task()
def send_task_reminders() -> int:
    """E-mails each reminder due today; returns how many tasks were reminded."""
    today = timezone.localdate()
    reminded = 0
    for visit_task in tasks_to_remind(today):
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
        reminded += 1
    return reminded
