"""The audit trail: `log_action` appends, `redact_about_person` and `prune_before` are the only
ways an entry is changed or removed (see docs/architecture.md, "Audit trail")."""

import json
from collections import defaultdict
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from citypeers.core.audit_chain import (
    GENESIS,
    REDACTED,
    REDACTED_CHANGES,
    chained,
    content_of,
    digest_of,
)
from citypeers.core.audit_context import Origin, current_origin
from citypeers.core.models import AuditAnchor, AuditEntry, audit_rewrite_sanctioned
from citypeers.core.text import one_line

SENSITIVE_WORDS = ("password", "secret", "token")
# Any 64-bit number of our own: the PostgreSQL advisory lock that queues writers of the chain.
CHAIN_LOCK = 0x61756469745F6368  # "audit_ch"
# The object of a failed sign-in: the address tried, as a keyed hash (never in clear).
SIGN_IN_ADDRESS = "account.email"
# Model label -> dotted attribute path to the programme's id, registered by the apps that own
# the models (core knows none of them): e.g. "calls.application": "call.programme_id".
PROGRAMME_PATHS: dict[str, str] = {}


def register_programme_paths(paths: dict[str, str]) -> None:
    """Called from an app's `ready()`: how to find the programme its objects belong to."""
    PROGRAMME_PATHS.update(paths)


def _masked(changes: dict) -> dict:
    return {
        key: "***" if any(word in key.lower() for word in SENSITIVE_WORDS) else value
        for key, value in changes.items()
    }


def _as_stored(changes: dict) -> dict:
    # What the JSON column gives back (dates and decimals as text), so the digest made now
    # is the digest recomputed from the row later.
    return json.loads(json.dumps(changes, cls=DjangoJSONEncoder))


def programme_of(obj: models.Model) -> int | None:
    """The programme an object belongs to: a registered path, else its own `programme_id`."""
    path = PROGRAMME_PATHS.get(obj._meta.label_lower)
    if path is None:
        return getattr(obj, "programme_id", None)
    value = obj
    for name in path.split("."):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def address_key(email: str) -> str:
    """A keyed hash of an e-mail address: failed sign-ins with one address can be counted (and
    erased) without the trail holding it."""
    return salted_hmac(SIGN_IN_ADDRESS, email.strip().lower(), algorithm="sha256").hexdigest()


def masked_address(email: str) -> str:
    name, _, domain = email.strip().partition("@")
    return f"{name[:1]}***@{domain}"[:200] if domain else "***"


