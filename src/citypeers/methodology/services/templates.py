"""Changing visit templates: an edit is saved as the template's next version."""

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import MethodologyError
from citypeers.core.translated import set_text, translations_of
from citypeers.methodology.enums import DayKind
from citypeers.methodology.models import (
    AgendaItemTemplate,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)
from citypeers.methodology.models.templates import STEP_TEXTS
from citypeers.methodology.selectors.changes import version_changes


def _new_key(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def _kept_keys(rows: list[dict], known, prefix: str) -> list[str]:
    """Each row's key: its own when the version before has it (once), else a new one, so a
    key posted twice or made up is a new step, never a second copy of an old one."""
    seen: set[str] = set()
    keys = []
    for data in rows:
        key = data.get("key") or ""
        keys.append(key if key in known and key not in seen else _new_key(prefix))
        seen.add(key)
    return keys


def template_save_version(
    *,
    template: VisitTemplate,
    by,
    language: str,
    figures: dict,
    note: str,
    steps: list[dict],
    agenda: list[dict],
) -> TemplateVersion | None:
    """Saves the edit as the template's next version; None when nothing changed.

    The steps' texts are in `language` (a text left empty is not written in it); steps and
    agenda items keep their keys, and the texts of the other languages, from the version
    before; visits planned with earlier versions keep theirs.
    """
    limit = figures["daily_minutes_max"]
    for kind, label in DayKind.choices:
        total = sum(item["minutes"] for item in agenda if item["day"] == kind)
        if limit and total > limit:
            raise MethodologyError(
                _(
                    "%(day)s: the sessions add up to %(total)s minutes, more than the daily "
                    "%(limit)s."
                )
                % {"day": label, "total": total, "limit": limit},
                field="daily_minutes_max",
            )
    with transaction.atomic():
        # Read under the template's lock: a second save at once (a double click) waits, then
        # builds on the first's version instead of taking its number (on SQLite the IMMEDIATE
        # transaction already makes writers take turns).
        VisitTemplate.objects.select_for_update().only("pk").get(pk=template.pk)
        previous = template.versions.order_by("-number").first()
        old_steps = {step.key: step for step in previous.steps.all()} if previous else {}
        version = TemplateVersion.objects.create(
            template=template,
            number=(previous.number + 1) if previous else 1,
            created_by=by,
            note=note,
            **figures,
        )
        positions: dict[int, int] = {}
        for data, key in zip(steps, _kept_keys(steps, old_steps, "s"), strict=True):
            source = old_steps.get(key) or StepTemplate()
            row = StepTemplate(version=version, key=key)
            for name in STEP_TEXTS:  # every language from before, then this one as typed
                setattr(row, name, translations_of(source, name))
                set_text(row, name, language, data[name])
            row.phase, row.role, row.anchor = data["phase"], data["role"], data["anchor"]
            row.offset_days = data["offset_days"]
            row.position = positions[row.phase] = positions.get(row.phase, -1) + 1
            row.save()
        days: dict[str, int] = {}
        old_items = set(previous.agenda.values_list("key", flat=True)) if previous else set()
        for data, key in zip(agenda, _kept_keys(agenda, old_items, "a"), strict=True):
            days[data["day"]] = days.get(data["day"], -1) + 1
            AgendaItemTemplate.objects.create(
                version=version,
                key=key,
                day=data["day"],
                position=days[data["day"]],
                format=data["format"],
                minutes=data["minutes"],
                leave_out=data.get("leave_out") or 0,
            )
        if previous and version_changes(previous, version).is_empty:
            transaction.set_rollback(True)
            return None
        log_action(
            template,
            "template.version_saved",
            by=by,
            changes={"version": version.number, "note": note},
        )
    return version
