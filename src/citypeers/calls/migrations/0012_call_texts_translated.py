"""A call's texts and its questions' label and help in every language (core.translated): today's
text becomes its English, the language calls were written in (the choices follow in 0013). Each
application now keeps the consent text its author agreed to, and its language."""

from django.db import migrations, models

import citypeers.calls.models.call
from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json

DEFAULT = "en"  # frozen: the language today's texts are taken to be written in


def consent_kept(apps, schema_editor):
    """An application consented to its call's current version keeps that text; one consented
    to an earlier version keeps none, as that wording is no longer known."""
    applications = apps.get_model("calls", "Application")
    alias = schema_editor.connection.alias
    consented = applications.objects.using(alias).filter(consented_at__isnull=False)
    for application in consented.select_related("call"):
        if application.consent_version == application.call.consent_version:
            application.consent_text = application.call.consent_text
            application.consent_language = DEFAULT
            application.save(update_fields=["consent_text", "consent_language"])


class Migration(migrations.Migration):
    dependencies = [("calls", "0011_consent_text_for_every_kind_of_call")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="consent_language",
            field=models.CharField(blank=True, max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="application",
            name="consent_text",
            field=models.TextField(blank=True, verbose_name="consent given"),
        ),
        # While the call's consent is still one plain text.
        migrations.RunPython(consent_kept, migrations.RunPython.noop),
        *columns_to_json(
            "calls",
            "call",
            {
                "title": TranslatedField(verbose_name="title", max_length=200),
                "description": TranslatedField(
                    verbose_name="description", help_text="Markdown.", multiline=True
                ),
                "eligibility_text": TranslatedField(
                    verbose_name="who may apply, in words", blank=True, multiline=True
                ),
                "consent_text": TranslatedField(
                    verbose_name="consent to the processing of data",
                    multiline=True,
                    default=citypeers.calls.models.call.standard_consent,
                ),
            },
            languages=(),
            default=DEFAULT,
        ),
        *columns_to_json(
            "calls",
            "question",
            {
                "label": TranslatedField(verbose_name="question", max_length=300),
                "help_text": TranslatedField(verbose_name="help", max_length=300, blank=True),
            },
            languages=(),
            default=DEFAULT,
        ),
    ]
