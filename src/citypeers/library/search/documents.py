"""The searchable text of a practice, the same for both backends and for the highlighter.

A practice is found by the words of every language it is written in: each language's texts
are indexed (the original language first), so an Italian practice is found by its Italian
words from the English page, and by its English words once it has them."""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation

from citypeers.catalogue.models import TEXT_FIELDS, Practice
from citypeers.core.translated import translations_of

# `![alt](target)` and `[text](target)` keep their text; the target is an address, not prose.
_INLINE_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
# `[text][label]` keeps its text; `[label]: https://...` definitions go entirely.
_REFERENCE_LINK = re.compile(r"!?\[([^\]\n]*)\]\[[^\]\n]*\]")
_LINK_DEFINITION = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
# Block markers only where Markdown reads them, so "C#" or "a > b" in prose survive.
_BLOCK_MARKERS = re.compile(
    r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|(?:[-+*]|\d{1,9}[.)])[ \t]+)?", re.MULTILINE
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_RULES_AND_TABLE_LINES = re.compile(r"^[ \t:|-]*[-=*_]{3,}[ \t:|-]*$", re.MULTILINE)
# An underscore inside a word separates it, as it does for the tokenizers.
_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])_(?=[^\W_])")
_EMPHASIS_AND_CODE = re.compile(r"[*_`~]")
_SPACES = re.compile(r"[\s|]+")


def strip_markdown(text: str) -> str:
    """Markdown source as plain prose on one line: no syntax characters, no link targets."""
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _LINK_DEFINITION.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _RULES_AND_TABLE_LINES.sub(" ", text)
    text = _BLOCK_MARKERS.sub("", text)
    text = _CLOSING_HASHES.sub("", text)
    text = _INNER_UNDERSCORE.sub(" ", text)
    text = _EMPHASIS_AND_CODE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _prose(text: str) -> str:
    # NFKC as the query words are, so 'ﬁnance' in a text is found by 'finance'.
    return unicodedata.normalize("NFKC", strip_markdown(text))


@dataclass(frozen=True)
class LanguageText:
    """A practice's texts in one language, as prose."""

    language: str
    title: str
    tagline: str
    body: str


@dataclass(frozen=True)
class PracticeDocument:
    """One practice's text in the four parts the index weighs differently: each of title,
    tagline and body holds every language's (the original's first), the taxonomy is shared."""

    practice_id: int
    language: str  # the practice's original language
    taxonomy: str
    texts: tuple[LanguageText, ...]

    def _joined(self, part: str) -> str:
        return " ".join(filter(None, (getattr(text, part) for text in self.texts)))

    @property
    def title(self) -> str:
        return self._joined("title")

    @property
    def tagline(self) -> str:
        return self._joined("tagline")

    @property
    def body(self) -> str:
        return self._joined("body")

    @property
    def parts(self) -> tuple[str, str, str, str]:
        return (self.title, self.tagline, self.taxonomy, self.body)


def _languages(practice: Practice) -> list[str]:
    """Every language any text of the practice is written in, the original first."""
    written = dict.fromkeys([practice.language])
    for name in ("title", "tagline", *TEXT_FIELDS):
        written.update(dict.fromkeys(translations_of(practice, name)))
    return [code for code in written if code]


def _language_text(practice: Practice, language: str) -> LanguageText:
    def text(name: str) -> str:
        return translations_of(practice, name).get(language) or ""

    body = "\n\n".join(text(name) for name in TEXT_FIELDS)
    return LanguageText(
        language=language,
        title=_prose(text("title")),
        tagline=_prose(text("tagline")),
        body=_prose(body),
    )


def practice_document(practice: Practice) -> PracticeDocument:
    """The text to index; reads places, themes and organisations (prefetch them for many)."""
    places = list(practice.places.all())
    # Country names in English whatever language is active, so every index agrees.
    with translation.override("en"):
        countries = {str(place.country.name) for place in places if place.country}
    names = [
        *(place.name for place in places),
        *sorted(countries),
        # Every language of a theme's name, so the index does not depend on who saved last.
        *dict.fromkeys(
            text for theme in practice.themes.all() for text in theme.name.translations.values()
        ),
        *(organisation.name for organisation in practice.organisations.all()),
    ]
    texts = (_language_text(practice, language) for language in _languages(practice))
    return PracticeDocument(
        practice_id=practice.pk,
        language=practice.language,
        taxonomy=_prose(" · ".join(names)),
        texts=tuple(text for text in texts if text.title or text.tagline or text.body),
    )


def published_practices() -> QuerySet[Practice]:
    """Every practice the index should hold, with what its document reads."""
    return (
        Practice.objects.filter(status=Practice.Status.PUBLISHED)
        .prefetch_related("places", "themes", "organisations")
        .order_by("pk")
    )
