"""Shipped content files (TOML) with their translations beside them.

A content file holds the language-neutral data and its English (`[en]`, `[steps.en]`, …); each
further language lives in its own file, `i18n/<lang>/<same relative path>`, holding only that
language's texts in the same shape:

- the texts of `[en]` as top-level keys (a format's `steps` included, being part of `[en]`);
- for each list of items that carry their own languages (a template's `steps`, a worksheet's
  `parts`, a survey's `questions`), a list of the same length with each item's texts.

One file per language lets translators work on a language without touching the others, and
keeps the source files readable with 25 languages.
"""

import tomllib
from pathlib import Path

from django.conf import settings


def _item_lists(data: dict) -> list[str]:
    """The top-level lists whose items have an English table of their own."""
    return [
        name
        for name, value in data.items()
        if isinstance(value, list)
        and value
        and all(isinstance(i, dict) and "en" in i for i in value)
    ]


def merge_translation(data: dict, language: str, texts: dict) -> dict:
    """`data` with `language`'s texts (one translation file's content) put where [en]'s are."""
    lists = _item_lists(data)
    data[language] = {name: value for name, value in texts.items() if name not in lists}
    for name in lists:
        for item, item_texts in zip(data[name], texts.get(name, []), strict=False):
            item[language] = item_texts
    return data


def translation_paths(path: Path, root: Path) -> dict[str, Path]:
    """The translation files of one content file: {language: path}."""
    relative = path.relative_to(root)
    return {
        folder.name: folder / relative
        for folder in sorted((root / "i18n").glob("*"))
        if (folder / relative).exists()
    }


def content_languages(root: Path) -> list[str]:
    """Every language the content under `root` may have: the offered ones, then any other
    that has translation files (kept in the database for when it is offered)."""
    offered = [code for code, _name in settings.LANGUAGES]
    return list(
        dict.fromkeys([*offered, *(folder.name for folder in sorted((root / "i18n").glob("*")))])
    )


def read_content(path: Path, root: Path) -> dict:
    """A content file with every translation found under `root/i18n/`."""
    data = tomllib.loads(path.read_text("utf-8"))
    for language, translation in translation_paths(path, root).items():
        merge_translation(data, language, tomllib.loads(translation.read_text("utf-8")))
    return data
