"""Saving a format: its steps add up to its usual length, every language typed is kept and
those the platform does not offer survive, a deleted step takes only its own translations, a
new format goes last in the guide under an address of its own."""

import pytest
from django.utils import translation

from citypeers.core.errors import MethodologyError
from citypeers.core.languages import offered_codes
from citypeers.core.models import AuditEntry
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.models.formats import FORMAT_TEXTS
from citypeers.methodology.services.formats import format_save
from tests.factories import ActivityFormatFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def figures(activity, **changes):
    names = ("stage", "modes", "roles", "min_group", "max_group")
    names += ("min_minutes", "max_minutes", "default_minutes")
    return {name: getattr(activity, name) for name in names} | changes


def texts(activity, **changes):
    """Every text in the offered languages, as the form gives them, with `changes` ({language:
    text}) typed over them."""
    offered = set(offered_codes())
    texts = {
        name: {
            code: text for code, text in translations_of(activity, name).items() if code in offered
        }
        for name in FORMAT_TEXTS
    }
    return texts | {name: {**texts[name], **typed} for name, typed in changes.items()}


def steps_of(activity, **typed):
    """The steps as the form gives them, with step i's text typed over by `typed["s<i>"]`."""
    return [
        {
            "id": step.pk,
            "minutes": step.minutes,
            "text": translations_of(step, "text") | typed.get(f"s{number}", {}),
        }
        for number, step in enumerate(activity.steps.all())
    ]


def save(activity, by, *, steps, figures_changes=None, **text_changes):
    return format_save(
        activity=activity,
        by=by,
        figures=figures(activity, **(figures_changes or {})),
        texts=texts(activity, **text_changes),
        steps=steps,
    )


def test_steps_that_do_not_add_up_to_the_usual_length_are_refused_at_that_field(coordinator):
    activity = ActivityFormatFactory()  # 15 + 30 = 45 minutes
    steps = [{"minutes": 15, "text": {"en": "Welcome"}}, {"minutes": 40, "text": {"en": "Talk"}}]
    with pytest.raises(MethodologyError) as refused:
        save(activity, coordinator, steps=steps, name={"en": "Renamed"})
    assert refused.value.field == "default_minutes"
    assert str(refused.value.message) == (
        "The steps add up to 55 minutes, but the usual length is 45."
    )
    activity.refresh_from_db()
    assert text_in(activity, "name", "en") != "Renamed"
    assert [step.minutes for step in activity.steps.all()] == [15, 30]


def test_a_new_usual_length_is_saved_with_steps_that_add_up_to_it(coordinator):
    activity = ActivityFormatFactory()
    steps = [{"minutes": 20, "text": {"en": "Welcome"}}, {"minutes": 40, "text": {"en": "Talk"}}]
    save(activity, coordinator, steps=steps, figures_changes={"default_minutes": 60})
    activity.refresh_from_db()
    assert activity.default_minutes == 60
    assert [(s.minutes, text_in(s, "text", "en")) for s in activity.steps.all()] == [
        (20, "Welcome"),
        (40, "Talk"),
    ]


def test_a_format_without_steps_keeps_any_usual_length(coordinator):
    activity = ActivityFormatFactory(steps=[45])
    save(activity, coordinator, steps=[], figures_changes={"default_minutes": 60})
    activity.refresh_from_db()
    assert activity.default_minutes == 60
    assert not activity.steps.exists()


def test_steps_removed_are_deleted_and_added_ones_are_appended(coordinator):
    activity = ActivityFormatFactory(steps=[15, 15, 15])
    [first, *_rest] = steps_of(activity)
    save(activity, coordinator, steps=[first | {"minutes": 45, "text": {"en": "All at once"}}])
    assert [(s.position, s.minutes) for s in activity.steps.all()] == [(0, 45)]
    three = [{"minutes": 15, "text": {"en": text}} for text in ("One", "Two", "Three")]
    save(activity, coordinator, steps=three)
    assert [text_in(s, "text", "en") for s in activity.steps.all()] == ["One", "Two", "Three"]


def test_french_and_german_saved_together_are_both_kept_and_the_others_untouched(coordinator):
    activity = ActivityFormatFactory(name_fr="Marche en binômes", summary_it="Un riassunto.")
    english = translations_of(activity, "name")["en"]
    steps = steps_of(activity, s0={"fr": "Accueil", "de": "Willkommen"})
    save(
        activity,
        coordinator,
        steps=steps,
        name={"fr": "Marche à deux", "de": "Paarlauf"},
        purpose={"de": "Lernen."},
    )
    activity.refresh_from_db()
    assert translations_of(activity, "name") == {
        "en": english,
        "fr": "Marche à deux",
        "de": "Paarlauf",
    }
    assert translations_of(activity, "purpose") == {"en": "To learn.", "de": "Lernen."}
    assert translations_of(activity, "summary") == {
        "en": "A way to learn together.",
        "it": "Un riassunto.",
    }
    assert [translations_of(s, "text") for s in activity.steps.all()] == [
        {"en": "Step 1", "fr": "Accueil", "de": "Willkommen"},
        {"en": "Step 2"},
    ]


