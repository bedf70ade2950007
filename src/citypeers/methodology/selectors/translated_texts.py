"""A translated text in one language: what a form starts from, and what an edit stores.

A text not yet translated shows the English one to start from; left as it is, it stays
untranslated (readers keep getting the English), so other languages never fill up with
English copies.
"""

from django.conf import settings

from citypeers.core.translated import text_in, translations_of

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def untranslated_default(row, name: str, language: str):
    return text_in(row, name, language) or text_in(row, name, SOURCE_LANGUAGE)


def translated_value(row, name: str, language: str, value):
    """The value to store: English shown unchanged in a missing translation stays missing."""
    english = text_in(row, name, SOURCE_LANGUAGE)
    english = english.strip() if isinstance(english, str) else english
    missing = not text_in(row, name, language)
    typed = value.strip() if isinstance(value, str) else value
    if language != SOURCE_LANGUAGE and missing and typed == english:
        return type(value)()
    return value


def with_language(row, name: str, language: str, value) -> dict:
    """Every language of the text, with `language` set to what was typed."""
    translations = translations_of(row, name)
    translations[language] = translated_value(row, name, language, value)
    return {code: text for code, text in translations.items() if text}
