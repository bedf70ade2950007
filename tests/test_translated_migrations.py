"""methodology 0005 and feedback 0005: texts move from a column per language to one JSON
object per text, and every translation survives, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citypeers.feedback.services.templates import house_templates_load
from citypeers.methodology.services.loader import load_methodology
from tests.factories import ProgrammeFactory
from tests.test_migrations import back_to_the_latest_migrations  # noqa: F401 (a fixture)

BEFORE = [("methodology", "0004_agenda_days_placement_rules"), ("feedback", "0004_lessons")]
AFTER = [("methodology", "0005_texts_as_json"), ("feedback", "0005_texts_as_json")]
TEXTS = {
    ("methodology", "ActivityFormat"): (
        "name summary purpose when onsite online hybrid materials accessibility pitfalls"
    ).split(),
    ("methodology", "FormatStep"): ["text"],
    ("methodology", "VisitTemplate"): ["name", "summary"],
    ("methodology", "StepTemplate"): ["title", "deliverable", "checklist"],
    ("feedback", "SurveyTemplate"): ["title"],
    ("feedback", "SurveyTemplateVersion"): ["introduction"],
    ("feedback", "Question"): ["text", "help_text", "choices"],
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def columns(apps) -> dict:
    """Every translation in the per-language columns: (model, pk, text, language) -> value."""
    found = {}
    for (app, model), names in TEXTS.items():
        for row in apps.get_model(app, model).objects.all():
            for name in names:
                for language in ("en", "fr"):
                    if value := getattr(row, f"{name}_{language}"):
                        found[(model, row.pk, name, language)] = value
    return found


def json_objects(apps) -> dict:
    """Every translation in the JSON objects, keyed like `columns`."""
    found = {}
    for (app, model), names in TEXTS.items():
        for row in apps.get_model(app, model).objects.all():
            for name in names:
                for language, value in row._meta.get_field(name).translations(row).items():
                    found[(model, row.pk, name, language)] = value
    return found


@pytest.mark.django_db(transaction=True)
def test_every_translation_survives_the_move_to_json_and_back(back_to_the_latest_migrations):  # noqa: F811
    load_methodology()
    house_templates_load()
    old = migrate(BEFORE)
    # A coordinator's French-only edit, as the old columns held it.
    step = old.get_model("methodology", "StepTemplate").objects.first()
    step.deliverable_fr, step.deliverable_en = "Un livrable", None
    step.save()
    before = columns(old)
    assert sum(1 for key in before if key[3] == "fr") > 500  # the shipped French is there
    assert before[("StepTemplate", step.pk, "deliverable", "fr")] == "Un livrable"

    after = json_objects(migrate(AFTER))
    assert after == before  # every translation, each in its language, nothing added

    assert columns(migrate(BEFORE)) == before  # and back again


@pytest.mark.django_db(transaction=True)
def test_a_themes_name_becomes_its_english_and_comes_back(back_to_the_latest_migrations):  # noqa: F811
    before = [("programmes", "0004_programme_data_licence")]
    old = migrate(before)
    themes = old.get_model("programmes", "Theme")
    themes.objects.create(name="Adaptive reuse", slug="adaptive-reuse", description="Old walls.")
    themes.objects.create(name="Participation", slug="participation", description="")

    new = migrate([("programmes", "0005_theme_texts_translated")])
    rows = {
        theme.slug: (
            theme._meta.get_field("name").translations(theme),
            theme._meta.get_field("description").translations(theme),
        )
        for theme in new.get_model("programmes", "Theme").objects.all()
    }
    assert rows == {
        "adaptive-reuse": ({"en": "Adaptive reuse"}, {"en": "Old walls."}),
        "participation": ({"en": "Participation"}, {}),
    }

    back = migrate(before).get_model("programmes", "Theme")
    assert sorted(back.objects.values_list("slug", "name", "description")) == [
        ("adaptive-reuse", "Adaptive reuse", "Old walls."),
        ("participation", "Participation", ""),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_practices_texts_stay_in_its_own_language_with_its_history(
    back_to_the_latest_migrations,  # noqa: F811
):
    """catalogue 0003: each practice's texts go under its own `language` (an Italian practice's
    under "it", not "en"), in the practice and in its history rows, and come back."""
    programme = ProgrammeFactory()  # by today's models, as the practices' tables expect it
    before = [("catalogue", "0002_languages_offered")]
    old = migrate(before)
    practices = old.get_model("catalogue", "Practice")
    common = {"programme_id": programme.pk, "type": "project", "status": "draft"}
    practices.objects.create(
        **common,
        slug="adotta-un-monumento",
        language="it",
        title="Adotta un monumento",
        tagline="I cittadini curano i siti.",
        summary="Un patto tra comune e residenti.",
        image_alt="Il mulino",
    )
    practices.objects.create(
        **common, slug="night-ferries", language="en", title="Night ferries", tagline="", summary=""
    )
    old.get_model("catalogue", "HistoricalPractice").objects.create(
        **common,
        id=1,
        slug="adotta-un-monumento",
        language="it",
        title="Adotta un sito",
        tagline="Prima versione.",
        summary="",
        created_at="2021-03-01T09:00:00Z",
        history_date="2021-03-01T09:00:00Z",
        history_type="+",
    )

    new = migrate([("catalogue", "0003_practice_texts_translated")])

    def texts(model, *names):
        return {
            row.slug: {name: model._meta.get_field(name).translations(row) for name in names}
            for row in model.objects.all()
        }

    assert texts(new.get_model("catalogue", "Practice"), "title", "tagline", "image_alt") == {
        "adotta-un-monumento": {
            "title": {"it": "Adotta un monumento"},
            "tagline": {"it": "I cittadini curano i siti."},
            "image_alt": {"it": "Il mulino"},
        },
        "night-ferries": {"title": {"en": "Night ferries"}, "tagline": {}, "image_alt": {}},
    }
    assert texts(new.get_model("catalogue", "HistoricalPractice"), "title", "tagline") == {
        "adotta-un-monumento": {
            "title": {"it": "Adotta un sito"},
            "tagline": {"it": "Prima versione."},
        }
    }

    back = migrate(before)
    assert sorted(
        back.get_model("catalogue", "Practice").objects.values_list("slug", "title", "summary")
    ) == [
        ("adotta-un-monumento", "Adotta un monumento", "Un patto tra comune e residenti."),
        ("night-ferries", "Night ferries", ""),
    ]
    assert list(
        back.get_model("catalogue", "HistoricalPractice").objects.values_list("title", "tagline")
    ) == [("Adotta un sito", "Prima versione.")]
