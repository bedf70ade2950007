"""The shipped fonts: pages and PDFs show Greek, Cyrillic, Irish and Maltese letters with the
fonts citypeers ships, never with whatever the machine has."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from pypdf import PdfReader

from citypeers.core.fonts import FACES, SUBSETS, font_file, pdf_font_faces, static_stylesheet
from citypeers.core.fonts import __file__ as fonts_module
from citypeers.methodology.services.loader import load_methodology
from citypeers.methodology.texts.pdf import guide_pdf

STATIC_CSS = Path(fonts_module).parent / "static" / "core" / "fonts.css"
# Letters each language needs beyond plain ASCII, as its own words write them.
SAMPLES = {
    "el": "Επίσκεψη ομότιμης μάθησης",
    "bg": "Посещение за партньорско обучение",
    "uk": "Візит для взаємного навчання; ґанок, їжа, єдність",
    "ga": "Cuairt foghlama piaraí: á é í ó ú",
    "mt": "Żjara ta' tagħlim bejn il-pari: ċ ġ ħ ż Ċ Ġ Ħ Ż",
}


def test_every_face_of_every_subset_is_shipped():
    for subset in SUBSETS:
        for weight, style in FACES:
            assert finders.find(font_file(subset, weight, style)), (subset, weight, style)


def test_the_pages_stylesheet_is_the_one_core_fonts_makes():
    assert STATIC_CSS.read_text() == static_stylesheet()


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds, without their subset prefix."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")))
    return names


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", SAMPLES)
def test_each_languages_letters_come_out_of_a_pdf_in_the_shipped_font(language):
    from weasyprint import HTML

    html = (
        f'<html lang="{language}"><style>{{fonts}}</style>'
        f"<p>{SAMPLES[language]}</p><p><b>{SAMPLES[language]}</b></p></html>"
    ).replace("{fonts}", pdf_font_faces())
    pdf = HTML(string=html).write_pdf()
    text = pdf_text(pdf)
    assert SAMPLES[language] in text.replace("\n", " ")
    assert embedded_fonts(pdf) and all(name.startswith("Noto-Sans") for name in embedded_fonts(pdf))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["el", "bg", "ga", "mt"])
def test_the_guide_pdf_in_greek_bulgarian_irish_and_maltese_misses_no_glyph(language):
    load_methodology()
    with translation.override(language):
        pdf = guide_pdf("http://testserver/")
        title = translation.gettext("The peer-learning methodology")
    text = pdf_text(pdf)
    assert title in text.replace("\n", " ")
    assert "\ufffd" not in text
    assert all(name.startswith("Noto-Sans") for name in embedded_fonts(pdf)), embedded_fonts(pdf)
