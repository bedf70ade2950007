"""The widget's parameters as an embedding site writes them in the address, each checked on
its own: anything not understood falls back to its default (a widget never shows an error),
and the colours are made readable (WCAG AA, 4.5:1) whatever two colours were asked."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

HEX = re.compile(r"#?([0-9a-fA-F]{6})")
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
COUNTRY = re.compile(r"[A-Za-z]{2}")
DEFAULT_ACCENT = "1a4f8b"
DEFAULT_BACKGROUND = "ffffff"
DEFAULT_LIMIT, MAX_LIMIT = 5, 20
AA_TEXT = 4.5
BLACK, WHITE = "000000", "ffffff"


def colour(value: str | None, default: str) -> str:
    """Six hex digits, lower case, with or without "#"; else the default."""
    match = HEX.fullmatch((value or "").strip())
    return match.group(1).lower() if match else default


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG 2's relative luminance of an "rrggbb" colour."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two "rrggbb" colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever reads better on the background."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE


@dataclass(frozen=True)
class Palette:
    background: str  # the widget's background
    text: str  # its text: black or white, whichever reads on the background
    accent: str  # the heading band
    accent_text: str  # the heading's text on the band
    link: str  # links: the accent when it reads on the background, else the text colour

    @classmethod
    def of(cls, *, accent: str, background: str) -> "Palette":
        text = readable_on(background)
        link = accent if contrast(accent, background) >= AA_TEXT else text
        return cls(background, text, accent, readable_on(accent), link)


@dataclass(frozen=True)
class WidgetParams:
    programme: str = ""
    theme: str = ""
    country: str = ""
    limit: int = DEFAULT_LIMIT
    accent: str = DEFAULT_ACCENT
    background: str = DEFAULT_BACKGROUND

    @classmethod
    def from_query(cls, query: QueryDict) -> "WidgetParams":
        def text(name: str, rule: re.Pattern) -> str:
            value = (query.get(name) or "").strip()
            return value if rule.fullmatch(value) else ""

        try:
            limit = int(query.get("limit", DEFAULT_LIMIT))
        except (TypeError, ValueError):
            limit = DEFAULT_LIMIT
        return cls(
            programme=text("programme", SLUG),
            theme=text("theme", SLUG),
            country=text("country", COUNTRY).upper(),
            limit=limit if 1 <= limit <= MAX_LIMIT else DEFAULT_LIMIT,
            accent=colour(query.get("accent"), DEFAULT_ACCENT),
            background=colour(query.get("background"), DEFAULT_BACKGROUND),
        )

    @property
    def palette(self) -> Palette:
        return Palette.of(accent=self.accent, background=self.background)

    def query(self, *, colours: bool = True, filters: bool = True) -> str:
        """These parameters as a query string (without defaults), for addresses and snippets."""
        values = {}
        if filters:
            values |= {"programme": self.programme, "theme": self.theme, "country": self.country}
            if self.limit != DEFAULT_LIMIT:
                values["limit"] = str(self.limit)
        if colours:
            if self.accent != DEFAULT_ACCENT:
                values["accent"] = self.accent
            if self.background != DEFAULT_BACKGROUND:
                values["background"] = self.background
        return urlencode({key: value for key, value in values.items() if value})


def theme_css(palette: Palette) -> str:
    """The widget's colours as a stylesheet (no inline style under our CSP); the values are
    six checked hex digits, nothing else reaches the CSS."""
    return (
        f".cp-widget{{background:#{palette.background};color:#{palette.text}}}\n"
        f".cp-widget-header{{background:#{palette.accent};color:#{palette.accent_text}}}\n"
        f".cp-widget main a,.cp-widget footer a{{color:#{palette.link}}}\n"
        f".cp-widget a:focus-visible{{outline:3px solid #{palette.link};outline-offset:2px}}\n"
        f".cp-widget-item{{border-color:#{palette.accent}}}\n"
    )
