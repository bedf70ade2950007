"""A question's choices, one a line, become a list per language (core.translated): today's
lines become the English list. Answers keep the English label of their choice, as before, so
none changes.

Apart from 0012 so that each runs in its own transaction: PostgreSQL refuses to alter a table
whose rows were updated twice in the transaction (the second update queues the foreign keys'
checks)."""

from django.db import migrations

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import RemoveTextColumn

DEFAULT = "en"  # frozen: the language today's choices are taken to be written in


def choices_to_lists(apps, schema_editor):
    questions = apps.get_model("calls", "Question")
    for question in questions.objects.using(schema_editor.connection.alias).all():
        lines = [line.strip() for line in question.choices.splitlines() if line.strip()]
        question.choices_i18n = {DEFAULT: lines} if lines else {}
        question.save(update_fields=["choices_i18n"])


def choices_to_lines(apps, schema_editor):
    questions = apps.get_model("calls", "Question")
    for question in questions.objects.using(schema_editor.connection.alias).all():
        translations = question._meta.get_field("choices_i18n").translations(question)
        lines = translations.get(DEFAULT) or next(iter(translations.values()), [])
        question.choices = "\n".join(lines)
        question.save(update_fields=["choices"])


class Migration(migrations.Migration):
    dependencies = [("calls", "0012_call_texts_translated")]

    operations = [
        migrations.AddField(
            model_name="question",
            name="choices_i18n",
            field=TranslatedField(
                verbose_name="choices", blank=True, text=False, help_text="One a line."
            ),
        ),
        migrations.RunPython(choices_to_lists, choices_to_lines),
        RemoveTextColumn("question", "choices"),
        migrations.RenameField("question", "choices_i18n", "choices"),
    ]
