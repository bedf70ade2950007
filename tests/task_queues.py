"""The RQ task queue for a test: Redis database 5 (TEST_TASK_REDIS_URL), queues of the test's
own (a fresh prefix), so tests running side by side never meet; deleted afterwards."""

import os
import uuid

from citypeers.core.background_rq import rq_queue

RQ_BACKEND = "citypeers.core.background_rq.RQOutboxBackend"


def use_rq(settings) -> dict[str, str]:
    """Points this process's tasks at RQ; returns the same settings for a worker process."""
    settings.TASKS = {"default": {"BACKEND": RQ_BACKEND}}
    settings.TASK_REDIS_URL = os.environ.get("TEST_TASK_REDIS_URL", "redis://127.0.0.1:6379/5")
    settings.TASK_RQ_PREFIX = f"test-{uuid.uuid4().hex}-"
    return {
        "TASK_BACKEND": "rq",
        "TASK_REDIS_URL": settings.TASK_REDIS_URL,
        "TASK_RQ_PREFIX": settings.TASK_RQ_PREFIX,
        "TASK_RELAY_INTERVAL": "1",
    }


def rq_queue_deleted() -> None:
    """The test's queue, its jobs and RQ's registries of it (finished, failed, in progress)."""
    queue = rq_queue("default")
    queue.delete(delete_jobs=True)
    for key in queue.connection.scan_iter(match=f"rq:*{queue.name}*"):
        queue.connection.delete(key)
