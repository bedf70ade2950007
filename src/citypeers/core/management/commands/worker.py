"""`citypeers worker`: django-tasks-db's `db_worker`, which also hands back to the queue the tasks
of a worker that died (`core.background.tasks_hand_back_stale`), at start and then every
TASK_RUNNING_TIMEOUT / 4 seconds (at most every minute)."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from citypeers.core.background import tasks_hand_back_stale

logger = logging.getLogger(__name__)


def hand_back_stale_tasks_forever(every: float) -> None:
    while True:
        try:
            tasks_hand_back_stale()
        except Exception:  # a database hiccup must not stop the checks, nor the worker
            logger.exception("Could not check for tasks whose worker stopped")
        finally:
            connection.close()  # this thread's own connection; opened again next time
        time.sleep(every)


class Command(db_worker.Command):
    help = "Runs background tasks; tasks whose worker stopped go back to the queue."

    def handle(self, *args, **options):
        child_of_reloader = os.environ.get(DJANGO_AUTORELOAD_ENV) == "true"
        if not options["batch"] and (not options["reload"] or child_of_reloader):
            every = min(max(settings.TASK_RUNNING_TIMEOUT / 4, 0.2), 60)
            threading.Thread(
                target=hand_back_stale_tasks_forever, args=(every,), daemon=True
            ).start()
        elif options["batch"]:
            tasks_hand_back_stale()
        return super().handle(*args, **options)
