"""A theme's name and description in every language (core.translated): today's text becomes
its English, the language themes were written in."""

from django.db import migrations, models

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


class Migration(migrations.Migration):
    dependencies = [("programmes", "0004_programme_data_licence")]

    operations = [
        migrations.AlterModelOptions(
            name="theme",
            options={"ordering": ["slug"], "verbose_name": "theme", "verbose_name_plural": "themes"},
        ),
        # Names stay unique by slug; the old column's own uniqueness goes first, so that going
        # back restores it only once every name is written again.
        migrations.AlterField(
            model_name="theme",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        *columns_to_json(
            "programmes",
            "theme",
            {
                "name": TranslatedField(verbose_name="name", max_length=200),
                "description": TranslatedField(
                    verbose_name="description", blank=True, multiline=True
                ),
            },
            languages=(),
        ),
    ]
