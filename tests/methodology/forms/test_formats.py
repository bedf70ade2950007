"""A format's form: filters that ignore a wrong value, figures that must make sense, texts in
every language side by side, each required one written in one language at least."""

import pytest
from django.utils import translation

from citypeers.core.translated import translations_of
from citypeers.methodology.forms.formats import (
    FormatFilterForm,
    FormatForm,
    FormatStepFormSet,
    step_initial,
)
from citypeers.methodology.models.formats import FORMAT_TEXTS
from tests.factories import ActivityFormatFactory

pytestmark = pytest.mark.django_db


def test_filters_keep_the_right_values_and_ignore_the_wrong_ones():
    form = FormatFilterForm({"mode": "online", "group_size": "1", "duration": "45"})
    assert form.filters() == {"mode": "online", "duration": 45}
    assert "group_size" in form.errors
    assert FormatFilterForm({"mode": "by-pigeon"}).filters() == {}


def data(activity, texts=None, **changes):
    """What the page posts for `activity`: its figures, and each text's languages
    (`name_en`, `name_fr`…), with `texts` ({name: {language: text}}) typed over them."""
    figures = ("stage", "min_group", "max_group", "min_minutes", "max_minutes", "default_minutes")
    posted = {name: getattr(activity, name) for name in figures}
    posted |= {"modes": activity.modes, "roles": activity.roles}
    for name in FORMAT_TEXTS:
        typed = translations_of(activity, name) | (texts or {}).get(name, {})
        posted |= {f"{name}_{code}": text for code, text in typed.items()}
    return posted | changes


def test_a_largest_group_smaller_than_the_smallest_is_refused_at_the_largest():
    activity = ActivityFormatFactory()
    form = FormatForm(data(activity, min_group=20, max_group=10), instance=activity)
    assert form.errors == {"max_group": ["The largest group cannot be smaller than the smallest."]}


def test_a_usual_length_outside_the_shortest_and_longest_is_refused_at_the_usual_length():
    activity = ActivityFormatFactory()
    form = FormatForm(data(activity, default_minutes=120), instance=activity)
    assert form.errors == {
        "default_minutes": ["The usual length must lie between the shortest and the longest."]
    }


def test_a_required_text_empty_in_every_language_is_refused_at_its_field():
    activity = ActivityFormatFactory(purpose_fr="Apprendre.")
    empty = FormatForm(data(activity, {"purpose": {"en": "", "fr": " "}}), instance=activity)
    assert empty.errors == {"purpose": ["Write it in at least one language."]}
    french_only = FormatForm(data(activity, {"purpose": {"en": ""}}), instance=activity)
    assert french_only.is_valid(), french_only.errors
    assert french_only.texts()["purpose"] == {"fr": "Apprendre."}


def test_an_optional_text_may_stay_empty_in_every_language():
    activity = ActivityFormatFactory()
    form = FormatForm(data(activity), instance=activity)
    assert form.is_valid(), form.errors
    assert form.texts()["pitfalls"] == {}
    assert set(form.texts()) == set(FORMAT_TEXTS)


def test_the_form_starts_from_every_language_of_each_text_side_by_side():
    activity = ActivityFormatFactory(name_fr="Marche en binômes", name_de="Paarlauf")
    form = FormatForm(instance=activity)
    assert form.initial["name"] == translations_of(activity, "name")
    with translation.override("fr"):
        name = str(form["name"])
    first, _sep, others = name.partition("<details")
    assert 'lang="en"' in first and 'value="Marche en binômes"' in first
    assert 'name="name_de"' in others and 'value="Paarlauf"' in others


def test_french_and_german_typed_together_are_both_in_the_texts():
    activity = ActivityFormatFactory()
    typed = {"name": {"fr": "Marche à deux", "de": "Paarlauf"}, "summary": {"de": "Kurz."}}
    form = FormatForm(data(activity, typed), instance=activity)
    assert form.is_valid(), form.errors
    texts = form.texts()
    assert texts["name"] == {"en": str(activity.name), "fr": "Marche à deux", "de": "Paarlauf"}
    assert texts["summary"] == {"en": "A way to learn together.", "de": "Kurz."}


def test_a_steps_text_is_edited_in_every_language_and_keeps_which_step_it_is():
    activity = ActivityFormatFactory()
    first = activity.steps.first()
    first.text = {"en": "Welcome", "fr": "Accueil"}
    first.save()
    initial = step_initial(activity)
    assert initial[0] == {"id": first.pk, "minutes": 15, "text": {"en": "Welcome", "fr": "Accueil"}}
    posted = {
        "steps-TOTAL_FORMS": 1,
        "steps-INITIAL_FORMS": 1,
        "steps-0-id": first.pk,
        "steps-0-minutes": 15,
        "steps-0-text_en": "Welcome",
        "steps-0-text_de": "Willkommen",
    }
    steps = FormatStepFormSet(posted, prefix="steps", initial=initial[:1])
    assert steps.is_valid(), steps.errors
    assert steps.forms[0].cleaned_data["text"] == {"en": "Welcome", "de": "Willkommen"}
    assert steps.forms[0].cleaned_data["id"] == first.pk
