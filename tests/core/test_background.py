"""Tasks that retry with backoff, are handed back when their worker died, and are pruned."""

import datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from citypeers.core import background
from citypeers.core.background import (
    records_prune,
    retrying_task,
    tasks_hand_back_stale,
    will_retry,
)
from citypeers.core.models import OutboxMessage

pytestmark = pytest.mark.django_db

CALLS: list[dict] = []


class Unavailable(Exception):
    pass


@retrying_task
def flaky(*, fail_times: int) -> int:
    """Fails its first `fail_times` runs (counted across attempts), then succeeds."""
    CALLS.append({"will_retry": will_retry(flaky)})
    if len(CALLS) <= fail_times:
        raise Unavailable("the mail server is down")
    return len(CALLS)


@retrying_task(atomic=True, max_attempts=2)
def write_then_fail(*, subject: str, fail: bool) -> None:
    OutboxMessage.objects.create(from_email="a@example.org", to="b@example.org", subject=subject)
    if fail:
        raise Unavailable("after the write")


@retrying_task(atomic=True)
def overtaken(*, subject: str) -> None:
    """Writes its mail, and meanwhile (it ran past TASK_RUNNING_TIMEOUT) its row was handed
    back and claimed by another worker."""
    OutboxMessage.objects.create(from_email="a@example.org", to="b@example.org", subject=subject)
    DBTaskResult.objects.filter(task_path=overtaken.module_path).update(
        started_at=timezone.now() + datetime.timedelta(seconds=1), worker_ids=["w1", "w2"]
    )


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS, settings.TASK_RETRY_BACKOFF = 3, 60
    CALLS.clear()


