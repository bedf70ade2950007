"""A readable diff between two versions of a report, per section, word by word.

Words, not characters (a changed word is shown whole) and not lines (a section is often one
long paragraph); the spaces travel with the words so the text reads as it was written."""

import difflib
import re
from dataclasses import dataclass, field

from citypeers.reports.enums import SECTIONS, Section

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass
class SectionDiff:
    section: Section
    pieces: list[Piece] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(piece.kind != "same" for piece in self.pieces)

    @property
    def added_words(self) -> int:
        return sum(len(p.text.split()) for p in self.pieces if p.kind == "added")

    @property
    def removed_words(self) -> int:
        return sum(len(p.text.split()) for p in self.pieces if p.kind == "removed")


def text_diff(before: str, after: str) -> list[Piece]:
    """The pieces that turn `before` into `after`: removed text before the added text."""
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", "".join(old[a1:a2])))
            continue
        if tag in {"delete", "replace"}:
            pieces.append(Piece("removed", "".join(old[a1:a2])))
        if tag in {"insert", "replace"}:
            pieces.append(Piece("added", "".join(new[b1:b2])))
    return pieces


def sections_diff(before: dict, after: dict) -> list[SectionDiff]:
    """Every section, in the report's order, with its pieces."""
    return [
        SectionDiff(section, text_diff(before.get(section.key, ""), after.get(section.key, "")))
        for section in SECTIONS
    ]
