"""A good practice's texts in every language (core.translated). Each practice was written in
one language, its `language`: today's texts become that language's, in the practices and in
their history (simple-history's rows keep their texts too), and going back restores them."""

from django.db import migrations, models

import citypeers.core.languages
from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


def texts() -> dict:
    """The new fields; the historical model gets its own instances of the same."""
    return {
        "title": TranslatedField(max_length=200, verbose_name="title"),
        "tagline": TranslatedField(
            help_text="One line that says what the practice is.",
            max_length=300,
            verbose_name="tagline",
        ),
        "summary": TranslatedField(help_text="Markdown.", multiline=True, verbose_name="summary"),
        "context": TranslatedField(
            blank=True, multiline=True, verbose_name="context and challenge"
        ),
        "activities": TranslatedField(
            blank=True, help_text="Steps or timeline.", multiline=True, verbose_name="what was done"
        ),
        "governance": TranslatedField(
            blank=True, multiline=True, verbose_name="governance and partners"
        ),
        "resources": TranslatedField(
            blank=True, multiline=True, verbose_name="budget and resources"
        ),
        "results": TranslatedField(
            blank=True, help_text="With figures.", multiline=True, verbose_name="results and impact"
        ),
        "lessons": TranslatedField(blank=True, multiline=True, verbose_name="lessons learned"),
        "transferability": TranslatedField(
            blank=True,
            help_text="Conditions, and what others can re-use.",
            multiline=True,
            verbose_name="transferability",
        ),
        "image_alt": TranslatedField(
            blank=True,
            help_text="What the image shows, for people who cannot see it.",
            max_length=300,
            verbose_name="image description",
        ),
    }


def language() -> models.CharField:
    return models.CharField(
        choices=citypeers.core.languages.offered_languages,
        default="en",
        max_length=10,
        verbose_name="written in",
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_languages_offered")]

    operations = [
        migrations.AlterModelOptions(
            name="practice",
            options={
                "ordering": ["-published_at", "slug"],
                "verbose_name": "good practice",
                "verbose_name_plural": "good practices",
            },
        ),
        migrations.AlterField(model_name="practice", name="language", field=language()),
        migrations.AlterField(model_name="historicalpractice", name="language", field=language()),
        *columns_to_json("catalogue", "practice", texts(), languages=(), default_from="language"),
        *columns_to_json(
            "catalogue", "historicalpractice", texts(), languages=(), default_from="language"
        ),
    ]
