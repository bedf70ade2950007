"""Excerpts with the matched words marked (`library.search.highlight`)."""

import unicodedata
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from citypeers.core.translated import TranslatedText
from citypeers.library.search import excerpt, highlight, parse_query
from citypeers.library.search.documents import strip_markdown


def test_highlight_marks_words_as_the_search_matches_them():
    excerpt = highlight("Walks in **Šibenik**, a heritage town", parse_query("SIBENIK herit"))
    assert excerpt == "Walks in <mark>Šibenik</mark>, a <mark>heritage</mark> town"
    excerpt = highlight("Ferries of İSTANBUL", parse_query("istanbul"))
    assert excerpt == "Ferries of <mark>İSTANBUL</mark>"


def test_highlight_marks_each_word_of_a_phrase():
    excerpt = highlight("The old town and the old harbour town", parse_query('"old town"'))
    assert excerpt == "The <mark>old</mark> <mark>town</mark> and the old harbour town"


def test_highlight_escapes_everything_from_the_text():
    excerpt = highlight('<script>alert("heritage")</script> & heritage', parse_query("heritage"))
    assert "<script" not in excerpt
    assert excerpt == (
        "&lt;script&gt;alert(&quot;<mark>heritage</mark>&quot;)&lt;/script&gt; "
        "&amp; <mark>heritage</mark>"
    )


def test_highlight_leaves_out_markdown_and_link_targets():
    excerpt = highlight(
        "## Results\n\nRead [the report](https://x.org/heritage).", parse_query("x")
    )
    assert excerpt == "Results Read the report."


def test_highlight_cuts_long_text_around_the_first_match():
    text = "before " * 100 + "the heritage quarter " + "after " * 100
    excerpt = highlight(text, parse_query("heritage"), max_chars=80)
    assert excerpt.startswith("…before ") and excerpt.endswith(" after…")
    assert "<mark>heritage</mark>" in excerpt
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "")) <= 80 + 2
    assert highlight(text, parse_query("zeppelin"), max_chars=20) == "before before before…"


class MarkupReader(HTMLParser):
    """The tags and the text of an excerpt, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(("open", tag, attrs))

    def handle_endtag(self, tag):
        self.tags.append(("close", tag, []))

    def handle_startendtag(self, tag, attrs):
        self.tags.append(("empty", tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("comment", data, []))


def read(excerpt: str) -> MarkupReader:
    reader = MarkupReader()
    reader.feed(excerpt)
    reader.close()
    return reader


MARKUP = st.sampled_from(["<", ">", "&", '"', "'", "<b>", "</mark>", "<!--", "&amp;", "<mark>"])


@given(
    text=st.lists(st.text(max_size=12) | MARKUP, max_size=30).map(" ".join),
    words=st.text(max_size=20) | MARKUP,
    max_chars=st.integers(min_value=1, max_value=120),
)
def test_an_excerpt_is_never_broken_html_and_lets_no_markup_through(text, words, max_chars):
    excerpt = highlight(text, parse_query(words), max_chars=max_chars)
    reader = read(excerpt)
    assert all(attrs == [] and tag == "mark" for _kind, tag, attrs in reader.tags)
    kinds = [kind for kind, _tag, _attrs in reader.tags]
    assert kinds == ["open", "close"] * (len(kinds) // 2)
    prose = unicodedata.normalize("NFKC", strip_markdown(text))
    shown = "".join(reader.text).removeprefix("…").removesuffix("…")
    assert shown in prose


def test_nothing_to_show_is_an_empty_excerpt():
    assert highlight("", parse_query("heritage")) == ""
    assert highlight(None, parse_query("heritage")) == ""


def test_words_that_do_not_occur_leave_the_text_unmarked():
    assert highlight("A walk by the river", parse_query("zeppelin")) == "A walk by the river"


def test_only_words_starting_with_the_searched_word_are_marked():
    excerpt = highlight("Heritage, inheritage and heritages", parse_query("heritage"))
    assert excerpt == "<mark>Heritage</mark>, inheritage and <mark>heritages</mark>"


def test_a_phrase_is_marked_only_where_its_words_are_together():
    excerpt = highlight("old mills, old harbour mills", parse_query('"old harbour"'))
    assert excerpt == "old mills, <mark>old</mark> <mark>harbour</mark> mills"


def test_matches_beyond_the_excerpt_are_cut_off_cleanly():
    text = "heritage " + "word " * 100 + "heritage"
    excerpt = highlight(text, parse_query("heritage"), max_chars=40)
    assert excerpt.startswith("<mark>heritage</mark> word")
    assert excerpt.endswith("…")
    assert excerpt.count("<mark>") == 1


def test_a_match_near_the_end_shows_the_end_of_the_text():
    text = "word " * 100 + "the heritage quarter"
    excerpt = highlight(text, parse_query("quarter"), max_chars=40)
    assert excerpt.startswith("…") and excerpt.endswith("the heritage <mark>quarter</mark>")


def test_a_word_longer_than_the_excerpt_is_cut_rather_than_dropped():
    excerpt = highlight("x" * 50 + " heritage", parse_query("zeppelin"), max_chars=10)
    assert excerpt == "x" * 10 + "…"


def test_greek_and_cyrillic_keep_their_accents_when_matching():
    assert highlight("Ελλάδα και Μόσχα", parse_query("ελλάδα")) == "<mark>Ελλάδα</mark> και Μόσχα"
    assert highlight("Ελλάδα", parse_query("ελλαδα")) == "Ελλάδα"


def test_an_excerpt_quotes_the_language_the_words_are_found_in():
    summary = TranslatedText(
        {"en": "Walks by the old mill", "it": "Passeggiate al vecchio mulino"}, "en"
    )
    assert excerpt(summary, parse_query("mill")) == ("en", "Walks by the old <mark>mill</mark>")
    assert excerpt(summary, parse_query("mulino")) == (
        "it",
        "Passeggiate al vecchio <mark>mulino</mark>",
    )
    # Found by words elsewhere (the title, a place): the reader's language, nothing marked.
    assert excerpt(summary, parse_query("zeppelin")) == ("en", "Walks by the old mill")
