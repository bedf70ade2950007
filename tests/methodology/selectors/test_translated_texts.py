"""A translation starts from the English; English left unchanged in a missing translation is
stored as still missing, so readers keep the English and translators still see the gap."""

from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.translated_texts import translated_value, untranslated_default


def row(english, french):
    return ActivityFormat(name={"en": english, "fr": french})


def test_a_missing_translation_starts_from_the_english():
    assert untranslated_default(row("Walkshop", None), "name", "fr") == "Walkshop"
    assert untranslated_default(row("Walkshop", ""), "name", "fr") == "Walkshop"
    assert untranslated_default(row("Walkshop", "Atelier"), "name", "fr") == "Atelier"
    assert untranslated_default(row(None, None), "name", "fr") == ""


def test_english_left_as_shown_in_a_missing_translation_stays_missing():
    assert translated_value(row("Walkshop", None), "name", "fr", "Walkshop") == ""
    assert translated_value(row("Walkshop", None), "name", "fr", " Walkshop \n") == ""
    assert translated_value(row("Walkshop", ""), "name", "fr", "Atelier") == "Atelier"


def test_an_existing_translation_may_be_set_to_the_same_words_as_the_english():
    assert translated_value(row("Café", "Le café"), "name", "fr", "Café") == "Café"


def test_english_itself_is_stored_as_typed():
    assert translated_value(row("Walkshop", None), "name", "en", "Walkshop") == "Walkshop"
    assert translated_value(row(None, None), "name", "en", "New") == "New"
