"""The fonts citypeers ships (Noto Sans, from the @fontsource/noto-sans package): Latin with
every EU language's letters (Irish, Maltese ċ ġ ħ ż included), Greek and Cyrillic (Bulgarian,
Ukrainian). Pages load them through static/core/fonts.css; PDFs embed them through
`pdf_font_faces()`, so a PDF never depends on the fonts of the machine that makes it."""

from functools import cache

from django.contrib.staticfiles import finders

FAMILY = "Noto Sans"
STATIC_FOLDER = "vendor/noto-sans"
# Each subset with the characters it covers (as @fontsource/noto-sans declares them).
SUBSETS = {
    "latin": "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,"
    "U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,"
    "U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,"
    "U+2C60-2C7F,U+A720-A7FF",
    "greek": "U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF",
    "cyrillic": "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116",
}
FACES = [(weight, style) for weight in (400, 700) for style in ("normal", "italic")]


def font_file(subset: str, weight: int, style: str) -> str:
    return f"{STATIC_FOLDER}/noto-sans-{subset}-{weight}-{style}.woff2"


def font_face_rules(url_of, family=lambda subset: FAMILY) -> str:
    """@font-face rules for every subset and face; `url_of(static path)` gives each src."""
    return "\n".join(
        f'@font-face {{ font-family: "{family(subset)}"; font-style: {style}; '
        f"font-weight: {weight}; font-display: swap; "
        f'src: url("{url_of(font_file(subset, weight, style))}") format("woff2"); '
        f"unicode-range: {ranges}; }}"
        for subset, ranges in SUBSETS.items()
        for weight, style in FACES
    )


def _pdf_family(subset: str) -> str:
    return f"{FAMILY} {subset}"


@cache
def pdf_font_faces() -> str:
    """The rules for WeasyPrint, with the font files' paths on this machine, and the font of
    the whole document. Each subset is a family of its own in PDFs: WeasyPrint embeds the
    subsets of one family as one font, and their glyphs then collide (a Maltese "ċ" came out
    as an "l")."""
    faces = font_face_rules(lambda path: f"file://{finders.find(path)}", family=_pdf_family)
    families = ", ".join(f'"{_pdf_family(subset)}"' for subset in SUBSETS)
    return f"{faces}\nhtml {{ font-family: {families}, sans-serif; }}"


def static_stylesheet() -> str:
    """static/core/fonts.css, whose font paths are relative to it (tests keep it in step)."""
    header = "/* The shipped fonts: made by core.fonts.static_stylesheet(); do not edit. */\n"
    return header + font_face_rules(lambda path: f"../{path}") + "\n"
