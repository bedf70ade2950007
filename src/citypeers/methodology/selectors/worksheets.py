"""The worksheets the method hands out, read from `content/worksheets/` in the reader's language.

Worksheets are files shipped with the code, not database rows: coordinators do not edit them,
so a change to one is a change to the code, reviewed like one. Each renders as DOCX, ODT and
PDF (`texts/worksheets.py`); see content/README.md for the files' schema.
"""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from citypeers.core.content_files import read_content
from citypeers.methodology.models import ActivityFormat

# How high a box or an empty table row may be, in lines (the documents have a style for each).
MOST_LINES = 12

WORKSHEET_DIR = Path(__file__).resolve().parents[1] / "content" / "worksheets"
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Part:
    """A labelled space to write in, `lines` high, or a table: `columns`, `rows` empty rows
    each `lines` high."""

    label: str
    help: str
    lines: int = 1
    columns: tuple[str, ...] = ()
    rows: int = 0

    @property
    def is_table(self) -> bool:
        return bool(self.columns)

    @property
    def empty_lines(self) -> range:
        """What a template loops over to draw the writing lines or the empty rows."""
        return range(self.rows if self.is_table else self.lines)


@dataclass(frozen=True)
class Worksheet:
    slug: str
    language: str
    title: str
    purpose: str
    cards: tuple[str, ...]  # slugs of the activity formats that use it
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class WorksheetEntry:
    """A worksheet with the activity formats that use it, for the lists."""

    worksheet: Worksheet
    formats: list[ActivityFormat]


@cache
def worksheet_files() -> dict[str, dict]:
    """The shipped worksheets by slug, in the files' order."""
    files = sorted(WORKSHEET_DIR.glob("*.toml"))
    root = WORKSHEET_DIR.parent
    return {data["slug"]: data for data in (read_content(f, root) for f in files)}


@cache
def worksheets_stamp() -> str:
    """Changes whenever a worksheet file does (keys the cached PDFs)."""
    return hashlib.sha256(repr(worksheet_files()).encode()).hexdigest()[:16]


def _language(language: str | None) -> str:
    language = language or get_language() or FALLBACK_LANGUAGE
    return language if language in dict(settings.LANGUAGES) else FALLBACK_LANGUAGE


def _texts(data: dict, language: str) -> dict:
    return data.get(language) or data[FALLBACK_LANGUAGE]


def _worksheet(data: dict, language: str) -> Worksheet:
    texts = _texts(data, language)
    parts = []
    for part in data["parts"]:
        part_texts = _texts(part, language)
        parts.append(
            Part(
                label=part_texts["label"],
                help=part_texts.get("help", ""),
                lines=min(max(int(part.get("lines", 1)), 1), MOST_LINES),
                columns=tuple(part_texts.get("columns", ())),
                rows=part.get("rows", 0),
            )
        )
    return Worksheet(
        slug=data["slug"],
        language=language,
        title=texts["title"],
        purpose=texts["purpose"],
        cards=tuple(data.get("cards", {})),
        parts=tuple(parts),
    )


def worksheet_get(slug: str, *, language: str | None = None) -> Worksheet:
    """One worksheet in `language` (the active one by default); LookupError if there is none."""
    try:
        data = worksheet_files()[slug]
    except KeyError:
        raise LookupError(slug) from None
    return _worksheet(data, _language(language))


def worksheets_all(*, language: str | None = None) -> list[Worksheet]:
    language = _language(language)
    return [_worksheet(data, language) for data in worksheet_files().values()]


def worksheets_for_format(slug: str) -> list[Worksheet]:
    """The worksheets an activity format's card names, for its page."""
    return [sheet for sheet in worksheets_all() if slug in sheet.cards]


def worksheets_with_formats() -> list[WorksheetEntry]:
    """Every worksheet with the formats that use it, in the guide's order (one query)."""
    sheets = worksheets_all()
    slugs = {slug for sheet in sheets for slug in sheet.cards}
    formats = list(ActivityFormat.objects.filter(slug__in=slugs))
    return [
        WorksheetEntry(sheet, [activity for activity in formats if activity.slug in sheet.cards])
        for sheet in sheets
    ]
