import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from citypeers.core.audit_chain import (
    GENESIS,
    REDACTED,
    REDACTED_CHANGES,
    chained,
    content_of,
    digest_of,
)
from citypeers.core.models import AuditAnchor, AuditEntry, OutboxMessage


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
    if not issubclass(import_string(backend), DatabaseBackend):  # RQ's runs the rows too
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


@dataclass(frozen=True)
class ChainCheck:
    """What verifying the audit trail found: how many entries, how many redacted, and the
    first entry that does not verify (None when the chain is intact)."""

    checked: int
    redacted: int
    first_break: AuditEntry | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.first_break is None


def _entry_fault(entry: AuditEntry, previous: str) -> str:
    if entry.redacted_at is not None:
        # Erasure keeps the digest of what was blanked; the blanks themselves must be blank.
        blank = (entry.object_repr, entry.changes, entry.ip_address, entry.user_agent)
        if blank != (REDACTED, REDACTED_CHANGES, None, ""):
            return "a redacted entry holds content"
    elif digest_of(content_of(entry)) != entry.content_digest:
        return "its content was changed"
    if chained(previous, entry.content_digest) != entry.chain_hash:
        return "the chain is broken before it (an entry removed, inserted or reordered)"
    return ""


def audit_chain_breaks() -> ChainCheck:
    """Recomputes the audit trail's chain from the retention anchor (or its start), oldest
    first, and reports the first entry that does not verify."""
    anchor = AuditAnchor.objects.order_by("-pk").values_list("chain_hash", flat=True).first()
    previous, checked, redacted = anchor or GENESIS, 0, 0
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        if fault := _entry_fault(entry, previous):
            return ChainCheck(checked, redacted, entry, fault)
        checked += 1
        redacted += entry.redacted_at is not None
        previous = entry.chain_hash
    return ChainCheck(checked, redacted)


CHAIN_CHECK_SECONDS = 300


@dataclass(frozen=True)
class ChainSummary:
    intact: bool
    checked: int
    redacted: int


def audit_chain_state() -> ChainSummary:
    """Whether the trail verifies, kept five minutes per newest entry: a page saying so should
    not rehash six years of trail on each visit (`verify_audit` names the broken entry)."""
    newest = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    key = f"audit-chain:{newest}"
    summary = cache.get(key)
    if summary is None:
        check = audit_chain_breaks()
        summary = ChainSummary(check.intact, check.checked, check.redacted)
        cache.set(key, summary, CHAIN_CHECK_SECONDS)
    return summary


def audit_entries(
    *,
    programme_id: int,
    kind: str = "",
    actor_id: int | None = None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> QuerySet[AuditEntry]:
    """A programme's entries, newest first; `kind` is an action's first word ("membership")."""
    entries = AuditEntry.objects.filter(programme_id=programme_id)
    if kind:
        entries = entries.filter(action__startswith=f"{kind}.")
    if actor_id is not None:
        entries = entries.filter(actor_id=actor_id)
    if since is not None:
        entries = entries.filter(at__gte=since)
    if until is not None:
        entries = entries.filter(at__lt=until)
    return entries.select_related("actor").order_by("-at", "-pk")


def audit_kinds_and_actors(*, programme_id: int) -> tuple[list[str], list]:
    """The kinds of action and the people found in a programme's trail, for its filters."""
    entries = AuditEntry.objects.filter(programme_id=programme_id).order_by()  # for distinct
    actions = entries.values_list("action", flat=True).distinct()
    kinds = sorted({action.partition(".")[0] for action in actions})
    actor_ids = entries.exclude(actor=None).values("actor_id").distinct()
    actors = list(get_user_model().objects.filter(pk__in=actor_ids).order_by("display_name"))
    return kinds, actors
