"""What a person typed into the search box, reduced to plain words and quoted phrases.

Nothing typed here ever reaches a database query language as syntax: both backends build their
queries from the words of a `ParsedQuery`, which are runs of letters and digits only.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_TEXT_CHARS = 5_000
MAX_TERMS = 32
MAX_PHRASES = 8
MAX_WORD_CHARS = 64
# A phrase longer than this is almost certainly pasted text; it would only slow the query.
MAX_PHRASE_WORDS = 32
# Query-language operators of FTS5 and of web search habits; typed bare they mean nothing here.
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Straight and typographic double quotes (French « », German „ “) all open or close a phrase.
QUOTE_CHARACTERS = '"“”„«»'

WORD_PATTERN = re.compile(r"[^\W_]+")
_QUOTE_PATTERN = re.compile(f"[{QUOTE_CHARACTERS}]")


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[str, ...]
    phrases: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases


def normalise(text: str) -> str:
    """NFKC and lower case, so 'ﬁ', full-width letters and capitals compare as typed."""
    # 'İ' is the one letter Python lower-cases to two characters (i + a combining dot, which
    # would split the word); both databases make it a plain 'i'.
    return unicodedata.normalize("NFKC", text).replace("İ", "I").lower()


def words(text: str) -> list[str]:
    """The words of already-normalised text, exactly as the search sees them."""
    return WORD_PATTERN.findall(text)


def parse_query(text: str) -> ParsedQuery:
    """Plain words and quoted phrases of `text`; never raises, whatever it holds."""
    text = str(text or "")[:MAX_TEXT_CHARS]
    # Quotes split the text into stretches that alternate outside, inside, outside...
    # An unbalanced last quote leaves its stretch outside: those words are still searched.
    stretches = _QUOTE_PATTERN.split(text)
    if len(stretches) % 2 == 0:
        stretches[-2:] = [stretches[-2] + " " + stretches[-1]]
    terms: list[str] = []
    phrases: list[str] = []
    for position, stretch in enumerate(stretches):
        if position % 2:
            phrase_words = _clip(words(normalise(stretch)))[:MAX_PHRASE_WORDS]
            if phrase_words:
                phrases.append(" ".join(phrase_words))
        else:
            # Operators are recognised as typed (upper case): "or" is French for gold.
            for word in words(unicodedata.normalize("NFKC", stretch)):
                if word not in OPERATOR_WORDS:
                    terms.extend(_clip(words(normalise(word))))
    return ParsedQuery(
        terms=tuple(_unique(terms))[:MAX_TERMS], phrases=tuple(_unique(phrases))[:MAX_PHRASES]
    )


def _clip(found: list[str]) -> list[str]:
    return [word[:MAX_WORD_CHARS] for word in found]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics to their base letter, as SQLite's `remove_diacritics 2`.

    Only Latin: the FTS5 tokenizer keeps Greek and Cyrillic accents, and both backends must
    agree on what matches. All precomposed Latin letters with a canonical decomposition lie
    below U+2000.
    """
    table = {}
    for code_point in range(0x00C0, 0x2000):
        decomposed = unicodedata.normalize("NFD", chr(code_point))
        base, marks = decomposed[0], decomposed[1:]
        if marks and base.isascii() and all(unicodedata.combining(mark) for mark in marks):
            table[code_point] = base
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """`text` with the diacritics of Latin letters removed ('Šibenik' -> 'Sibenik')."""
    return text.translate(_FOLD)
