"""The library's query parameters (`library.forms`): what makes no sense is dropped."""

import pytest
from django.http import QueryDict

from citypeers.library.forms import LibrarySearchForm
from citypeers.library.selectors import LibraryQuery
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def query(text: str) -> LibraryQuery:
    return LibrarySearchForm(QueryDict(text)).to_query()


def options(text: str, name: str) -> str:
    """The HTML options of the select `name` on the form for these parameters."""
    controls = LibrarySearchForm(QueryDict(text)).controls()
    return next(str(html) for field, html in controls if field.name == name)


def test_every_parameter_that_makes_sense_is_kept():
    ThemeFactory(slug="reuse")
    assert query("q=mills&theme=reuse&country=FI&size=small&type=policy&host=yes&sort=title") == (
        LibraryQuery(
            q="mills",
            theme="reuse",
            country="FI",
            size="small",
            type="policy",
            host=True,
            sort="title",
        )
    )


def test_a_value_that_makes_no_sense_is_dropped_and_the_others_kept():
    assert query("theme=nope&country=ZZ&size=huge&type=x&sort=up&q=mills&country=BE") == (
        LibraryQuery(q="mills", country="BE")
    )
    assert query("theme=nope&country=ZZ&size=huge&type=x&sort=up") == LibraryQuery()


@pytest.mark.parametrize("value", ["yes", "on", "true", "1"])
def test_the_host_box_reads_as_ticked_however_a_browser_sends_it(value):
    assert query(f"host={value}").host is True


@pytest.mark.parametrize("value", ["", "no", "maybe", "0", "YES"])
def test_anything_else_leaves_the_host_box_unticked(value):
    assert query(f"host={value}").host is False


def test_the_words_are_kept_as_typed_up_to_five_thousand_characters():
    assert query("q=%20%22Mills%22%20AND%20").q == ' "Mills" AND '
    assert query("q=" + "x" * 6000).q == "x" * 5000
    assert query("").q == ""


def test_the_controls_follow_the_words_in_order():
    names = [field.name for field, _options in LibrarySearchForm(QueryDict()).controls()]
    assert names == ["theme", "country", "size", "type", "host", "sort"]


def test_themes_are_offered_by_name_after_all_themes():
    ThemeFactory(name="Rivers", slug="rivers")
    ThemeFactory(name="Adaptive re-use", slug="reuse")
    assert options("", "theme") == (
        '<option value="" selected>All themes</option>'
        '<option value="reuse">Adaptive re-use</option>'
        '<option value="rivers">Rivers</option>'
    )


def test_the_chosen_option_alone_is_selected():
    form = LibrarySearchForm(QueryDict("country=FI&size=large&sort=newest"))
    html = {field.name: str(options) for field, options in form.controls() if options}
    assert {name: text.count(" selected") for name, text in html.items()} == dict.fromkeys(
        ["theme", "country", "size", "type", "sort"], 1
    )
    assert '<option value="FI" selected>Finland</option>' in html["country"]
    assert '<option value="large" selected>' in html["size"]
    assert '<option value="" selected>Any type</option>' in html["type"]
    assert '<option value="newest" selected>Newest</option>' in html["sort"]


def test_theme_names_are_shown_as_text_in_the_options():
    ThemeFactory(name='<img src=x onerror="alert(1)">', slug="xss")
    [options] = dict(LibrarySearchForm(QueryDict("theme=xss")).controls()[0:1]).values()
    assert "<img" not in options
    assert (
        '<option value="xss" selected>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</option>'
        in (options)
    )
