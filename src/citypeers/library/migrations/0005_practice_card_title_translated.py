"""A library card's title in every language of its practice's (catalogue 0003), so the title
order follows the reader's language."""

from django.db import migrations

from citypeers.core.translated import TranslatedField
from citypeers.core.translated_migrations import columns_to_json


def titles_from_practices(apps, schema_editor):
    """Each card takes every translation of its practice's title (the column held one)."""
    using = schema_editor.connection.alias
    cards = apps.get_model("library", "PracticeCard")
    practices = apps.get_model("catalogue", "Practice")
    titles = dict(practices.objects.using(using).values_list("pk", "title"))
    changed = []
    for card in cards.objects.using(using).all():
        card.title = titles.get(card.practice_id) or card.title
        changed.append(card)
    cards.objects.using(using).bulk_update(changed, ["title"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0004_report_cards"),
        ("catalogue", "0003_practice_texts_translated"),
    ]

    operations = [
        *columns_to_json(
            "library",
            "practicecard",
            {"title": TranslatedField(max_length=200, verbose_name="title")},
            languages=(),
        ),
        migrations.RunPython(titles_from_practices, migrations.RunPython.noop),
    ]
