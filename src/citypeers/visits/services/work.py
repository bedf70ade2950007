"""A visit's tasks: done, reopened, given an owner, reminded."""

import datetime

from django.db import transaction
from django.utils import timezone

from citypeers.core.audit import log_action
from citypeers.visits.models import VisitTask


def task_set_done(*, task: VisitTask, by, done: bool, now=None) -> VisitTask:
    """Ticks a task off (at `now`, by default the present) or reopens it."""
    task.done_at = (now or timezone.now()) if done else None
    task.done_by = by if done else None
    task.save(update_fields=["done_at", "done_by"])
    log_action(
        task.visit,
        "task.done" if done else "task.reopened",
        by=by,
        changes={"task": str(task.title)},
    )
    return task


def task_assign(*, task: VisitTask, by, owner) -> VisitTask:
    task.owner = owner
    task.save(update_fields=["owner"])
    log_action(
        task.visit,
        "task.assigned",
        by=by,
        changes={"task": str(task.title), "owner": str(owner or "")},
    )
    return task


def task_checklist_tick(*, task: VisitTask, by, ticked: set[int], shown: set[int]) -> VisitTask:
    """Ticks the checklist's items in `ticked` and unticks the others of `shown` (the items the
    page offered), by position: the same item in every language. Items the page did not show
    keep their tick, so two people ticking different items at once both keep theirs."""
    with transaction.atomic():
        task = VisitTask.objects.select_for_update().get(pk=task.pk)
        positions = range(task.checklist_length)
        before = set(task.ticked or ())
        after = (before - set(shown)) | (set(ticked) & set(shown))
        after = {n for n in after if n in positions}
        if after != before:
            task.ticked = sorted(after)
            task.save(update_fields=["ticked"])
            log_action(
                task.visit,
                "task.checklist",
                by=by,
                changes={"task": str(task.title), "ticked": [sorted(before), sorted(after)]},
            )
    return task


def task_reminded(*, task: VisitTask, on: datetime.date) -> None:
    """Records that the task's reminder went out on that day (the next is a week later)."""
    VisitTask.objects.filter(pk=task.pk).update(reminded_on=on)


def task_reminders_queue() -> str:
    """Queues today's e-mail reminders for tasks due soon or overdue; returns the task's id."""
    from citypeers.visits.tasks import (
        send_task_reminders,  # tasks import services
    )

    return send_task_reminders.enqueue().id
