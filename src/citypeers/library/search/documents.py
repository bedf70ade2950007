"""The searchable text of a practice, the same for both backends and for the highlighter."""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation

from citypeers.catalogue.models import TEXT_FIELDS, Practice

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
class PracticeDocument:
    """One practice's text in the four parts the index weighs differently."""

    practice_id: int
    language: str
    title: str
    tagline: str
    taxonomy: str
    body: str

    @property
    def parts(self) -> tuple[str, str, str, str]:
        return (self.title, self.tagline, self.taxonomy, self.body)


def practice_document(practice: Practice) -> PracticeDocument:
    """The text to index; reads places, themes and organisations (prefetch them for many)."""
    places = list(practice.places.all())
    # Country names in English whatever language is active, so every index agrees.
    with translation.override("en"):
        countries = {str(place.country.name) for place in places if place.country}
    names = [
        *(place.name for place in places),
        *sorted(countries),
        *(theme.name for theme in practice.themes.all()),
        *(organisation.name for organisation in practice.organisations.all()),
    ]
    body = "\n\n".join(getattr(practice, field) or "" for field in TEXT_FIELDS)
    return PracticeDocument(
        practice_id=practice.pk,
        language=practice.language,
        title=_prose(practice.title),
        tagline=_prose(practice.tagline),
        taxonomy=_prose(" · ".join(names)),
        body=_prose(body),
    )


def published_practices() -> QuerySet[Practice]:
    """Every practice the index should hold, with what its document reads."""
    return (
        Practice.objects.filter(status=Practice.Status.PUBLISHED)
        .prefetch_related("places", "themes", "organisations")
        .order_by("pk")
    )
