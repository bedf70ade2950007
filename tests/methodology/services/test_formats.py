"""Saving a format: its steps add up to its usual length, one language is edited at a time, a
new format goes last in the guide under an address of its own."""

import pytest

from citypeers.core.errors import MethodologyError
from citypeers.core.models import AuditEntry
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.services.formats import format_save
from tests.factories import ActivityFormatFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def figures(activity, **changes):
    names = ("stage", "modes", "roles", "min_group", "max_group")
    names += ("min_minutes", "max_minutes", "default_minutes")
    return {name: getattr(activity, name) for name in names} | changes


def texts(activity, language="en", **changes):
    names = ("name", "summary", "purpose", "when", "onsite", "online", "hybrid")
    names += ("materials", "accessibility", "pitfalls")
    texts = {name: translations_of(activity, name) for name in names}
    return texts | {name: {**texts[name], language: value} for name, value in changes.items()}


def save(activity, by, *, language="en", steps, figures_changes=None, **text_changes):
    return format_save(
        activity=activity,
        by=by,
        language=language,
        figures=figures(activity, **(figures_changes or {})),
        texts=texts(activity, language, **text_changes),
        steps=steps,
    )


def test_steps_that_do_not_add_up_to_the_usual_length_are_refused_at_that_field(coordinator):
    activity = ActivityFormatFactory()  # 15 + 30 = 45 minutes
    steps = [{"minutes": 15, "text": "Welcome"}, {"minutes": 40, "text": "Talk"}]
    with pytest.raises(MethodologyError) as refused:
        save(activity, coordinator, steps=steps, name="Renamed")
    assert refused.value.field == "default_minutes"
    assert str(refused.value.message) == (
        "The steps add up to 55 minutes, but the usual length is 45."
    )
    activity.refresh_from_db()
    assert text_in(activity, "name", "en") != "Renamed"
    assert [step.minutes for step in activity.steps.all()] == [15, 30]


def test_a_new_usual_length_is_saved_with_steps_that_add_up_to_it(coordinator):
    activity = ActivityFormatFactory()
    steps = [{"minutes": 20, "text": "Welcome"}, {"minutes": 40, "text": "Talk"}]
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


def test_steps_removed_from_the_end_are_deleted_and_added_ones_are_appended(coordinator):
    activity = ActivityFormatFactory(steps=[15, 15, 15])
    save(activity, coordinator, steps=[{"minutes": 45, "text": "All at once"}])
    assert [(s.position, s.minutes) for s in activity.steps.all()] == [(0, 45)]
    three = [{"minutes": 15, "text": text} for text in ("One", "Two", "Three")]
    save(activity, coordinator, steps=three)
    assert [text_in(s, "text", "en") for s in activity.steps.all()] == ["One", "Two", "Three"]


def test_a_french_edit_keeps_the_english_and_steps_left_as_shown_stay_untranslated(
    coordinator,
):
    activity = ActivityFormatFactory()
    english_steps = [text_in(s, "text", "en") for s in activity.steps.all()]
    # What the French form shows: the English to start from, where no French exists yet.
    steps = [
        {"minutes": 15, "text": "Accueil"},
        {"minutes": 30, "text": english_steps[1]},  # left as the English shown
    ]
    save(activity, coordinator, language="fr", steps=steps, name="Marche à deux")
    activity.refresh_from_db()
    assert text_in(activity, "name", "fr") == "Marche à deux"
    assert text_in(activity, "name", "en").startswith("Format")  # the English is not touched
    assert [
        (text_in(s, "text", "en"), text_in(s, "text", "fr") or "") for s in activity.steps.all()
    ] == [
        (english_steps[0], "Accueil"),
        (english_steps[1], ""),
    ]


def test_a_french_text_can_be_corrected_back_to_the_same_words_as_the_english(coordinator):
    """Only a *missing* translation left as the English stays missing; an existing one is kept."""
    activity = ActivityFormatFactory(name_fr="Nom français")
    steps = [{"minutes": 15, "text": "Un"}, {"minutes": 30, "text": "Deux"}]
    save(activity, coordinator, language="fr", steps=steps, name=text_in(activity, "name", "en"))
    activity.refresh_from_db()
    assert text_in(activity, "name", "fr") == text_in(activity, "name", "en")


def test_a_new_format_goes_last_under_an_address_made_from_its_name(coordinator):
    ActivityFormatFactory(position=7)
    taken = ActivityFormatFactory(slug="story-circle", position=3)
    activity = ActivityFormat(**figures(taken))
    steps = [{"minutes": 45, "text": "Tell"}]
    format_save(
        activity=activity,
        by=coordinator,
        language="en",
        figures=figures(taken),
        texts=texts(taken, name="Story circle", summary="Stories.", purpose="P.", when="W."),
        steps=steps,
    )
    assert activity.slug not in ("story-circle", "")
    assert activity.slug.startswith("story-circle")
    assert activity.position == 8
    assert text_in(ActivityFormat.objects.get(slug=activity.slug), "name", "en") == "Story circle"


def test_an_edit_is_recorded_with_what_changed_and_who_changed_it(coordinator):
    activity = ActivityFormatFactory()
    steps = [{"minutes": 15, "text": "Step 1"}, {"minutes": 30, "text": "Step 2"}]
    save(activity, coordinator, steps=steps, figures_changes={"max_group": 40}, name="Pairs")
    entry = AuditEntry.objects.get(action="format.edited", object_id=str(activity.pk))
    assert entry.actor == coordinator
    assert entry.changes == {"max_group": "40", "name": "Pairs", "language": "en"}


@pytest.mark.django_db(transaction=True)
def test_two_new_formats_of_one_name_saved_at_once_each_get_an_address(coordinator):
    """The second takes the next free address (on PostgreSQL it met the first's on the unique
    index and failed with an error page)."""
    model = ActivityFormatFactory(slug="model")

    def add():
        return format_save(
            activity=ActivityFormat(**figures(model)),
            by=coordinator,
            language="en",
            figures=figures(model),
            texts=texts(model, name="Story circle", summary="S.", purpose="P.", when="W."),
            steps=[{"minutes": 45, "text": "Tell"}],
        )

    first, second = race(add, add, hold_after="citypeers.methodology.services.formats.log_action")
    assert (first.error, second.error) == (None, None)
    assert (first.result.slug, second.result.slug) == ("story-circle", "story-circle-2")
