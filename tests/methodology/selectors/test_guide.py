"""The guide's chapters as files: the reader's language, English when not translated."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from citypeers.methodology.selectors import guide
from citypeers.methodology.selectors.guide import GUIDE_DIR, guide_chapter, guide_chapters_stamp

HEADING = re.compile(r"^#+ ", re.MULTILINE)
LINK = re.compile(r"\]\((https?://[^)]+)\)")


@pytest.fixture
def chapters(tmp_path, monkeypatch):
    """A guide folder of the test's own, with one chapter in English only."""
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "01-lessons.md").write_text("What worked", "utf-8")
    monkeypatch.setattr(guide, "GUIDE_DIR", tmp_path)
    return tmp_path


def test_a_chapter_is_read_in_the_active_language(chapters):
    (chapters / "fr" / "01-lessons.md").write_text("Ce qui a fonctionné", "utf-8")
    with translation.override("fr"):
        assert guide_chapter(slug="lessons") == "Ce qui a fonctionné"
    assert guide_chapter(slug="lessons", language="en") == "What worked"


def test_a_chapter_not_yet_translated_is_shown_in_english(chapters):
    assert guide_chapter(slug="lessons", language="fr") == "What worked"
    assert guide_chapter(slug="lessons", language="de") == "What worked"


def test_an_unknown_chapter_is_an_error_not_an_empty_section(chapters):
    with pytest.raises(LookupError):
        guide_chapter(slug="worksheets")


def test_the_stamp_changes_when_any_chapter_in_any_language_does(chapters):
    before = guide_chapters_stamp()
    assert guide_chapters_stamp() == before
    (chapters / "fr" / "01-lessons.md").write_text("Ce qui a fonctionné", "utf-8")
    translated = guide_chapters_stamp()
    (chapters / "fr" / "01-lessons.md").write_text("Ce qui a marché", "utf-8")
    assert len({before, translated, guide_chapters_stamp()}) == 3


@pytest.mark.parametrize("path", sorted(GUIDE_DIR.glob("en/*.md")), ids=lambda path: path.name)
def test_every_shipped_chapter_is_translated_with_the_same_headings_and_sources(path):
    english = path.read_text("utf-8")
    for language, _name in settings.LANGUAGES:
        translated = (GUIDE_DIR / language / path.name).read_text("utf-8")
        # Same structure, heading for heading, and not one source lost in translation.
        assert HEADING.findall(translated) == HEADING.findall(english), language
        assert LINK.findall(translated) == LINK.findall(english), language
