"""An excerpt of a text around what the search matched, with the matched words marked."""

import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from citypeers.core.translated import TranslatedText
from citypeers.library.search.documents import strip_markdown
from citypeers.library.search.query import WORD_PATTERN, ParsedQuery, fold, normalise

ELLIPSIS = "…"
EXCERPT_CHARS = 280


def _prose(text: str) -> str:
    return unicodedata.normalize("NFKC", strip_markdown(str(text or "")))


def highlight(text: str, query: ParsedQuery, *, max_chars: int = EXCERPT_CHARS) -> SafeString:
    """Escaped excerpt of Markdown `text` centred on the first match, matches in <mark>."""
    prose = _prose(text)
    return _marked_excerpt(prose, _matched_words(prose, query), max_chars)


def excerpt(text: TranslatedText, query: ParsedQuery) -> tuple[str, SafeString]:
    """The language of `text` to quote for `query` and its `highlight` in it. The language is
    the one shown when the search matches in it, else the first of its languages that matches
    (a practice is found by the words of every language it has), else the one shown."""
    language, prose, matches = _quoted(text, query)
    return language, _marked_excerpt(prose, matches, EXCERPT_CHARS)


def _quoted(text: TranslatedText, query: ParsedQuery) -> tuple[str, str, list[tuple[int, int]]]:
    """The language `excerpt` quotes, its prose and the spans matched in it."""
    shown = _prose(text.translations.get(text.language, ""))
    for code in dict.fromkeys([text.language, *text.languages]):
        prose = shown if code == text.language else _prose(text.translations.get(code, ""))
        if matches := _matched_words(prose, query):
            return code, prose, matches
    return text.language, shown, []


def _marked_excerpt(prose: str, matches: list[tuple[int, int]], max_chars: int) -> SafeString:
    start, end = _window(prose, matches[0] if matches else None, max(1, max_chars))
    pieces = [ELLIPSIS] if start > 0 else []
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        pieces += [escape(prose[position:match_start]), "<mark>"]
        pieces += [escape(prose[match_start:match_end]), "</mark>"]
        position = match_end
    pieces.append(escape(prose[position:end]))
    if end < len(prose):
        pieces.append(ELLIPSIS)
    # Every piece of `text` above went through escape(); only our <mark> tags are raw.
    return mark_safe("".join(pieces))  # noqa: S308


def _matched_words(prose: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Spans of the words the search would match: by prefix, ignoring case and accents."""
    found = [(m.start(), m.end(), _search_key(m.group())) for m in WORD_PATTERN.finditer(prose)]
    terms = tuple(fold(term) for term in query.terms)
    marked = {index for index, (_, _, key) in enumerate(found) if terms and key.startswith(terms)}
    for phrase in query.phrases:
        phrase_words = [fold(word) for word in phrase.split(" ")]
        length = len(phrase_words)
        for first in range(len(found) - length + 1):
            keys = [key for _, _, key in found[first : first + length]]
            if all(map(str.startswith, keys, phrase_words)):
                marked.update(range(first, first + length))
    return [found[index][:2] for index in sorted(marked)]


@lru_cache(maxsize=65_536)
def _search_key(word: str) -> str:
    """`word` as the search compares it; kept, as the same words come back in every summary."""
    return fold(normalise(word))


def _window(prose: str, first_match: tuple[int, int] | None, max_chars: int) -> tuple[int, int]:
    """Start and end of at most `max_chars` around the first match, cut between words."""
    if len(prose) <= max_chars:
        return 0, len(prose)
    if first_match is None:
        start = 0
    else:
        middle = (first_match[0] + first_match[1]) // 2
        start = min(max(0, middle - max_chars // 2), len(prose) - max_chars)
    end = start + max_chars
    keep_from, keep_to = first_match or (start, start)
    if start > 0:
        space = prose.find(" ", start, keep_from)
        start = space + 1 if space != -1 else start
    if end < len(prose):
        space = prose.rfind(" ", max(start, keep_to), end + 1)
        end = space if space != -1 else end
    return start, end
