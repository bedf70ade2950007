import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from citypeers.library.search import ParsedQuery, parse_query
from citypeers.library.search.query import (
    MAX_PHRASE_WORDS,
    MAX_PHRASES,
    MAX_TERMS,
    MAX_WORD_CHARS,
    fold,
)

ONLY_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
NASTY_TEXTS = [
    '"',
    '""',
    "NEAR(a b)",
    "a AND",
    "AND",
    "*",
    "(((",
    ")))",
    "title:x",
    "-",
    "--",
    "^",
    '"unbalanced',
    'a "b c" "d',
    "x" * 6000,
    "Ελλάδα μουσείο",
    "Москва музей",
    "متحف القاهرة",
    "東京 博物館",
    "😀🏛️",
    "\x00",
    "a\x00b",
    "\\",
    "'",
    "a' OR '1'='1",
    "{near}",
    "%_%",
]


def test_words_are_lower_cased_and_normalised():
    full_width_city = "\uff23\uff29\uff34\uff39"
    parsed = parse_query(f"Heritage {full_width_city} ﬁnance")
    assert parsed.terms == ("heritage", "city", "finance")


def test_turkish_dotted_capital_i_stays_one_word():
    assert parse_query("İstanbul İZMİR").terms == ("istanbul", "izmir")


def test_quoted_words_form_a_phrase_joined_by_one_space():
    parsed = parse_query('city "adaptive   re-use" of buildings')
    assert parsed.phrases == ("adaptive re use",)
    assert parsed.terms == ("city", "of", "buildings")


def test_typographic_quotes_form_phrases_too():
    assert parse_query("« espace public » „grüne Stadt“").phrases == (
        "espace public",
        "grüne stadt",
    )


def test_operators_are_dropped_unless_quoted():
    parsed = parse_query('heritage AND city OR NOT NEAR(a b) "AND" "NOT or"')
    assert parsed.terms == ("heritage", "city", "a", "b")
    assert parsed.phrases == ("and", "not or")


def test_lower_case_operator_words_are_plain_words():
    """'or' is French for gold; only the upper-case forms read as operators."""
    assert parse_query("musée or").terms == ("musée", "or")


def test_an_unbalanced_quote_searches_its_words_as_terms():
    parsed = parse_query('museum "unbalanced words')
    assert parsed.terms == ("museum", "unbalanced", "words")
    assert parsed.phrases == ()


def test_punctuation_never_survives():
    parsed = parse_query("title:x (((a*))) -b ^c {d} e_f 'g'")
    assert parsed.terms == ("title", "x", "a", "b", "c", "d", "e", "f", "g")


def test_other_scripts_are_words_and_emoji_and_nul_are_not():
    parsed = parse_query("Ελλάδα Москва متحف 東京 😀 a\x00b")
    assert parsed.terms == ("ελλάδα", "москва", "متحف", "東京", "a", "b")


def test_repeated_words_count_once():
    assert parse_query("city City CITY").terms == ("city",)


def test_caps_on_terms_phrases_and_word_length():
    parsed = parse_query(" ".join(f"w{n}" for n in range(50)))
    assert len(parsed.terms) == MAX_TERMS
    assert len(parse_query(" ".join(f'"p{n}"' for n in range(20))).phrases) == MAX_PHRASES
    assert parse_query("y" * 100).terms == ("y" * MAX_WORD_CHARS,)


def test_text_is_truncated_before_parsing():
    text = "a" * 4_993 + " beyond" + " lost"
    assert parse_query(text).terms == ("a" * MAX_WORD_CHARS, "beyond")


@pytest.mark.parametrize("text", ["", "   ", '""', "AND OR NOT", "*** ((( )))", "😀", "\x00"])
def test_text_without_words_is_empty(text):
    assert parse_query(text).is_empty
    assert parse_query(text) == ParsedQuery(terms=(), phrases=())


def test_folding_removes_latin_diacritics_only():
    assert fold("Šibenik Łódź musée Ελλάδα") == "Sibenik Łodz musee Ελλάδα"


@given(st.text() | st.sampled_from(NASTY_TEXTS))
@example("x" * 6000)
@example('"' * 5001)
def test_any_text_parses_into_plain_capped_words(text):
    parsed = parse_query(text)
    assert len(parsed.terms) <= MAX_TERMS
    assert len(parsed.phrases) <= MAX_PHRASES
    words = list(parsed.terms) + [word for phrase in parsed.phrases for word in phrase.split(" ")]
    for word in words:
        assert ONLY_LETTERS_AND_DIGITS.fullmatch(word), word
        assert len(word) <= MAX_WORD_CHARS
    assert not {"AND", "OR", "NOT", "NEAR"} & set(parsed.terms)


def test_a_phrase_keeps_at_most_its_first_thirty_two_words():
    parsed = parse_query('"' + " ".join(f"w{n}" for n in range(40)) + '"')
    assert parsed.phrases == (" ".join(f"w{n}" for n in range(MAX_PHRASE_WORDS)),)


def test_any_quote_closes_a_phrase_whichever_opened_it():
    assert parse_query('«old town" harbour').phrases == ("old town",)
    assert parse_query('«old town" harbour').terms == ("harbour",)


def test_an_emoji_inside_a_word_splits_it():
    assert parse_query("harbour😀mills").terms == ("harbour", "mills")


def test_ten_thousand_characters_of_quoted_and_bare_operators_parse_into_words_or_nothing():
    assert parse_query('"AND" ' * 2_000).phrases == ("and",)
    assert parse_query("NOT " * 2_500).is_empty


def test_folding_keeps_letters_that_have_no_base_letter():
    assert fold("Straße Ærø Øresund") == "Straße Ærø Øresund"
    assert fold("Ångström Çanakkale Dvořák") == "Angstrom Canakkale Dvorak"
