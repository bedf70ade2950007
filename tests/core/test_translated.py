"""Translated content (core.translated, core.translated_forms): what a reader and an editor of
a text in several languages get."""

import pickle

import pytest
from django.core.cache import cache
from django.utils import translation

from citypeers.catalogue.models import Practice
from citypeers.core.translated import with_offered
from citypeers.feedback.models import Question
from citypeers.feedback.services.templates import house_templates_load
from citypeers.programmes.forms import ThemeForm
from citypeers.programmes.models import Theme

pytestmark = pytest.mark.django_db


def test_a_reader_gets_their_language_else_english_else_any_and_knows_which():
    theme = Theme(name={"en": "Adaptive reuse", "fr": "Réemploi"}, slug="reuse")
    with translation.override("fr"):
        assert theme.name == "Réemploi" and not theme.name.is_fallback
    with translation.override("de"):
        assert theme.name == "Adaptive reuse"
        assert theme.name.is_fallback and theme.name.language == "en"
        assert theme.name.languages == ["en", "fr"]
    only_greek = Theme(name={"el": "Επανάχρηση"}, slug="el")
    with translation.override("de"):
        assert only_greek.name == "Επανάχρηση" and only_greek.name.language == "el"


def test_a_practice_falls_back_to_the_language_it_was_written_in_before_the_others():
    practice = Practice(
        language="it", title={"fr": "Réemploi des granges", "it": "Riuso dei fienili"}
    )
    with translation.override("de"):
        assert practice.title == "Riuso dei fienili" and practice.title.language == "it"
    practice.title = {**practice.title.translations, "en": "Barn reuse"}
    with translation.override("de"):
        assert practice.title == "Barn reuse"


def test_a_string_written_goes_to_the_active_language_and_keeps_the_others():
    theme = Theme.objects.create(name={"en": "Participation"}, slug="participation")
    with translation.override("fr"):
        theme.name = "Participation citoyenne"
    theme.save()
    theme.refresh_from_db()
    assert theme._meta.get_field("name").translations(theme) == {
        "en": "Participation",
        "fr": "Participation citoyenne",
    }


def test_an_empty_language_is_not_stored_and_a_text_is_found_by_its_language():
    Theme.objects.create(name={"en": "Climate", "fr": ""}, slug="climate")
    assert Theme.objects.filter(name__en="Climate").exists()
    assert not Theme.objects.filter(name__has_key="fr").exists()


def test_lists_are_translated_too_and_survive_a_bulk_update():
    """A question's choices are a list per language; bulk_update reads the attribute, which
    must carry every language, not only the reader's list."""
    house_templates_load()
    question = Question.objects.exclude(choices={}).first()
    english = question._meta.get_field("choices").translations(question)["en"]
    question.choices = {"en": english, "fr": ["un", "deux", "trois"][: len(english)]}
    Question.objects.bulk_update([question], ["choices"])
    stored = Question.objects.get(pk=question.pk)
    assert stored._meta.get_field("choices").translations(stored)["en"] == english
    with translation.override("fr"):
        assert list(stored.choices) == ["un", "deux", "trois"][: len(english)]


def test_a_text_kept_in_a_cache_keeps_its_languages():
    """Pickling once kept the translations but dropped the language a practice was written
    in, so a German reader of a cached Italian practice got its French translation (French
    comes first in settings) instead of the Italian original."""
    with translation.override("fr"):
        text = Theme(name={"en": "Walls", "fr": "Murs"}, slug="walls").name
    copy = pickle.loads(pickle.dumps(text))  # noqa: S301 (our own bytes)
    assert copy == "Murs" and copy.translations == {"en": "Walls", "fr": "Murs"}

    practice = Practice(
        language="it", title={"fr": "Réemploi des granges", "it": "Riuso dei fienili"}
    )
    with translation.override("de"):
        title = practice.title
    cache.set("test-translated-practice-title", title)
    for kept in (
        pickle.loads(pickle.dumps(title)),  # noqa: S301 (our own bytes)
        cache.get("test-translated-practice-title"),
    ):
        assert kept == "Riuso dei fienili" and kept.language == "it" and kept.is_fallback
        assert kept.translations == {"fr": "Réemploi des granges", "it": "Riuso dei fienili"}


def test_the_form_shows_english_and_the_pages_language_side_by_side_and_counts_the_others(
    settings,
):
    form = ThemeForm(initial={"name": {"en": "Heritage", "el": "Κληρονομιά"}})
    with translation.override("fr"):
        html = str(form["name"])
    first, _sep, others = html.partition("<details")
    for language, name in [("en", "English"), ("fr", "Français")]:
        assert f'lang="{language}"' in first and name in first
    assert 'lang="el"' in others and 'lang="de"' in others and 'lang="el"' not in first
    assert others.index('lang="el"') < others.index('lang="bg"')  # the written ones first
    summary = others.partition("<summary>")[2].partition("</summary>")[0]
    assert f"{len(settings.LANGUAGES) - 2}" in summary and "1" in summary


def test_a_text_without_english_is_translated_from_its_first_language():
    form = ThemeForm(initial={"name": {"el": "Κληρονομιά"}})
    with translation.override("fr"):
        first = str(form["name"]).partition("<details")[0]
    assert 'lang="el"' in first and 'lang="fr"' in first and 'lang="en"' not in first


def test_saving_a_form_keeps_a_language_the_platform_does_not_offer(settings):
    theme = Theme.objects.create(name={"en": "Walls", "is": "Veggir"}, slug="walls")
    field = Theme._meta.get_field("name")
    field.save_form_data(theme, {"en": "Old walls", "fr": "Vieux murs"})
    assert field.translations(theme) == {"is": "Veggir", "en": "Old walls", "fr": "Vieux murs"}


def test_each_language_of_a_text_is_cleaned_like_any_field():
    form = ThemeForm({"name_en": "Walls\x07 and roofs", "name_fr": "Murs\x1b"})
    assert form.is_valid(), form.errors
    name = form.cleaned_data["name"]
    assert "\x07" not in name["en"] and name["en"].startswith("Walls") and name["fr"] == "Murs"


def test_a_text_needs_one_language_at_least():
    form = ThemeForm({"name_en": "  ", "name_fr": ""})
    assert not form.is_valid()
    assert form.errors["name"] == ["Write it in at least one language."]


def test_a_multiline_text_keeps_its_line_breaks_in_every_language():
    """Each language's field was a one-line field, so a Markdown list in a text area was
    flattened into one line when the form was cleaned."""
    form = ThemeForm({"name_en": "Walls", "description_en": "- a\n- b", "description_fr": "x\ny"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["description"] == {"en": "- a\n- b", "fr": "x\ny"}


def test_a_forms_languages_replace_the_offered_ones_and_keep_the_others():
    stored = {"en": "Walls", "fr": "Murs", "is": "Veggir"}
    assert with_offered(stored, {"de": "Mauern"}) == {"is": "Veggir", "de": "Mauern"}
    assert with_offered({}, None) == {}


def test_a_text_left_empty_in_every_language_is_refused_in_the_same_words():
    form = ThemeForm({"name_en": "", "name_fr": ""})
    assert form.errors["name"] == ["Write it in at least one language."]
