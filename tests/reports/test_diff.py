from citypeers.reports.texts.diff import sections_diff, text_diff


def _render(pieces) -> str:
    marks = {"same": "{}", "added": "[+{}]", "removed": "[-{}]"}
    return "".join(marks[piece.kind].format(piece.text) for piece in pieces)


def test_a_changed_word_is_shown_whole_removed_then_added():
    pieces = text_diff("The quays opened in 1998.", "The quays opened in 2001.")
    assert _render(pieces) == "The quays opened in [-1998.][+2001.]"


def test_unchanged_text_reads_as_written():
    assert _render(text_diff("Shops\nby the quay", "Shops\nby the quay")) == "Shops\nby the quay"


def test_each_section_is_compared_and_counted():
    diffs = {d.section.key: d for d in sections_diff({"summary": "a b"}, {"summary": "a c d"})}
    assert diffs["summary"].changed
    assert diffs["summary"].added_words == 2 and diffs["summary"].removed_words == 1
    assert not diffs["practice"].changed
    assert len(diffs) == 9
