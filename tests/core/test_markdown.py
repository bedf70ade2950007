import pytest

from citypeers.core.markdown import render_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_markdown_carries_no_script(hostile):
    html = render_markdown(f"Hello\n\n{hostile}")
    for word in ("<script", "onerror", "onclick", "<iframe", "<style", "<img"):
        assert word not in html
    assert "<p>Hello</p>" in html


@pytest.mark.parametrize(
    "link", ["[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](vbscript:msgbox)"]
)
def test_links_to_scripts_lose_their_address(link):
    html = render_markdown(link)
    assert "javascript:" not in html and "data:" not in html and "vbscript:" not in html
    assert ">x</a>" in html


def test_links_open_without_passing_on_trust_or_the_referrer():
    html = render_markdown("[Tampere](https://www.tampere.fi/ 'The city')")
    assert 'href="https://www.tampere.fi/"' in html
    assert 'title="The city"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_headings_start_below_the_pages_own():
    html = render_markdown("# Big\n\n## Smaller\n\n### Third\n\n#### Fourth")
    assert "<h1>" not in html and "<h2>" not in html
    assert html.count("<h3>") == 3
    assert "<h4>Fourth</h4>" in html


def test_lists_tables_emphasis_and_code_are_kept():
    html = render_markdown(
        "*one* **two** `three`\n\n1. first\n2. second\n\n"
        "| City | Size |\n|---|---|\n| Vantaa | 240 |"
    )
    for tag in ("<em>one</em>", "<strong>two</strong>", "<code>three</code>", "<ol>", "<table>"):
        assert tag in html
    assert "<td>Vantaa</td>" in html


@pytest.mark.parametrize("empty", ["", None])
def test_nothing_typed_renders_nothing(empty):
    assert render_markdown(empty) == ""


def test_ampersands_and_angle_brackets_in_prose_are_shown_as_typed():
    html = render_markdown("Fish & chips < 5 €")
    assert "Fish &amp; chips &lt; 5 €" in html
