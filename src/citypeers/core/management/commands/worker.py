"""`citypeers worker`: runs background tasks from the queue TASK_BACKEND names.

- `database` (one machine): django-tasks-db's `db_worker`, which also hands back to the queue
  the tasks of a worker that died (`core.background.tasks_hand_back_stale`), at start and then
  every TASK_RUNNING_TIMEOUT / 4 seconds (at most every minute).
- `rq` (several hosts): an RQ worker on the `--queue-name` queues, plus the same hand-back and
  the relay that gives RQ the waiting rows it does not hold (`core.background_rq.tasks_relay`)
  every TASK_RELAY_INTERVAL seconds. `--batch` hands back, relays, runs what RQ holds, and exits.
"""

import logging
import os
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks import task_backends
from django_tasks_db.management.commands import db_worker
from rq import SimpleWorker

from citypeers.core.background import tasks_hand_back_stale
from citypeers.core.background_rq import (
    RQOutboxBackend,
    redis_connection,
    rq_queue,
    tasks_relay,
)

logger = logging.getLogger(__name__)


def every_forever(what: Callable[[], object], every: float, failure: str) -> None:
    while True:
        try:
            what()
        except Exception:  # a database or Redis hiccup must not stop the checks, nor the worker
            logger.exception(failure)
        finally:
            connection.close()  # this thread's own connection; opened again next time
        time.sleep(every)


def hand_back_stale_tasks_forever(every: float) -> None:
    every_forever(tasks_hand_back_stale, every, "Could not check for tasks whose worker stopped")


def _hand_back_every() -> float:
    return min(max(settings.TASK_RUNNING_TIMEOUT / 4, 0.2), 60)


def _in_background(target: Callable, *args) -> None:
    threading.Thread(target=target, args=args, daemon=True).start()


class Command(db_worker.Command):
    help = "Runs background tasks; tasks whose worker stopped go back to the queue."

    def handle(self, *args, **options):
        if isinstance(task_backends[options["backend_name"]], RQOutboxBackend):
            return self.handle_rq(options)
        child_of_reloader = os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if not options["batch"] and (not options["reload"] or child_of_reloader):
            _in_background(hand_back_stale_tasks_forever, _hand_back_every())
        elif options["batch"]:
            tasks_hand_back_stale()
        return super().handle(*args, **options)

    def handle_rq(self, options) -> None:
        names = [name.strip() for name in options["queue_name"].split(",") if name.strip()]
        if "*" in names or options["exclude_queues"]:
            raise CommandError("With TASK_BACKEND=rq, name the queues to run (--queue-name a,b).")
        redis = redis_connection()
        queues = [rq_queue(name, connection=redis) for name in names]
        if options["batch"]:
            tasks_hand_back_stale()
            tasks_relay()
        else:
            _in_background(hand_back_stale_tasks_forever, _hand_back_every())
            relay_failed = "Could not hand waiting tasks to RQ"
            _in_background(every_forever, tasks_relay, settings.TASK_RELAY_INTERVAL, relay_failed)
        # In this process (no fork per job): a job keeps Django's set-up and connections.
        worker = SimpleWorker(queues, connection=redis)
        worker.work(burst=options["batch"], max_jobs=options["max_tasks"], with_scheduler=False)
