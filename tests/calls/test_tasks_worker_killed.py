"""Fault injection: the worker is killed (SIGKILL) in the middle of a selection run, then in the
middle of sending a decision mail; the worker started again leaves no run "running" and sends
the mail exactly once. Real worker processes (tests/calls/fault_worker.py) on the test database:
on PostgreSQL the same database; on SQLite, whose test database lives in memory, a file copy.
Both queues: the task table (TASK_BACKEND=database) and RQ (rq: the killed worker's job is gone
with it, its row is handed back and relayed to RQ again)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application
from citypeers.calls.services.selection import selection_start
from citypeers.calls.tasks import notify_outcome
from tests.calls.helpers import apply
from tests.task_queues import rq_queue_deleted, use_rq

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 2  # seconds a task or a run may run before it counts as lost; short for the test


@pytest.fixture
def database_url(transactional_db, tmp_path):
    """What the worker processes connect to, and a function reading it with plain SQL."""
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"

        def copy():
            with closing(sqlite3.connect(path)) as target:
                connection.ensure_connection()
                connection.connection.backup(target)

        def read(sql, *params):
            with closing(sqlite3.connect(path)) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        return f"sqlite:///{path}", copy, read
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"

    def read(sql, *params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return url, lambda: None, read


@pytest.fixture(params=["database", "rq"])
def task_queue(request, settings):
    """The queue of this process and of the workers: settings for a worker's environment."""
    if request.param == "database":
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        yield {"TASK_BACKEND": "database"}
        return
    yield use_rq(settings)
    rq_queue_deleted()


def start_worker(url: str, tmp_path: Path, queue: dict, fault: str = "") -> subprocess.Popen:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "DATABASE_URL", "TASK_", "EMAIL_URL"))
    }
    env.update(
        DATABASE_URL=url,
        **queue,
        TASK_RUNNING_TIMEOUT=str(TIMEOUT),
        SELECTION_RUN_TIMEOUT=str(TIMEOUT),
        EMAIL_URL="outbox://",
        CITYPEERS_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        FAULT=fault,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "tests.calls.fault_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(read, query: tuple, expected, worker: subprocess.Popen, seconds: float = 12.0):
    deadline = time.monotonic() + seconds
    while (found := read(*query)) != expected:
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            pytest.fail(f"{query!r} gave {found}, not {expected}; {worker.stderr.read().decode()}")
        time.sleep(0.05)


def test_killing_the_worker_mid_run_and_mid_mail_loses_no_run_and_no_mail(
    database_url, tmp_path, task_queue, call, coordinator
):
    url, copy, read = database_url
    aino = apply(call, "Aino")
    run = selection_start(call=call, by=coordinator)  # queued after the commit
    Application.objects.filter(pk=aino.pk).update(
        outcome=Outcome.SELECTED, outcome_visit=call.visits.get()
    )
    notify_outcome.enqueue(application_id=aino.pk, outcome=Outcome.SELECTED)
    copy()
    run_status = ("SELECT status FROM calls_selectionrun WHERE id = %s", run.pk)
    mails = ('SELECT COUNT(*) FROM core_outboxmessage WHERE "to" = %s', aino.applicant.email)
    assert DBTaskResult._meta.db_table == "django_tasks_database_dbtaskresult"
    tasks = "SELECT status FROM django_tasks_database_dbtaskresult"
    waiting = (tasks + " WHERE status IN (%s, %s)", "READY", "RUNNING")
    mail_task = (tasks + " WHERE task_path = %s", notify_outcome.module_path)
    workers = []
    try:
        workers.append(start_worker(url, tmp_path, task_queue, fault="slow_solve"))
        wait_for(read, run_status, [("running",)], workers[-1])
        workers[-1].send_signal(signal.SIGKILL)  # in the middle of the solve
        workers[-1].wait()

        workers.append(start_worker(url, tmp_path, task_queue, fault="slow_mail"))
        wait_for(read, mail_task, [("RUNNING",)], workers[-1])
        time.sleep(0.5)  # the mail is written, its transaction not yet committed
        workers[-1].send_signal(signal.SIGKILL)
        workers[-1].wait()
        assert read(*mails) == [(1,)]  # her application's copy; the decision rolled back

        workers.append(start_worker(url, tmp_path, task_queue))
        wait_for(read, run_status, [("failed",)], workers[-1])
        wait_for(read, mails, [(2,)], workers[-1])
        wait_for(read, mail_task, [("SUCCESSFUL",)], workers[-1])
        time.sleep(TIMEOUT / 2 + 0.2)  # hand-back passes later: still one mail, nothing waits
        assert read(*mails) == [(2,)]
        assert read(*run_status) == [("failed",)]
        assert read(*waiting) == []
        [(error, respond_by)] = read(
            "SELECT r.error, a.respond_by FROM calls_selectionrun r, calls_application a "
            "WHERE r.id = %s AND a.id = %s",
            run.pk,
            aino.pk,
        )
        assert "stopped before it finished" in error and respond_by is not None
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    assert [worker.returncode for worker in workers] == [-signal.SIGKILL] * 3
