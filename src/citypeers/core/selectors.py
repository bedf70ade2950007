import datetime

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from citypeers.core.models import OutboxMessage


def outbox_messages(*, q: str = "") -> QuerySet[OutboxMessage]:
    messages = OutboxMessage.objects.all()
    if q:
        messages = messages.filter(to__icontains=q) | messages.filter(subject__icontains=q)
    return messages.defer("body", "html_body")


def platform_health(*, details: bool = False) -> dict:
    """Whether the database answers, for load balancers: one `SELECT 1` and nothing more. With
    `details` (staff, or a probe with HEALTHZ_TOKEN) also the database's vendor and the task
    queue: tasks waiting, running and running past TASK_RUNNING_TIMEOUT (their worker died),
    each counted up to HEALTH_COUNT_CAP by an indexed status filter, never over every row."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        health = {"status": "ok"}
        if details:
            health |= {
                "database": {"status": "ok", "vendor": connection.vendor},
                "tasks": _task_queue(),
            }
    except Exception as error:  # any database failure means "not healthy", never a 500
        health = {"status": "unavailable"}
        if details:
            health["database"] = {"status": "unavailable", "error": type(error).__name__}
    return health


HEALTH_COUNT_CAP = 1000


def _task_queue() -> dict:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return {"status": "ok", "backend": backend}
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.TASK_RUNNING_TIMEOUT)
    running = DBTaskResult.objects.running()
    counts = {
        "waiting": DBTaskResult.objects.ready(),
        "running": running,
        "stuck": running.filter(started_at__lt=cutoff),
    }
    return {
        "status": "ok",
        "backend": backend,
        **{name: rows.order_by()[: HEALTH_COUNT_CAP + 1].count() for name, rows in counts.items()},
    }
