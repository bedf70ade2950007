"""Every text of formats and templates in one JSON object per text (core.translated), instead
of django-modeltranslation's column per language; every translation is kept."""

from django.db import migrations

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


def line(label, max_length, **kwargs):
    return TranslatedField(verbose_name=label, max_length=max_length, **kwargs)


def text(label, **kwargs):
    return TranslatedField(verbose_name=label, multiline=True, **kwargs)


class Migration(migrations.Migration):
    dependencies = [("methodology", "0004_agenda_days_placement_rules")]

    operations = [
        *columns_to_json(
            "methodology",
            "activityformat",
            {
                "name": line("name", 120),
                "summary": line("summary", 300),
                "purpose": text("purpose"),
                "when": text("when it fits"),
                "onsite": text("onsite", blank=True),
                "online": text("online", blank=True),
                "hybrid": text("hybrid", blank=True),
                "materials": text("materials and tools", blank=True),
                "accessibility": text("accessibility, language and inclusion", blank=True),
                "pitfalls": text("typical pitfalls", blank=True),
            },
        ),
        *columns_to_json("methodology", "formatstep", {"text": text("what happens")}),
        *columns_to_json(
            "methodology",
            "visittemplate",
            {"name": line("name", 120), "summary": text("summary")},
        ),
        *columns_to_json(
            "methodology",
            "steptemplate",
            {
                "title": line("step", 200),
                "deliverable": line("deliverable", 200, blank=True),
                "checklist": text("checklist", blank=True, help_text="One item a line."),
            },
        ),
    ]
