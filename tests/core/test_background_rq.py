"""Tasks on Redis/RQ (TASK_BACKEND=rq): the database row is the outbox, RQ runs it. Needs a
Redis (tests/task_queues.py)."""

import datetime

import pytest
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rq import SimpleWorker
from rq.job import JobStatus

from citypeers.core.background import retrying_task, will_retry
from citypeers.core.background_rq import redis_connection, rq_queue, task_row_run, tasks_relay
from citypeers.core.models import OutboxMessage
from citypeers.core.selectors import platform_health
from tests.task_queues import rq_queue_deleted, use_rq

pytestmark = pytest.mark.django_db(transaction=True)  # on-commit pushes need real commits

CALLS: list[dict] = []


class Unavailable(Exception):
    pass


@retrying_task(atomic=True)
def send_mail(*, subject: str) -> None:
    OutboxMessage.objects.create(from_email="a@example.org", to="b@example.org", subject=subject)


@retrying_task(max_attempts=2)
def always_failing() -> None:
    CALLS.append({"will_retry": will_retry(always_failing)})
    raise Unavailable("the mail server is down")


@pytest.fixture(autouse=True)
def rq_tasks(settings):
    use_rq(settings)
    settings.TASK_MAX_ATTEMPTS, settings.TASK_RETRY_BACKOFF = 3, 60
    CALLS.clear()
    yield
    rq_queue_deleted()


def queued():
    return rq_queue("default")


def run_rq_worker() -> None:
    """An RQ worker in burst mode: runs what RQ holds, then stops (no relay)."""
    redis = redis_connection()
    SimpleWorker([rq_queue("default", connection=redis)], connection=redis).work(burst=True)


def mails(subject: str) -> int:
    return OutboxMessage.objects.filter(subject=subject).count()


def rows(path) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=path.module_path).order_by("enqueued_at"))


def test_a_task_asked_for_by_a_write_that_rolls_back_never_runs():
    with pytest.raises(Unavailable), transaction.atomic():
        send_mail.enqueue(subject="Received")
        raise Unavailable("the write failed")
    assert queued().count == 0
    call_command("worker", "--batch")  # the relay finds nothing either
    assert mails("Received") == 0 and not DBTaskResult.objects.exists()


def test_a_task_asked_for_by_a_committed_write_runs_on_an_rq_worker():
    with transaction.atomic():
        result = send_mail.enqueue(subject="Received")
        assert queued().count == 0  # no worker can see it before the write commits
    assert queued().count == 1
    run_rq_worker()
    assert mails("Received") == 1
    # Its state is the row's, so every server reads the same.
    assert send_mail.get_result(result.id).status == "SUCCESSFUL"
    assert queued().count == 0


def test_a_task_whose_push_to_redis_was_lost_is_relayed(settings, caplog):
    redis_url = settings.TASK_REDIS_URL
    settings.TASK_REDIS_URL = "redis://127.0.0.1:1/5"  # Redis out of reach as the write commits
    with transaction.atomic():
        send_mail.enqueue(subject="Received")
    assert "the relay will" in caplog.text
    assert DBTaskResult.objects.get().status == "READY"  # the write and its task stand
    settings.TASK_REDIS_URL = redis_url
    assert tasks_relay() == 1
    assert tasks_relay() == 0  # held by RQ now: not pushed twice
    run_rq_worker()
    assert mails("Received") == 1


def test_health_counts_the_tasks_waiting_for_rq_workers():
    with transaction.atomic():
        send_mail.enqueue(subject="Received")
    assert platform_health(details=True)["tasks"]["waiting"] == 1
    run_rq_worker()
    assert platform_health(details=True)["tasks"]["waiting"] == 0


def test_a_failing_task_is_retried_with_backoff_then_failed():
    started = timezone.now()
    always_failing.enqueue()
    run_rq_worker()
    first, second = rows(always_failing)
    assert first.status == "FAILED" and "the mail server is down" in first.traceback
    assert second.status == "READY" and second.args_kwargs["kwargs"]["attempt"] == 2
    assert second.run_after - started >= datetime.timedelta(seconds=60)
    assert tasks_relay() == 0  # the retry waits for its time
    DBTaskResult.objects.filter(pk=second.pk).update(run_after=timezone.now())
    assert tasks_relay() == 1
    run_rq_worker()
    assert [row.status for row in rows(always_failing)] == ["FAILED", "FAILED"]  # 2 attempts
    assert [call["will_retry"] for call in CALLS] == [True, False]


def test_a_task_whose_worker_died_is_handed_back_by_the_relay_and_runs_once(settings):
    settings.TASK_RUNNING_TIMEOUT = 600
    with transaction.atomic():
        send_mail.enqueue(subject="Received")
    # A worker took the job, claimed the row and died: the job is gone, the row "running".
    queued().empty()
    long_ago = timezone.now() - datetime.timedelta(seconds=601)
    DBTaskResult.objects.update(status="RUNNING", started_at=long_ago, worker_ids=["dead"])
    call_command("worker", "--batch")  # hands it back, relays it, runs it
    row = DBTaskResult.objects.get()
    assert row.status == "SUCCESSFUL" and len(row.worker_ids) == 2
    assert mails("Received") == 1
    call_command("worker", "--batch")
    assert mails("Received") == 1


def test_a_job_whose_worker_died_before_claiming_its_row_is_pushed_again():
    with transaction.atomic():
        send_mail.enqueue(subject="Received")
    [job] = queued().jobs
    queued().remove(job)  # taken by a worker, which says "started" and dies
    job.set_status(JobStatus.STARTED)
    job.started_at = timezone.now()
    job.save()
    assert tasks_relay() == 0  # a live worker claims its row at once: give it time
    job.started_at = timezone.now() - datetime.timedelta(minutes=2)
    job.save()
    assert tasks_relay() == 1
    run_rq_worker()
    assert mails("Received") == 1


def test_an_atomic_task_delivered_twice_has_its_effect_once():
    with transaction.atomic():
        result = send_mail.enqueue(subject="Received")
    queued().enqueue(task_row_run, str(result.id))  # RQ delivers at least once
    assert queued().count == 2
    run_rq_worker()
    assert mails("Received") == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_job_that_failed_for_want_of_the_database_is_pushed_again(monkeypatch):
    with transaction.atomic():
        send_mail.enqueue(subject="Received")

    def unavailable(*_args, **_kwargs):
        raise OperationalError("the database is restarting")

    monkeypatch.setattr("citypeers.core.background_rq.exclusive_transaction", unavailable)
    run_rq_worker()
    assert queued().failed_job_registry.count == 1 and mails("Received") == 0
    monkeypatch.undo()
    assert tasks_relay() == 1  # the row still waits: its failed job gives way to a new one
    run_rq_worker()
    assert mails("Received") == 1
