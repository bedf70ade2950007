"""A format's form: filters that ignore a wrong value, figures that must make sense, texts in
one language starting from the English."""

import pytest

from citypeers.core.translated import text_in
from citypeers.methodology.forms.formats import FormatFilterForm, FormatForm
from citypeers.methodology.models.formats import FORMAT_TEXTS
from tests.factories import ActivityFormatFactory

pytestmark = pytest.mark.django_db


def test_filters_keep_the_right_values_and_ignore_the_wrong_ones():
    form = FormatFilterForm({"mode": "online", "group_size": "1", "duration": "45"})
    assert form.filters() == {"mode": "online", "duration": 45}
    assert "group_size" in form.errors
    assert FormatFilterForm({"mode": "by-pigeon"}).filters() == {}


def data(activity, **changes):
    figures = ("stage", "min_group", "max_group", "min_minutes", "max_minutes", "default_minutes")
    return {
        **{name: getattr(activity, name) for name in figures},
        "modes": activity.modes,
        "roles": activity.roles,
        "name": text_in(activity, "name", "en"),
        "summary": text_in(activity, "summary", "en"),
        "purpose": text_in(activity, "purpose", "en"),
        "when": text_in(activity, "when", "en"),
    } | changes


def test_a_largest_group_smaller_than_the_smallest_is_refused_at_the_largest():
    activity = ActivityFormatFactory()
    form = FormatForm(data(activity, min_group=20, max_group=10), instance=activity, language="en")
    assert form.errors == {"max_group": ["The largest group cannot be smaller than the smallest."]}


def test_a_usual_length_outside_the_shortest_and_longest_is_refused_at_the_usual_length():
    activity = ActivityFormatFactory()
    form = FormatForm(data(activity, default_minutes=120), instance=activity, language="en")
    assert form.errors == {
        "default_minutes": ["The usual length must lie between the shortest and the longest."]
    }


def test_english_texts_are_required_but_a_translation_may_stay_empty():
    activity = ActivityFormatFactory()
    english = FormatForm(data(activity, purpose=""), instance=activity, language="en")
    assert list(english.errors) == ["purpose"]
    french = FormatForm(data(activity, purpose=""), instance=activity, language="fr")
    assert french.is_valid(), french.errors


def test_the_french_form_starts_from_the_english_and_keeps_it_untranslated_if_untouched():
    activity = ActivityFormatFactory(name_fr="Marche en binômes")
    form = FormatForm(instance=activity, language="fr")
    assert form.initial["name"] == "Marche en binômes"
    assert form.initial["purpose"] == text_in(activity, "purpose", "en")
    bound = FormatForm(
        data(activity, name="Marche à deux", summary="Un résumé."), instance=activity, language="fr"
    )
    assert bound.is_valid(), bound.errors
    texts = bound.texts()
    assert texts["name"]["fr"] == "Marche à deux" and texts["summary"]["fr"] == "Un résumé."
    assert "fr" not in texts["purpose"] and "fr" not in texts["when"]  # still untranslated
    assert texts["purpose"]["en"] == text_in(activity, "purpose", "en")  # English untouched
    assert set(texts) == set(FORMAT_TEXTS)