def _lock_chain() -> None:
    """Queues writers of the chain until the transaction ends. SQLite needs nothing: its
    transactions are IMMEDIATE (settings), so one writer at a time already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def _last_chain_hash() -> str:
    last = AuditEntry.objects.order_by("-pk").values_list("chain_hash", flat=True).first()
    return last if last is not None else _anchor_hash()


def _append(
    *,
    action: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    by=None,
    changes: dict | None = None,
    programme_id: int | None = None,
    origin: Origin | None = None,
) -> AuditEntry:
    # An origin passed explicitly (a sign-in signal's request, an import naming its source)
    # wins over the one the request in progress set.
    origin = origin or current_origin() or Origin(None, "")
    entry = AuditEntry(
        actor=by if by is not None and by.is_authenticated else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=one_line(object_repr)[:200],
        changes=_as_stored(_masked(changes or {})),
        programme_id=programme_id,
        ip_address=origin.ip_address,
        user_agent=origin.user_agent,
    )
    with transaction.atomic():
        _lock_chain()
        entry.at = timezone.now()  # inside the lock: the chain's order is also time's
        entry.content_digest = digest_of(content_of(entry))
        entry.chain_hash = chained(_last_chain_hash(), entry.content_digest)
        entry.save()
    return entry


def log_action(
    obj: models.Model,
    action: str,
    *,
    by=None,
    changes: dict | None = None,
    programme: int | None = None,
    origin: Origin | None = None,
) -> AuditEntry:
    """Appends who did `action` to `obj` (and, during a request, from where). `programme`
    (an id) is found from `obj` when not given."""
    return _append(
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj),
        by=by,
        changes=changes,
        programme_id=programme if programme is not None else programme_of(obj),
        origin=origin,
    )


def export_record(*, obj: models.Model, by, what: str, export_format: str, rows: int) -> AuditEntry:
    """Who downloaded which table (personal data, scores, selections), in which format."""
    changes = {"format": export_format, "rows": rows}
    return log_action(obj, f"export.{what}", by=by, changes=changes)


def log_sign_in_failure(*, email: str, origin: Origin | None = None) -> AuditEntry:
    return _append(
        action="auth.sign_in_failed",
        object_type=SIGN_IN_ADDRESS,
        object_id=address_key(email),
        object_repr=masked_address(email),
        origin=origin,
    )


def _about(refs: set[tuple[str, str]]) -> Q:
    ids_by_type = defaultdict(set)
    for object_type, object_id in refs:
        ids_by_type[object_type].add(str(object_id))
    about = Q(pk__in=[])
    for object_type, ids in ids_by_type.items():
        about |= Q(object_type=object_type, object_id__in=sorted(ids))
    return about


def _naming(email: str) -> Q:
    # Entries about an object since deleted (a role taken away) name the person only here.
    if not email:
        return Q(pk__in=[])
    return Q(object_repr__icontains=email) | Q(changes__icontains=email)


def redact_about_person(*, user, object_refs: list[tuple[str, str]], by=None) -> int:
    """Erasure: blanks the address, browser, object name and changes of the entries `user`
    made, of those about `user` or `object_refs` ((label, pk) pairs) and of those naming the
    user's e-mail address (their object shown or its changes); who acted, what and
    when stay, and so do the digests, so the chain still verifies. Returns how many entries
    were redacted and records that (as "audit.redacted").

    Failed sign-ins are found by the user's current e-mail address: call this before the
    address is anonymised (or add `(SIGN_IN_ADDRESS, address_key(old))` to `object_refs`)."""
    refs = set(object_refs) | {
        (user._meta.label_lower, str(user.pk)),
        (SIGN_IN_ADDRESS, address_key(user.email)),
    }
    with transaction.atomic():
        with audit_rewrite_sanctioned():
            count = (
                AuditEntry.objects.filter(Q(actor=user) | _about(refs) | _naming(user.email))
                .filter(redacted_at=None)
                .exclude(action="audit.redacted")
                .update(
                    ip_address=None,
                    user_agent="",
                    object_repr=REDACTED,
                    changes=REDACTED_CHANGES,
                    redacted_at=timezone.now(),
                )
            )
        _append(
            action="audit.redacted",
            object_type=user._meta.label_lower,
            object_id=str(user.pk),
            object_repr=REDACTED,
            by=by,
            changes={"entries": count},
        )
    return count


def prune_before(cutoff: datetime) -> int:
    """Retention: deletes the oldest entries, up to the first one made at or after `cutoff`,
    and keeps the last deleted entry's chain hash as the anchor the rest verifies from."""
    with transaction.atomic():
        _lock_chain()
        first_kept = (
            AuditEntry.objects.filter(at__gte=cutoff)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        doomed = AuditEntry.objects.all()
        if first_kept is not None:
            doomed = doomed.filter(pk__lt=first_kept)
        last = doomed.order_by("-pk").values("pk", "chain_hash").first()
        if last is None:
            return 0
        count = doomed.count()
        AuditAnchor.objects.create(
            chain_hash=last["chain_hash"], last_pruned_id=last["pk"], pruned=count
        )
        with audit_rewrite_sanctioned():
            doomed.delete()
        _append(
            action="audit.pruned",
            object_type=AuditAnchor._meta.label_lower,
            object_id=str(last["pk"]),
            object_repr=cutoff.date().isoformat(),
            changes={"entries": count},
        )
    return count


def entries_redated(dates: dict[int, datetime]) -> None:
    """For the demo only, which writes its past today: gives entries the times the demo says
    they happened and recomputes the chain from the first one changed."""
    if not dates:
        return
    with transaction.atomic(), audit_rewrite_sanctioned():
        _lock_chain()
        first = min(dates)
        previous = (
            AuditEntry.objects.filter(pk__lt=first)
            .order_by("-pk")
            .values_list("chain_hash", flat=True)
            .first()
        )
        previous = previous if previous is not None else _anchor_hash()
        entries = list(AuditEntry.objects.filter(pk__gte=first).order_by("pk"))
        for entry in entries:
            entry.at = dates.get(entry.pk, entry.at)
            if entry.redacted_at is None:
                entry.content_digest = digest_of(content_of(entry))
            entry.chain_hash = previous = chained(previous, entry.content_digest)
        fields = ["at", "content_digest", "chain_hash"]
        AuditEntry.objects.bulk_update(entries, fields, batch_size=500)


def _anchor_hash() -> str:
    anchor = AuditAnchor.objects.order_by("-pk").values_list("chain_hash", flat=True).first()
    return anchor or GENESIS
