"""What changed between two versions of a visit template, in words a coordinator reads.

Steps and agenda items keep a `key` from version to version, so an edited step shows as
changed, not as one removed and one added.
"""

from dataclasses import dataclass

from citypeers.core.languages import own_name
from citypeers.core.translated import TranslatedText
from citypeers.methodology.models import TemplateVersion
from citypeers.methodology.models.templates import VERSION_FIGURES

STEP_FIELDS = ("phase", "role", "anchor", "offset_days", "title", "deliverable", "checklist")
AGENDA_FIELDS = ("day", "format", "minutes", "leave_out")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str
    # A text changed in another language than the one the reader sees: that language.
    language: str = ""
    language_name: str = ""


@dataclass(frozen=True)
class RowChange:
    kind: str  # "added", "removed" or "changed"
    name: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class VersionChanges:
    settings: tuple[FieldChange, ...]
    steps: tuple[RowChange, ...]
    agenda: tuple[RowChange, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.settings or self.steps or self.agenda)


def _shown(row, name: str) -> str:
    display = getattr(row, f"get_{name}_display", None)
    value = display() if display else getattr(row, name)
    return "" if value is None else str(value)


def _field_changes(before, after, names) -> tuple[FieldChange, ...]:
    changes = []
    for name in names:
        label = str(type(after)._meta.get_field(name).verbose_name)
        if (old := _shown(before, name)) != (new := _shown(after, name)):
            changes.append(FieldChange(label, old, new))
        if isinstance(getattr(after, name), TranslatedText):
            changes += _other_languages(getattr(before, name), getattr(after, name), label)
    return tuple(changes)


def _other_languages(old: TranslatedText, new: TranslatedText, label: str) -> list:
    """A text's changes in the languages the reader does not see: an edit in German read from
    the English page is still a change (and a reason for a new version)."""
    seen = {old.language, new.language} if str(old) != str(new) else set()
    before, after = old.translations, new.translations
    return [
        FieldChange(label, before.get(code, ""), after.get(code, ""), code, own_name(code) or code)
        for code in dict.fromkeys([*before, *after])
        if code not in seen and before.get(code) != after.get(code)
    ]


def _row_changes(before: list, after: list, names, name_of) -> tuple[RowChange, ...]:
    old = {row.key: row for row in before}
    new = {row.key: row for row in after}
    changes = []
    for row in after:
        if row.key not in old:
            changes.append(RowChange("added", name_of(row)))
        elif fields := _field_changes(old[row.key], row, names):
            changes.append(RowChange("changed", name_of(row), fields))
    changes += [RowChange("removed", name_of(row)) for row in before if row.key not in new]
    return tuple(changes)


def version_changes(before: TemplateVersion, after: TemplateVersion) -> VersionChanges:
    """Prefetch `steps` and `agenda` (with formats) on both versions."""
    return VersionChanges(
        settings=_field_changes(before, after, VERSION_FIGURES),
        steps=_row_changes(
            list(before.steps.all()), list(after.steps.all()), STEP_FIELDS, lambda s: s.title
        ),
        agenda=_row_changes(
            list(before.agenda.all()),
            list(after.agenda.all()),
            AGENDA_FIELDS,
            lambda item: f"{item.get_day_display()}: {item.format}",
        ),
    )
