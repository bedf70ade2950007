"""methodology 0005 and feedback 0005: texts move from a column per language to one JSON
object per text, and every translation survives, both ways; themes (programmes 0005),
programmes (0006), visit tasks (visits 0011) and calls (calls 0012, 0013) move from a single column,
which becomes the English."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citypeers.feedback.services.templates import house_templates_load
from citypeers.methodology.models import StepTemplate
from citypeers.methodology.services.loader import load_methodology
from tests.factories import CallFactory, ProgrammeFactory, UserFactory, VisitPlanFactory
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


def _texts(row, *names: str) -> tuple:
    return tuple(row._meta.get_field(name).translations(row) for name in names)


@pytest.mark.django_db(transaction=True)
def test_a_programmes_name_becomes_its_english_and_comes_back(back_to_the_latest_migrations):  # noqa: F811
    before = [("programmes", "0005_theme_texts_translated")]
    programmes = migrate(before).get_model("programmes", "Programme")
    for slug, name, description in [
        ("chia-2021", "Cultural Heritage in Action 2021", "Peer learning for small cities."),
        ("tampere", "Tampere's walks", ""),
    ]:
        programmes.objects.create(
            slug=slug,
            name=name,
            description=description,
            starts_on=datetime.date(2021, 1, 1),
            ends_on=datetime.date(2021, 12, 31),
        )

    new = migrate([("programmes", "0006_programme_texts_translated")])
    rows = {
        row.slug: _texts(row, "name", "description")
        for row in new.get_model("programmes", "Programme").objects.all()
    }
    assert rows == {
        "chia-2021": (
            {"en": "Cultural Heritage in Action 2021"},
            {"en": "Peer learning for small cities."},
        ),
        "tampere": ({"en": "Tampere's walks"}, {}),
    }

    back = migrate(before).get_model("programmes", "Programme")
    assert sorted(back.objects.values_list("slug", "name", "description")) == [
        ("chia-2021", "Cultural Heritage in Action 2021", "Peer learning for small cities."),
        ("tampere", "Tampere's walks", ""),
    ]


@pytest.mark.django_db(transaction=True)
def test_a_tasks_texts_become_its_english_and_its_steps_other_languages(
    back_to_the_latest_migrations,  # noqa: F811
):
    """visits 0011: every task keeps its text as its English; a task still as its step wrote it
    takes the step's other languages, text by text; back, the English is the column again."""
    plan = VisitPlanFactory()  # its version's one step: "Close the call", by today's models
    StepTemplate.objects.filter(version=plan.template_version).update(
        title={"en": "Close the call", "fr": "Clore l'appel"},
        deliverable={"en": "Applications", "fr": "Les candidatures"},
        checklist={"en": "Every application complete\n", "fr": "Chaque candidature complète"},
    )
    before = [("visits", "0010_session_resources")]
    tasks = migrate(before).get_model("visits", "VisitTask")
    common = {"visit_id": plan.visit_id, "phase": 4, "due_on": datetime.date(2027, 2, 8)}
    old_rows = [
        ("Close the call", "Applications", "Every application complete"),  # as the step
        ("Close the call", "Every application, read", "Every application complete"),  # reworded
        ("Book the rooms", "", "Main hall\nBreakout rooms"),  # the team's own
    ]
    made = [
        tasks.objects.create(
            position=n,
            role="coordinator",
            title=title,
            deliverable=deliverable,
            checklist=checklist,
            **common,
        ).pk
        for n, (title, deliverable, checklist) in enumerate(old_rows)
    ]

    new = migrate([("visits", "0011_task_texts_translated")]).get_model("visits", "VisitTask")
    rows = [_texts(new.objects.get(pk=pk), "title", "deliverable", "checklist") for pk in made]
    assert rows == [
        (
            {"en": "Close the call", "fr": "Clore l'appel"},
            {"en": "Applications", "fr": "Les candidatures"},
            {"en": "Every application complete", "fr": "Chaque candidature complète"},
        ),
        (
            {"en": "Close the call", "fr": "Clore l'appel"},
            {"en": "Every application, read"},
            {"en": "Every application complete", "fr": "Chaque candidature complète"},
        ),
        ({"en": "Book the rooms"}, {}, {"en": "Main hall\nBreakout rooms"}),
    ]
    assert list(new.objects.filter(pk__in=made).values_list("ticked", flat=True)) == [[]] * 3

    back = migrate(before).get_model("visits", "VisitTask")
    assert [
        back.objects.values_list("title", "deliverable", "checklist").get(pk=pk) for pk in made
    ] == old_rows


