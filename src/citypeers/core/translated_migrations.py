"""Migration steps that move texts from a column per language (django-modeltranslation) to
one TranslatedField per text, keeping every translation.

Frozen by design: migrations call `columns_to_json` with the languages their columns had, so
later changes to settings.LANGUAGES do not change what an old migration does.
"""

import copy

from django.db import migrations


class RemoveTextColumn(migrations.RemoveField):
    """RemoveField whose reverse brings a required text column back with "" in every row
    (the copy then fills it), where RemoveField's reverse fails on existing rows."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            field = copy.copy(model._meta.get_field(self.name))
            if not field.has_default() and field.empty_strings_allowed:
                field.default = ""
            schema_editor.add_field(from_state.apps.get_model(app_label, self.model_name), field)


def _empty(value) -> bool:
    return value in (None, "", [])


def columns_to_json(
    app_label: str,
    model_name: str,
    fields: dict,
    languages=("en", "fr"),
    default: str = "en",
    default_from: str | None = None,
) -> list:
    """Operations: add `<name>_i18n`, fill it from `<name>_<lang>`, drop the old columns and
    take the old name. `fields` maps each text's name to its new TranslatedField. With
    `languages=()`, a plain text column becomes the `default` language's text, or, with
    `default_from`, the text of the language named by that field of the same row (a record
    that says which language it was written in); going back reads that language again."""

    def language_of(row) -> str:
        return (getattr(row, default_from) if default_from else None) or default

    def copy(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = list(model.objects.using(schema_editor.connection.alias).all())
        for row in rows:
            for name in fields:
                translations = {
                    code: getattr(row, f"{name}_{code}")
                    for code in languages
                    if not _empty(getattr(row, f"{name}_{code}"))
                }
                if not translations and not _empty(getattr(row, name)):
                    translations[language_of(row)] = getattr(row, name)
                setattr(row, f"{name}_i18n", translations)
            row.save(update_fields=[f"{name}_i18n" for name in fields])

    def copy_back(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = list(model.objects.using(schema_editor.connection.alias).all())
        for row in rows:
            for name in fields:
                translations = row._meta.get_field(f"{name}_i18n").translations(row)
                for code in languages:
                    setattr(row, f"{name}_{code}", translations.get(code))
                own = translations.get(language_of(row)) or translations.get(default)
                setattr(row, name, own or next(iter(translations.values()), ""))
            row.save(
                update_fields=[f"{name}_{code}" for name in fields for code in languages]
                + list(fields)
            )

    operations = [
        migrations.AddField(model_name, f"{name}_i18n", field) for name, field in fields.items()
    ]
    operations.append(migrations.RunPython(copy, copy_back))
    for name in fields:
        operations.append(RemoveTextColumn(model_name, name))
        operations += [migrations.RemoveField(model_name, f"{name}_{code}") for code in languages]
        operations.append(migrations.RenameField(model_name, f"{name}_i18n", name))
    return operations
