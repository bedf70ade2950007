"""Two calls of a service at once, the second started while the first is inside its transaction.

Threads each get their own database connection, so a test using this needs committed data:
`@pytest.mark.django_db(transaction=True)`. On PostgreSQL the second call really runs beside
the first (and, where the service locks, waits for it); on SQLite the IMMEDIATE transactions
let one writer in at a time, which is what the services rely on there.
"""

import pkgutil
import threading
import time
from dataclasses import dataclass
from typing import Any
from unittest import mock

from django.db import connections

HOLD_SECONDS = 0.5  # ample for the second call to reach its first query


@dataclass
class Outcome:
    result: Any = None
    error: BaseException | None = None


def _run(job, outcome: Outcome) -> None:
    try:
        outcome.result = job()
    except BaseException as error:  # handed to the test, which asserts on it
        outcome.error = error
    finally:
        connections.close_all()  # this thread's own connections


def race(first_call, second_call, *, hold_after: str) -> tuple[Outcome, Outcome]:
    """Runs `first_call()` in a thread; once it has called `hold_after` (a dotted path, e.g. the
    service module's `log_action`, called inside its transaction) it is held there for
    HOLD_SECONDS while `second_call()` starts in another thread. Returns the outcome of each:
    its result or the exception it raised."""
    original = pkgutil.resolve_name(hold_after)
    inside = threading.Event()
    outcomes = Outcome(), Outcome()

    def held(*args, **kwargs):
        value = original(*args, **kwargs)
        if threading.current_thread() is first and not inside.is_set():
            inside.set()
            time.sleep(HOLD_SECONDS)
        return value

    def run_first() -> None:
        _run(first_call, outcomes[0])
        inside.set()  # had it failed before `hold_after`, the second still runs

    def run_second() -> None:
        inside.wait()
        _run(second_call, outcomes[1])

    first = threading.Thread(target=run_first)
    second = threading.Thread(target=run_second)
    with mock.patch(hold_after, new=held):
        first.start()
        second.start()
        first.join(timeout=60)
        second.join(timeout=60)
    assert not first.is_alive() and not second.is_alive(), "a call never returned"
    return outcomes
