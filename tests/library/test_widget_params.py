"""The widget's parameters and colours (`library.views.widget_params`): anything odd falls back
to a default, and whatever two colours are asked, the text stays readable (WCAG AA)."""

import pytest
from django.http import QueryDict

from citypeers.library.views.widget_params import (
    DEFAULT_ACCENT,
    DEFAULT_BACKGROUND,
    DEFAULT_LIMIT,
    Palette,
    WidgetParams,
    contrast,
    theme_css,
)


def params(query: str) -> WidgetParams:
    return WidgetParams.from_query(QueryDict(query))


def test_contrast_ratios_are_wcags():
    assert contrast("000000", "ffffff") == pytest.approx(21)
    assert contrast("777777", "ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("ffffff", "ffffff") == pytest.approx(1)


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=21",
        "limit=-3",
        "limit=abc",
        "limit=99999999999999999999999",
        "accent=red",
        "accent=12345",
        "accent=1234567",
        "background=%23zzzzzz",
        "programme=../../etc",
        "theme=%00",
        "country=France",
        "country=1",
    ],
)
def test_a_bad_parameter_falls_back_to_its_default(query):
    got = params(query)
    assert got == WidgetParams()


def test_good_parameters_are_kept():
    got = params(
        "programme=heritage-peers&theme=reuse&country=fi&limit=20&accent=%23AA0000&background=fafafa"
    )
    assert got == WidgetParams("heritage-peers", "reuse", "FI", 20, "aa0000", "fafafa")


def test_black_text_on_a_light_background_white_on_a_dark_one():
    assert Palette.of(accent=DEFAULT_ACCENT, background="fff8dc").text == "000000"
    assert Palette.of(accent=DEFAULT_ACCENT, background="1b1b3a").text == "ffffff"


def test_an_accent_too_pale_for_links_on_the_background_gives_links_the_text_colour():
    readable = Palette.of(accent="1a4f8b", background="ffffff")
    assert readable.link == "1a4f8b"
    pale = Palette.of(accent="ffff66", background="ffffff")  # yellow on white: about 1.1:1
    assert pale.link == "000000"
    assert pale.accent_text == "000000"  # the heading on the yellow band is black


def test_every_pair_of_colours_gives_text_of_at_least_aa_contrast():
    greys = [f"{v:02x}" * 3 for v in range(0, 256, 17)]
    hues = ["ff0000", "00ff00", "0000ff", "ffff00", "00ffff", "ff00ff", "808000", "1a4f8b"]
    for accent in greys + hues:
        for background in greys + hues:
            palette = Palette.of(accent=accent, background=background)
            assert contrast(palette.text, palette.background) >= 4.5
            assert contrast(palette.link, palette.background) >= 4.5
            assert contrast(palette.accent_text, palette.accent) >= 4.5


def test_the_stylesheet_holds_only_the_checked_colours():
    css = theme_css(params("accent=abcdef&background=%3C%2Fstyle%3E").palette)
    assert "#abcdef" in css
    assert f"#{DEFAULT_BACKGROUND}" in css
    assert "<" not in css


def test_the_query_leaves_out_defaults():
    assert WidgetParams().query() == ""
    assert params(f"limit={DEFAULT_LIMIT}&theme=reuse&accent=000000").query() == (
        "theme=reuse&accent=000000"
    )
    assert params("theme=reuse&accent=000000").query(colours=False) == "theme=reuse"