@pytest.mark.django_db(transaction=True)
def test_a_calls_texts_and_questions_become_english_and_answers_still_match(
    back_to_the_latest_migrations,  # noqa: F811
):
    """calls 0012 and 0013: each text becomes its English, choices one a line a list; answers
    keep the choice's label, so they still name a choice; a consent given to the call's current
    text keeps that text; all of it comes back."""
    made = CallFactory()  # by today's models, with the programme it needs
    applicant, earlier = UserFactory(), UserFactory()
    before = [("calls", "0011_consent_text_for_every_kind_of_call")]
    old = migrate(before)
    calls = old.get_model("calls", "Call")
    calls.objects.filter(pk=made.pk).update(
        title="Heritage in action",
        description="Visits.\n\nTwo of them.",
        eligibility_text="Cities.",
        consent_text="I agree.",
        consent_version=2,
    )
    question = old.get_model("calls", "Question").objects.create(
        call_id=made.pk,
        kind="single_choice",
        label="How big is your city?",
        help_text="Inhabitants.",
        choices="Small\n  Large  \n\n",
    )
    applications = old.get_model("calls", "Application")
    answered = applications.objects.create(
        call_id=made.pk,
        applicant_id=applicant.pk,
        answers={str(question.pk): "Large"},
        consent_version=2,
        consented_at=made.opens_at,
    )
    applications.objects.create(
        call_id=made.pk, applicant_id=earlier.pk, consent_version=1, consented_at=made.opens_at
    )

    new = migrate([("calls", "0013_question_choices_per_language")])
    call = new.get_model("calls", "Call").objects.get(pk=made.pk)
    texts = {
        name: call._meta.get_field(name).translations(call)
        for name in ("title", "description", "eligibility_text", "consent_text")
    }
    assert texts == {
        "title": {"en": "Heritage in action"},
        "description": {"en": "Visits.\n\nTwo of them."},
        "eligibility_text": {"en": "Cities."},
        "consent_text": {"en": "I agree."},
    }
    asked = new.get_model("calls", "Question").objects.get(pk=question.pk)
    field = asked._meta.get_field
    assert (
        field("label").translations(asked),
        field("help_text").translations(asked),
        field("choices").translations(asked),
    ) == ({"en": "How big is your city?"}, {"en": "Inhabitants."}, {"en": ["Small", "Large"]})
    kept = new.get_model("calls", "Application").objects.get(pk=answered.pk)
    assert kept.answers == {str(question.pk): "Large"}  # still the English label of a choice
    consents = new.get_model("calls", "Application").objects.order_by("pk")
    assert list(consents.values_list("consent_text", "consent_language")) == [
        ("I agree.", "en"),
        ("", ""),  # consented to an earlier version, whose wording is gone
    ]

    back = migrate(before)
    call = back.get_model("calls", "Call").objects.get(pk=made.pk)
    assert (call.title, call.description, call.eligibility_text, call.consent_text) == (
        "Heritage in action",
        "Visits.\n\nTwo of them.",
        "Cities.",
        "I agree.",
    )
    asked = back.get_model("calls", "Question").objects.get(pk=question.pk)
    assert (asked.label, asked.help_text, asked.choices) == (
        "How big is your city?",
        "Inhabitants.",
        "Small\nLarge",
    )
    assert back.get_model("calls", "Application").objects.get(pk=answered.pk).answers == {
        str(question.pk): "Large"
    }


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
