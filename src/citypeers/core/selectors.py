from django.conf import settings
from django.db import connection
from django.db.models import Count, QuerySet
from django_tasks_db.models import DBTaskResult

from citypeers.core.models import OutboxMessage


def outbox_messages(*, q: str = "") -> QuerySet[OutboxMessage]:
    messages = OutboxMessage.objects.all()
    if q:
        messages = messages.filter(to__icontains=q) | messages.filter(subject__icontains=q)
    return messages.defer("body", "html_body")


def platform_health() -> dict:
    """Database reachability and the task queue's counts by status, for load balancers."""
    health = {"status": "ok", "database": {"status": "ok", "vendor": connection.vendor}}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        counts = dict(
            DBTaskResult.objects.order_by()
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
    except Exception as error:  # any database failure means "not healthy", never a 500
        health["status"] = "unavailable"
        health["database"] = {"status": "unavailable", "error": type(error).__name__}
        return health
    health["tasks"] = {
        "status": "ok",
        "backend": settings.TASKS["default"]["BACKEND"],
        "by_status": counts,
    }
    return health
