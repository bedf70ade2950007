"""`citypeers worker` with a fault made to happen, for tests/calls/test_tasks_worker_killed.py.

FAULT=slow_solve: every selection solve takes a minute; FAULT=slow_mail: every e-mail is written
to the outbox, then the backend waits a minute before returning (still inside the task's
transaction); no FAULT: the plain worker. The test kills this process in the middle.
"""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
django.setup()

from django.core.management import call_command  # noqa: E402 (after setup)

from citypeers.calls.services import selection  # noqa: E402
from citypeers.core.mail import OutboxBackend  # noqa: E402

fault = os.environ.get("FAULT", "")
if fault == "slow_solve":
    solve = selection.selection_solve

    def slow_solve(instance):
        time.sleep(60)
        return solve(instance)

    selection.selection_solve = slow_solve
elif fault == "slow_mail":
    send = OutboxBackend.send_messages

    def slow_send(self, messages):
        sent = send(self, messages)
        time.sleep(60)
        return sent

    OutboxBackend.send_messages = slow_send

call_command("worker", "--interval", "0.1", "--no-startup-delay", "--no-reload", "-v", "0")
