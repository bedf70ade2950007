"""Background tasks on Redis/RQ (TASK_BACKEND=rq), with the task's database row as the outbox.

`RQOutboxBackend` is django-tasks-db's backend plus a push: `task.enqueue()` writes the same
`DBTaskResult` row, in the caller's transaction, so a task asked for by a write exists exactly
when the write commits; after the commit the row's id goes to RQ. The RQ job (`task_row_run`)
claims the row and runs it with django-tasks-db's own runner, so results, retries
(`core.background.retrying_task`), atomic tasks (effect and "done" in one transaction) and
pruning behave as with the database queue, and the task's state reads the same from every
server. RQ delivers at least once: a job that finds its row claimed or done does nothing.

RQ holds only ids. `tasks_relay` (run by `citypeers worker` beside the RQ worker) pushes every
due row that RQ does not hold: a retry once its backoff is over, a row whose on-commit push
never ran (the process died, Redis was down), a row handed back after its worker died
(`core.background.tasks_hand_back_stale`). A job's id names the row and how many workers
claimed it, so a handed-back row gets a new job even while its dead worker's job still says
"started" in Redis.
"""

import datetime
import functools
import logging
import os
import socket
from typing import NamedTuple

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction
from redis import Redis
from rq import Queue
from rq.exceptions import DuplicateJobError
from rq.job import Job, JobStatus

logger = logging.getLogger(__name__)

# A job in one of these states will still run (or runs now): its row needs no new push.
_PENDING = {JobStatus.CREATED, JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED}
_RELAY_BATCH = 1000
# A job fails only when it cannot reach the database; the relay pushes its row again anyway.
_FAILED_JOB_KEPT = 86400
# Longer than any job takes from its start to claiming its row (a database connection).
_CLAIM_GRACE = datetime.timedelta(seconds=60)


class RQOutboxBackend(DatabaseBackend):
    """The database backend whose rows are run by RQ workers (see the module's docstring)."""

    def enqueue(self, task: Task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        if task.run_after is None or task.run_after <= timezone.now():
            row = _Row(str(result.id), 0, task.queue_name, task.priority)
            # Pushed once the row is committed; a push lost here is made by the relay.
            transaction.on_commit(lambda: _push_quietly([row]))
        return result


def redis_connection() -> Redis:
    return _client(settings.TASK_REDIS_URL)


@functools.cache
def _client(url: str) -> Redis:
    # One client (and its pool of connections) per process, not a connection per push.
    return Redis.from_url(url)


def rq_queue(queue_name: str, *, connection: Redis | None = None) -> Queue:
    """The RQ queue of a django-tasks queue name (prefixed: several sites may share a Redis)."""
    return Queue(
        f"{settings.TASK_RQ_PREFIX}{queue_name}", connection=connection or redis_connection()
    )


def job_id(*, row_id, claims: int) -> str:
    return f"citypeers-task-{row_id}-{claims}"


def task_row_run(row_id: str) -> None:
    """The RQ job: claims the row if it is still waiting and due, then runs its task."""
    close_old_connections()
    worker_id = f"rq-{socket.gethostname()}-{os.getpid()}"[:64]
    with exclusive_transaction():
        row = DBTaskResult.objects.ready().filter(pk=row_id).get_locked()
        if row is None:  # done, running elsewhere, locked by the relay, or not due: nothing
            return
        row.claim(worker_id)
    _runner(worker_id).run_task(row)
    close_old_connections()


def _runner(worker_id: str) -> Worker:
    # Only its `run_task` is used: it sends django-tasks' signals and records the result.
    return Worker(
        queue_names=[],
        interval=0,
        batch=True,
        backend_name="",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def tasks_relay(*, limit: int = _RELAY_BATCH) -> int:
    """Pushes to RQ the due waiting rows (oldest first, at most `limit`) that RQ does not hold
    a job for; returns how many it pushed."""
    aliases = [
        alias
        for alias, options in settings.TASKS.items()
        if options["BACKEND"] == f"{RQOutboxBackend.__module__}.{RQOutboxBackend.__qualname__}"
    ]
    due = (
        DBTaskResult.objects.ready()
        .filter(backend_name__in=aliases)
        .order_by("enqueued_at")
        .values_list("pk", "worker_ids", "queue_name", "priority")[:limit]
    )
    return _push(
        [_Row(str(pk), len(workers), queue, priority) for pk, workers, queue, priority in due]
    )


def _lost(job: Job) -> bool:
    """A job "started" long ago whose row still waits: its worker died before claiming the row
    (a live one claims it at once). RQ would fail it only once the worker's heartbeat expired."""
    started = job.started_at
    return (
        job.get_status(refresh=False) == JobStatus.STARTED
        and started is not None
        and timezone.now() - started > _CLAIM_GRACE
    )


class _Row(NamedTuple):
    """What a push needs of a waiting row."""

    pk: str
    claims: int  # how many workers claimed it so far
    queue_name: str
    priority: int


def _push_quietly(rows: list[_Row]) -> None:
    try:
        _push(rows)
    except Exception:  # Redis out of reach: the write stands, the relay pushes it later
        logger.exception("Could not hand %s task(s) to RQ; the relay will", len(rows))


def _push(rows: list[_Row]) -> int:
    if not rows:
        return 0
    connection = redis_connection()
    ids = [job_id(row_id=row.pk, claims=row.claims) for row in rows]
    jobs = Job.fetch_many(ids, connection=connection)
    pushed = 0
    for (pk, _claims, queue_name, priority), one_id, job in zip(rows, ids, jobs, strict=True):
        if job is not None and job.get_status(refresh=False) in _PENDING and not _lost(job):
            continue
        if job is not None:  # ended without running the row (it was locked, or not due)
            job.delete()
        try:
            rq_queue(queue_name, connection=connection).enqueue_call(
                task_row_run,
                args=(pk,),
                job_id=one_id,
                unique=True,  # another relay or on-commit push got there first
                at_front=priority > 0,
                # No time limit, as with db_worker: a task outliving TASK_RUNNING_TIMEOUT is
                # taken for lost and handed back; RQ's limit would cut a slow first run short.
                timeout=-1,
                result_ttl=0,  # the row holds the result
                failure_ttl=_FAILED_JOB_KEPT,
            )
        except DuplicateJobError:
            continue
        pushed += 1
    return pushed
