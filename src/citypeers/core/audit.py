"""log_action: the one way services record a write a coordinator may want to trace."""

from django.db import models

from citypeers.core.models import AuditEntry

SENSITIVE_WORDS = ("password", "secret", "token")


def _masked(changes: dict) -> dict:
    return {
        key: "***" if any(word in key.lower() for word in SENSITIVE_WORDS) else value
        for key, value in changes.items()
    }


def log_action(
    obj: models.Model, action: str, *, by=None, changes: dict | None = None
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=by if by is not None and by.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=_masked(changes or {}),
    )
