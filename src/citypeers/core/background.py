"""Background tasks that retry, never stay stuck, and are pruned: a thin layer over django-tasks.

django-tasks (0.12, and the API built into Django 6) runs a task once: an exception marks it
failed for good, and a worker killed mid-task leaves its row "running" for ever. So:

- `retrying_task` is `django_tasks.task` with retries: when the function raises, the task is
  queued again with `run_after` = now + TASK_RETRY_BACKOFF x 2^(attempt - 1), up to
  TASK_MAX_ATTEMPTS attempts; the attempt number travels in the task's keyword arguments
  (`attempt`), so every try is recorded on its own row. With `atomic=True` the function runs in
  one transaction that also marks the task's row done, so a mail kept in the outbox (or any write)
  and "done" commit together: a worker dying in between cannot make it run twice.
- `tasks_hand_back_stale` (run by `citypeers worker`) gives a task whose worker died
  (still "running" TASK_RUNNING_TIMEOUT seconds after it started) back to the queue, or marks it
  failed once it has had all its attempts.
- `records_prune` deletes finished task rows and outbox e-mails past their retention.
- `enqueue_with_write` queues a task in the transaction of the write that asks for it.
"""

import contextlib
import datetime
import functools
import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResult, TaskResultStatus, task
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from citypeers.core.models import OutboxMessage
from citypeers.core.registry import Sources

logger = logging.getLogger(__name__)

# Each retrying task's own limit, by its import path (the path a task row names).
_ATTEMPT_LIMITS: dict[str, int | None] = {}
_running = threading.local()


class WorkerLost(Exception):
    """Recorded on a task whose worker stopped while running it, once it has no attempt left."""


class HandedBack(Exception):
    """Raised, inside an atomic task's transaction, when its worker ran it past
    TASK_RUNNING_TIMEOUT and it was handed to another worker meanwhile: this run's work is
    rolled back and not retried, so only the other run's counts."""


def task_started(*, task_result: TaskResult, **_kwargs) -> None:
    """Receiver of django-tasks' `task_started`: remembers which task this thread runs."""
    _stack().append(task_result)


def task_finished(*, task_result: TaskResult, **_kwargs) -> None:
    stack = _stack()
    if stack and stack[-1].id == task_result.id:
        stack.pop()


def _stack() -> list[TaskResult]:
    if not hasattr(_running, "stack"):
        _running.stack = []
    return _running.stack


def _current(path: str) -> TaskResult | None:
    """The result of the task with this path that this thread is running, if it runs as a task
    (not called directly with `.call()`)."""
    stack = _stack()
    return stack[-1] if stack and stack[-1].task.module_path == path else None


