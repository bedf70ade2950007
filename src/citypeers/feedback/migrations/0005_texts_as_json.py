"""Survey texts in one JSON object per text (core.translated), instead of
django-modeltranslation's column per language; every translation is kept."""

from django.db import migrations

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


class Migration(migrations.Migration):
    dependencies = [("feedback", "0004_lessons")]

    operations = [
        *columns_to_json(
            "feedback",
            "surveytemplate",
            {"title": TranslatedField(verbose_name="title", max_length=200)},
        ),
        *columns_to_json(
            "feedback",
            "surveytemplateversion",
            {
                "introduction": TranslatedField(
                    verbose_name="introduction", blank=True, multiline=True
                )
            },
        ),
        *columns_to_json(
            "feedback",
            "question",
            {
                "text": TranslatedField(verbose_name="question", max_length=300),
                "help_text": TranslatedField(verbose_name="help", max_length=300, blank=True),
                "choices": TranslatedField(verbose_name="choices", blank=True, text=False),
            },
        ),
    ]