def test_a_language_emptied_in_the_form_is_removed(coordinator):
    activity = ActivityFormatFactory(name_fr="Marche en binômes")
    save(activity, coordinator, steps=steps_of(activity), name={"fr": ""})
    activity.refresh_from_db()
    assert "fr" not in translations_of(activity, "name")


def test_a_language_the_platform_does_not_offer_survives_a_save(coordinator):
    activity = ActivityFormatFactory(name_is="Paraganga", purpose_is="Að læra.")
    step = activity.steps.first()
    step.text = {"en": "Step 1", "is": "Skref 1"}
    step.save()
    save(
        activity, coordinator, steps=steps_of(activity, s0={"en": "Welcome"}), name={"en": "Pairs"}
    )
    activity.refresh_from_db()
    assert translations_of(activity, "name") == {"is": "Paraganga", "en": "Pairs"}
    assert translations_of(activity, "purpose")["is"] == "Að læra."
    assert translations_of(activity.steps.first(), "text") == {"is": "Skref 1", "en": "Welcome"}


def test_a_deleted_step_does_not_hand_its_translations_to_the_next(coordinator):
    activity = ActivityFormatFactory(steps=[10, 15, 20])
    for number, step in enumerate(activity.steps.all(), start=1):
        step.text = {"en": f"Step {number}", "is": f"Skref {number}"}
        step.save()
    first, _second, third = steps_of(activity)
    save(activity, coordinator, steps=[first, third | {"minutes": 35}])
    assert [(s.position, s.minutes, translations_of(s, "text")) for s in activity.steps.all()] == [
        (0, 10, {"en": "Step 1", "is": "Skref 1"}),
        (1, 35, {"en": "Step 3", "is": "Skref 3"}),
    ]


def test_a_step_named_by_another_formats_id_is_added_as_a_new_one(coordinator):
    activity = ActivityFormatFactory(steps=[45])
    other = ActivityFormatFactory().steps.first()
    save(activity, coordinator, steps=[{"id": other.pk, "minutes": 45, "text": {"en": "Mine"}}])
    assert [text_in(s, "text", "en") for s in activity.steps.all()] == ["Mine"]
    other.refresh_from_db()
    assert text_in(other, "text", "en") == "Step 1"


def test_a_new_format_goes_last_under_an_address_made_from_its_english_name(coordinator):
    ActivityFormatFactory(position=7)
    taken = ActivityFormatFactory(slug="story-circle", position=3)
    activity = ActivityFormat(**figures(taken))
    steps = [{"minutes": 45, "text": {"en": "Tell"}}]
    with translation.override("fr"):
        format_save(
            activity=activity,
            by=coordinator,
            figures=figures(taken),
            texts={
                "name": {"fr": "Cercle d'histoires", "en": "Story circle"},
                "summary": {"en": "Stories."},
                "purpose": {"en": "P."},
                "when": {"en": "W."},
            },
            steps=steps,
        )
    assert activity.slug not in ("story-circle", "")
    assert activity.slug.startswith("story-circle")
    assert activity.position == 8
    saved = ActivityFormat.objects.get(slug=activity.slug)
    assert translations_of(saved, "name") == {"fr": "Cercle d'histoires", "en": "Story circle"}


def test_an_edit_is_recorded_with_what_changed_in_each_language_and_who_changed_it(
    coordinator,
):
    activity = ActivityFormatFactory(name_fr="Marche")
    english = text_in(activity, "name", "en")
    save(
        activity,
        coordinator,
        steps=steps_of(activity),
        figures_changes={"max_group": 40},
        name={"en": "Pairs", "fr": "", "de": "Paare"},
    )
    entry = AuditEntry.objects.get(action="format.edited", object_id=str(activity.pk))
    assert entry.actor == coordinator
    assert entry.changes == {
        "max_group": "40",
        "name": f"en: {english} -> Pairs; fr: Marche -> ; de:  -> Paare",
    }


@pytest.mark.django_db(transaction=True)
def test_two_new_formats_of_one_name_saved_at_once_each_get_an_address(coordinator):
    """The second takes the next free address (on PostgreSQL it met the first's on the unique
    index and failed with an error page)."""
    model = ActivityFormatFactory(slug="model")

    def add():
        return format_save(
            activity=ActivityFormat(**figures(model)),
            by=coordinator,
            figures=figures(model),
            texts=texts(model, name={"en": "Story circle"}),
            steps=[{"minutes": 45, "text": {"en": "Tell"}}],
        )

    first, second = race(add, add, hold_after="citypeers.methodology.services.formats.log_action")
    assert (first.error, second.error) == (None, None)
    assert (first.result.slug, second.result.slug) == ("story-circle", "story-circle-2")