def attempt_limit(path: str) -> int:
    limit = _ATTEMPT_LIMITS.get(path)
    return limit if limit is not None else settings.TASK_MAX_ATTEMPTS


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long after failed attempt number `attempt` the next one starts (at most a day)."""
    return datetime.timedelta(seconds=min(settings.TASK_RETRY_BACKOFF * 2 ** (attempt - 1), 86400))


def _attempt_number(worker_ids: list[str], first: int) -> int:
    # A row handed back after its worker died is claimed again: one more worker id, one attempt.
    return first + max(len(worker_ids) - 1, 0)


def will_retry(running_task: Task) -> bool:
    """Would this task, running now in this thread, be tried again if it raised?"""
    path = running_task.module_path
    result = _current(path)
    if result is None or not result.task.get_backend().supports_defer:
        return False
    attempt = _attempt_number(result.worker_ids, result.kwargs.get("attempt", 1))
    return attempt < attempt_limit(path)


def retrying_task(
    function: Callable | None = None, *, atomic: bool = False, max_attempts: int | None = None
):
    """`@task()` that retries with backoff (see the module's docstring). `max_attempts`
    overrides TASK_MAX_ATTEMPTS for this task; `atomic` runs it in one transaction."""

    def decorate(func: Callable):
        @functools.wraps(func)
        def run(*args, attempt: int = 1, **kwargs):
            result = _current(path)
            try:
                if not atomic:
                    return func(*args, **kwargs)
                with transaction.atomic():
                    value = func(*args, **kwargs)
                    _mark_done(result)
                return value
            except HandedBack:
                raise  # another worker runs it: no retry
            except BaseException as error:  # a forced shutdown too: the work was rolled back
                if result is not None:
                    attempt = _attempt_number(result.worker_ids, attempt)
                _queue_retry(result, attempt, args, kwargs, error)
                raise

        created = task()(run)
        path = created.module_path
        _ATTEMPT_LIMITS[path] = max_attempts
        return created

    return decorate(function) if function else decorate


def _mark_done(result: TaskResult | None) -> None:
    """Inside the task's transaction: its row says "done" exactly when its work is committed,
    and only while the row is still this run's claim, else HandedBack. A claim is told by its
    start time (a hand-back keeps it; a new claim renews it), not by the status, which the
    run given up writes as failed while the other run is still going."""
    if result is not None and isinstance(result.task.get_backend(), DatabaseBackend):
        still_ours = DBTaskResult.objects.filter(pk=result.id, started_at=result.started_at)
        if not still_ours.update(status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now()):
            raise HandedBack(f"task {result.id} was handed to another worker while it ran")


def _queue_retry(result: TaskResult | None, attempt: int, args, kwargs, error) -> None:
    if result is None:
        return  # called directly, not as a task: the caller sees the error
    path = result.task.module_path
    if attempt >= attempt_limit(path) or not result.task.get_backend().supports_defer:
        logger.error("Task %s failed on attempt %s; no retry", path, attempt, exc_info=error)
        return
    delay = retry_delay(attempt)
    logger.warning("Task %s failed on attempt %s; retry in %s", path, attempt, delay)
    result.task.using(run_after=timezone.now() + delay).enqueue(
        *args, attempt=attempt + 1, **kwargs
    )


def enqueue_with_write(queued_task: Task, **kwargs) -> None:
    """Queue `queued_task` as part of the current transaction when the queue is in the
    database: its row commits or rolls back with the write that asks for it, so a process
    killed between that commit and an on-commit callback cannot lose it, and SQLite takes its
    one write lock once, not twice. Other queues (tests run tasks at once) get it on commit."""
    if isinstance(queued_task.get_backend(), DatabaseBackend):
        queued_task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: queued_task.enqueue(**kwargs))


def tasks_hand_back_stale(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Tasks still running TASK_RUNNING_TIMEOUT seconds after they started lost their worker:
    each goes back to the queue, or fails once it has had its attempts. Returns (back, failed)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.TASK_RUNNING_TIMEOUT)
    stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    back = failed = 0
    for pk in list(stale.values_list("pk", flat=True)):
        with transaction.atomic():
            row = stale.select_for_update(skip_locked=True).filter(pk=pk).first()
            if row is None:  # finished, or handed back by another worker, meanwhile
                continue
            first = row.args_kwargs["kwargs"].get("attempt", 1)
            attempt = _attempt_number(row.worker_ids, first)
            if attempt < _limit_of_row(row):
                row.status = TaskResultStatus.READY
                row.save(update_fields=["status"])
                back += 1
                continue
            row.status, row.finished_at = TaskResultStatus.FAILED, now
            row.exception_class_path = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"
            row.traceback = f"WorkerLost: still running after {settings.TASK_RUNNING_TIMEOUT} s"
            row.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
            failed += 1
    if back or failed:
        logger.warning("Tasks whose worker stopped: %s queued again, %s failed", back, failed)
    return back, failed


def _limit_of_row(row: DBTaskResult) -> int:
    with contextlib.suppress(ImportError):  # a task since removed gets the default limit
        import_string(row.task_path)  # importing its module registers the task's own limit
    return attempt_limit(row.task_path)


# The daily `prune_old_records` also runs these (apps above register them from `ready()`):
# each takes the time and returns {kind of record: how many were pruned}.
RECORD_PRUNERS: Sources[Callable[[datetime.datetime], dict[str, int]]] = Sources()


def records_prune(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Deletes finished task rows older than TASK_RESULT_RETENTION_DAYS and outbox e-mails older
    than OUTBOX_RETENTION_DAYS; returns how many of each."""
    now = now or timezone.now()
    tasks_before = now - datetime.timedelta(days=settings.TASK_RESULT_RETENTION_DAYS)
    mail_before = now - datetime.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    tasks, _by_model = DBTaskResult.objects.finished().filter(finished_at__lt=tasks_before).delete()
    mails, _by_model = OutboxMessage.objects.filter(sent_at__lt=mail_before).delete()
    return tasks, mails
