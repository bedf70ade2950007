"""Which tasks are reminded today, and to whom."""

import datetime

from citypeers.programmes.models import Membership, Role
from citypeers.visits.models import VisitTask

REMIND_DAYS_BEFORE = 3


REPEAT_OVERDUE_EVERY = datetime.timedelta(days=7)


def tasks_to_remind(today: datetime.date):
    """Open tasks due within three days not yet reminded, and overdue ones once a week."""
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    candidates = VisitTask.objects.filter(done_at=None, due_on__lte=soon).select_related(
        "visit__programme", "owner"
    )
    return [
        task
        for task in candidates
        if task.reminded_on is None
        or (task.due_on < today and task.reminded_on <= today - REPEAT_OVERDUE_EVERY)
    ]


def reminder_recipients(task: VisitTask) -> list:
    """The owner; else whoever holds the task's role for the visit; else its coordinators."""
    if task.owner:
        return [task.owner]
    holders = Membership.objects.filter(visit=task.visit, role=task.role).select_related("user")
    if not holders:
        holders = Membership.objects.filter(
            programme=task.visit.programme, role=Role.COORDINATOR
        ).select_related("user")
    return list({membership.user for membership in holders})
