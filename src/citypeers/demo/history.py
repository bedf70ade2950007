"""Dating the audit trail the services wrote for the demo's past, as it happened then.

The services take the time they act at (`now=`, `today=`), but the audit trail and the rows'
`created_at` are stamped by the clock when they are written. The demo's 2021 programme is
written today, so its history is dated afterwards: the entries written since a mark are given
the times the demo says they happened (and the audit chain recomputed over them). Nothing
else is changed.
"""

import datetime
from collections.abc import Callable

from citypeers.core.audit import entries_redated
from citypeers.core.models import AuditEntry


def last_entry() -> int:
    """A mark: the newest audit entry now (0 when there is none)."""
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def entries_dated(mark: int, at: Callable[[AuditEntry], datetime.datetime | None]) -> None:
    """Dates each entry written since `mark` for which `at` gives a time; leaves the others."""
    dates = {}
    for entry in AuditEntry.objects.filter(pk__gt=mark).order_by("pk"):
        when = at(entry)
        if when is not None:
            dates[entry.pk] = when
    entries_redated(dates)  # the chain is recomputed from the first entry dated


def entries_from(
    mark: int, keys: set[tuple[str, str]], start: datetime.datetime, step=datetime.timedelta(0)
) -> None:
    """Dates the entries about the objects `keys` ((label, pk) pairs) written since `mark` from
    `start`, `step` apart."""
    count = 0

    def at(entry: AuditEntry) -> datetime.datetime | None:
        nonlocal count
        if (entry.object_type, entry.object_id) not in keys:
            return None
        count += 1
        return start + step * (count - 1)

    entries_dated(mark, at)


def key(obj) -> tuple[str, str]:
    """The (label, pk) an audit entry names `obj` by."""
    return obj._meta.label_lower, str(obj.pk)