def run_ready_tasks() -> None:
    """What `citypeers worker --batch` does, in this process and transaction (whose connection
    the worker's between-tasks clean-up would close)."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker().run()


def _worker() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


def make_due(row: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())


def rows(path) -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=path.module_path).order_by("enqueued_at"))


def test_a_failing_task_is_tried_again_later_and_later_until_it_succeeds():
    flaky.enqueue(fail_times=2)
    started = timezone.now()
    run_ready_tasks()
    first, second = rows(flaky)
    assert first.status == "FAILED" and "the mail server is down" in first.traceback
    assert second.status == "READY" and second.args_kwargs["kwargs"]["attempt"] == 2
    assert second.run_after - started >= datetime.timedelta(seconds=60)  # not straight away
    run_ready_tasks()
    assert len(CALLS) == 1  # the retry waits for its time
    make_due(second)
    run_ready_tasks()
    third = rows(flaky)[2]
    assert third.args_kwargs["kwargs"]["attempt"] == 3
    assert third.run_after - timezone.now() > datetime.timedelta(seconds=110)  # twice as long
    make_due(third)
    run_ready_tasks()
    assert rows(flaky)[2].status == "SUCCESSFUL" and rows(flaky)[2].return_value == 3
    assert [call["will_retry"] for call in CALLS] == [True, True, False]


def test_a_task_failing_every_time_stops_after_its_attempts():
    flaky.enqueue(fail_times=99)
    for _attempt in range(5):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_ready_tasks()
    assert [row.status for row in rows(flaky)] == ["FAILED"] * 3  # TASK_MAX_ATTEMPTS
    assert len(CALLS) == 3


def test_a_task_called_directly_raises_at_once_and_queues_nothing():
    with pytest.raises(Unavailable):
        flaky.call(fail_times=1)
    assert DBTaskResult.objects.count() == 0


def test_an_atomic_task_that_fails_leaves_nothing_written_and_is_retried():
    write_then_fail.enqueue(subject="Selected", fail=True)
    run_ready_tasks()
    assert not OutboxMessage.objects.exists()  # the mail went with the failed attempt
    [_first, retry] = rows(write_then_fail)
    make_due(retry)
    run_ready_tasks()
    assert len(rows(write_then_fail)) == 2  # its own limit: two attempts


def test_an_atomic_task_is_done_with_its_work_even_if_the_worker_dies_just_after(monkeypatch):
    # The worker records success after the task's transaction; dying in between must not run
    # the task (and send its mail) again.
    monkeypatch.setattr(DBTaskResult, "set_successful", lambda self, value: None)
    write_then_fail.enqueue(subject="Selected", fail=False)
    run_ready_tasks()
    [row] = rows(write_then_fail)
    assert row.status == "SUCCESSFUL"
    later = timezone.now() + datetime.timedelta(hours=2)
    assert tasks_hand_back_stale(now=later) == (0, 0)
    assert OutboxMessage.objects.filter(subject="Selected").count() == 1


def test_a_task_whose_worker_died_goes_back_to_the_queue_until_its_attempts_are_spent(settings):
    settings.TASK_RUNNING_TIMEOUT = 600
    result = flaky.enqueue(fail_times=0)
    now = timezone.now()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=now - datetime.timedelta(seconds=599), worker_ids=["w1"]
    )
    assert tasks_hand_back_stale(now=now) == (0, 0)  # it may still be running
    assert tasks_hand_back_stale(now=now + datetime.timedelta(seconds=2)) == (1, 0)
    assert DBTaskResult.objects.get(pk=result.id).status == "READY"
    run_ready_tasks()
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
    # A task that killed its worker on each of its three attempts is given up, saying why.
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=now, worker_ids=["w1", "w2", "w3"]
    )
    assert tasks_hand_back_stale(now=now + datetime.timedelta(hours=1)) == (0, 1)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "FAILED" and row.exception_class_path.endswith("WorkerLost")


def test_the_daily_clean_up_deletes_old_finished_tasks_and_mails_only(settings):
    settings.TASK_RESULT_RETENTION_DAYS, settings.OUTBOX_RETENTION_DAYS = 14, 90
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=15), now - datetime.timedelta(days=13)
    for status, finished in [("SUCCESSFUL", old), ("FAILED", old), ("SUCCESSFUL", recent)]:
        row = flaky.enqueue(fail_times=0)
        DBTaskResult.objects.filter(pk=row.id).update(status=status, finished_at=finished)
    waiting = flaky.enqueue(fail_times=0)  # never finished: kept whatever its age
    DBTaskResult.objects.filter(pk=waiting.id).update(enqueued_at=old)
    for days, subject in [(91, "Old"), (89, "Recent")]:
        message = OutboxMessage.objects.create(from_email="a@x.org", to="b@x.org", subject=subject)
        OutboxMessage.objects.filter(pk=message.pk).update(
            sent_at=now - datetime.timedelta(days=days)
        )
    assert records_prune(now=now) == (2, 1)
    assert DBTaskResult.objects.count() == 2
    assert list(OutboxMessage.objects.values_list("subject", flat=True)) == ["Recent"]
    out = StringIO()
    call_command("prune_old_records", stdout=out)
    assert out.getvalue().startswith("0 task row(s) older than 14 days, 0 e-mail(s)")


def test_a_task_handed_to_another_worker_while_it_ran_leaves_its_work_to_that_one():
    """A slow run past TASK_RUNNING_TIMEOUT was handed back and claimed again: the first run's
    mail is rolled back and it is not retried, so the mail goes once, from the other run."""
    overtaken.enqueue(subject="Selected")
    run_ready_tasks()
    assert not OutboxMessage.objects.filter(subject="Selected").exists()
    [row] = rows(overtaken)  # no retry queued
    assert row.exception_class_path.endswith("HandedBack")
    # The other run, whose claim the row holds (as the first run left it), is done with its mail.
    claimed_again = timezone.now() + datetime.timedelta(seconds=1)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=claimed_again)
    with transaction.atomic():
        OutboxMessage.objects.create(from_email="a@example.org", to="b@example.org", subject="S")
        background._mark_done(DBTaskResult.objects.get(pk=row.pk).task_result)
    assert DBTaskResult.objects.get(pk=row.pk).status == "SUCCESSFUL"


def test_a_task_handed_back_but_not_yet_claimed_again_is_done_by_the_run_that_finishes():
    result = overtaken.enqueue(subject="Selected")
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=timezone.now(), worker_ids=["w1"]
    )
    claim = DBTaskResult.objects.get(pk=result.id).task_result
    tasks_hand_back_stale(now=timezone.now() + datetime.timedelta(hours=2))  # back to READY
    background._mark_done(claim)  # the slow run finishes after all
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"  # not run again
