"""A programme's name and description in every language (core.translated): today's text
becomes its English, the language programmes were written in."""

from django.db import migrations

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


class Migration(migrations.Migration):
    dependencies = [("programmes", "0005_theme_texts_translated")]

    operations = [
        migrations.AlterModelOptions(
            name="programme",
            options={
                "ordering": ["-starts_on", "slug"],
                "verbose_name": "programme",
                "verbose_name_plural": "programmes",
            },
        ),
        *columns_to_json(
            "programmes",
            "programme",
            {
                "name": TranslatedField(verbose_name="name", max_length=200),
                "description": TranslatedField(
                    verbose_name="description", blank=True, multiline=True
                ),
            },
            languages=(),
        ),
    ]
