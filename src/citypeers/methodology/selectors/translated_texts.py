"""A translated text in one language: what a form starts from, and what an edit stores.

A text not yet translated shows the English one to start from; left as it is, it stays
untranslated (readers keep getting the English), so other languages never fill up with
English copies.
"""


def untranslated_default(row, name: str, language: str) -> str:
    return getattr(row, f"{name}_{language}") or getattr(row, f"{name}_en") or ""


def translated_value(row, name: str, language: str, value: str) -> str:
    """The value to store: English shown unchanged in a missing translation stays missing."""
    english = (getattr(row, f"{name}_en") or "").strip()
    missing = not getattr(row, f"{name}_{language}")
    if language != "en" and missing and value.strip() == english:
        return ""
    return value
