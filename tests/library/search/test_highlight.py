"""Excerpts with the matched words marked (`library.search.highlight`)."""

from citypeers.library.search import highlight, parse_query


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
