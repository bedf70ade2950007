"""The registry of personal data: what each app keeps about a person, and how it is exported,
erased and pruned.

`people` sits low, so the apps above declare their own data (`<app>/personal_data.py`) and
register it from their `ready()`, as link sources are registered (`core.registry.Sources`).
`people.services.person_erase`, the export page, the privacy page and `prune_old_records`
read this one list, so a kind of data declared once is exported, erased, pruned and
explained everywhere.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.functional import Promise

from citypeers.core.registry import Sources
from citypeers.people.models import User

# A record touched by an erasure, for the audit trail's redaction: (model label, primary key).
ObjectRef = tuple[str, str]


@dataclass(frozen=True)
class PersonalData:
    """One kind of data about a person, as the privacy page explains it."""

    key: str  # unique, stable: the export's key, e.g. "calls.applications"
    name: Promise
    what: Promise  # what is stored
    purpose: Promise
    legal_basis: str  # a `people.enums.LegalBasis`
    who_sees: Promise
    export: Callable[[User], list[dict]]
    erase: Callable[[User], list[ObjectRef] | None]
    # Retention: the setting naming the days (settings.py) and the event they count from; no
    # setting: `retention_text` says how long.
    retention_setting: str = ""
    retention_from: Promise | str = ""
    retention_text: Promise | str = ""  # said instead, where days do not tell it
    prune: Callable[[datetime.datetime], int] | None = None
    # Why this person may not be erased yet (a translatable sentence), or "".
    blocks_erasure: Callable[[User], str] | None = None

    @property
    def retention_days(self) -> int | None:
        if not self.retention_setting:
            return None
        return getattr(settings, self.retention_setting)

    def cutoff(self, now: datetime.datetime) -> datetime.datetime:
        """Records from before this moment are past their retention."""
        return now - datetime.timedelta(days=self.retention_days or 0)


PERSONAL_DATA: Sources[PersonalData] = Sources()

personal_data_register = PERSONAL_DATA.register


def records(queryset: Iterable[models.Model], fields: list[str]) -> list[dict]:
    """Each record as {field's name in the reader's language: a readable value}, JSON-able.

    A field may be reached through relations (`application__call`): the export names the
    call, not the application, whose name would be another person's."""
    found = []
    for record in queryset:
        row = {}
        for path in fields:
            *through, name = path.split("__")
            target = record
            for step in through:
                target = getattr(target, step)
            field = target._meta.get_field(name)
            row[str(field.verbose_name)] = _readable(target, field)
        found.append(row)
    return found


def _readable(record: models.Model, field) -> object:
    if field.choices and not field.many_to_many:
        return str(getattr(record, f"get_{field.name}_display")())
    value = getattr(record, field.name)
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else ""
    return str(value)


def files_delete(files: Iterable[FieldFile]) -> None:
    """Deletes stored files through their storage once the erasure commits (a rolled-back
    erasure keeps them)."""
    for file in files:
        if file:
            storage, name = file.storage, file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def refs(queryset: Iterable[models.Model]) -> list[ObjectRef]:
    return [(record._meta.label_lower, str(record.pk)) for record in queryset]


def deleted(queryset: models.QuerySet) -> list[ObjectRef]:
    """Deletes the records; which they were, for the audit's redaction (an erasure's return)."""
    found = refs(queryset)
    queryset.delete()
    return found


def kept(user: User) -> list[ObjectRef]:
    """The `erase` of records the programme keeps as they are: they point to the tombstone,
    which says nothing of who it was."""
    return []


def pruned(queryset: models.QuerySet) -> int:
    """Deletes the records past their retention; how many (a `prune`'s return)."""
    count, _by_model = queryset.delete()
    return count


def personal_data_export(*, user: User) -> list[dict]:
    """Everything held about this person, grouped by kind: what the export page shows and
    the JSON download holds."""
    return [
        {"key": kind.key, "name": str(kind.name), "records": kind.export(user)}
        for kind in PERSONAL_DATA
    ]


def personal_data_prune(now: datetime.datetime) -> dict[str, int]:
    """Runs every kind's retention clean-up; how many records each deleted or anonymised
    (registered in `core.background.RECORD_PRUNERS`, run daily by `prune_old_records`)."""
    return {kind.key: kind.prune(now) for kind in PERSONAL_DATA if kind.prune is not None}


def erasure_blockers(*, user: User) -> list[str]:
    """Why this person cannot be erased yet; empty when they can."""
    return [
        reason
        for kind in PERSONAL_DATA
        if kind.blocks_erasure is not None and (reason := kind.blocks_erasure(user))
    ]
