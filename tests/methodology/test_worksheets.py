"""Worksheets: each one downloads in every file type and language and opens as a document; the
cards that name a sheet have it; the list, the cards and the guide link them."""

import io
import re
import tomllib

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from docx import Document
from odf import opendocument, teletype
from odf.text import H
from pypdf import PdfReader

from citypeers.methodology.models import ActivityFormat, VisitTemplate
from citypeers.methodology.selectors.worksheets import worksheet_files, worksheet_get
from citypeers.methodology.services.loader import CONTENT_DIR
from citypeers.methodology.texts.worksheets import LINE_COUNTS

pytestmark = pytest.mark.django_db

SLUGS = list(worksheet_files())
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "pdf": "application/pdf",
}
CARDS = {
    data["slug"]: data
    for data in (tomllib.loads(path.read_text()) for path in CONTENT_DIR.glob("formats/*.toml"))
}
# What a card calls a sheet or a template that is no worksheet to hand out.
NOT_WORKSHEETS = {
    "flipchart sheets": "plain paper on the world café's tables",
    "tree template": "the problem tree drawn on an online whiteboard",
}
WORKSHEET_WORDS = re.compile(
    r"[\w-]+ (?:sheets?|templates?|worksheets?|grid|outline)\b", re.IGNORECASE
)


def download(client, slug: str, extension: str, language: str):
    with translation.override(language):
        url = reverse("methodology:worksheet", args=[slug, extension])
    assert url.startswith(f"/{language}/")
    return client.get(url)


def document_text(content: bytes, extension: str) -> str:
    """The document's text as its own library reads it."""
    if extension == "docx":
        document = Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)
    if extension == "odt":
        return teletype.extractText(opendocument.load(io.BytesIO(content)).text)
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(page.extract_text() for page in pages).replace("\n", " ")


@pytest.mark.parametrize("extension", ["docx", "odt", "pdf"])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("slug", SLUGS)
def test_every_worksheet_downloads_as_a_document_in_each_language(
    client, slug, language, extension
):
    response = download(client, slug, extension, language)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[extension]
    assert f'filename="citypeers-{slug}-{language}.{extension}"' in response["Content-Disposition"]
    sheet = worksheet_get(slug, language=language)
    text = document_text(response.content, extension)
    assert sheet.title in text
    if extension != "pdf":  # a PDF's text may break a label across lines
        for part in sheet.parts:
            assert part.label in text
            assert all(column in text for column in part.columns)


def test_the_word_document_opens_with_the_title_as_its_heading_and_tables_to_fill_in(client):
    response = download(client, "action-plan", "docx", "fr")
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Plan d'action", "Mon nom, ma ville et mon binôme", "Mon objectif"]
    assert document.core_properties.title == "Plan d'action"
    steps = document.tables[2]  # after the boxes for the name and the goal
    assert [cell.text for cell in steps.rows[0].cells] == ["Étape", "Pour quand", "Qui"]
    assert len(steps.rows) == 4 and not any(cell.text for cell in steps.rows[1].cells)


def test_the_opendocument_has_headings_and_the_readers_language(client):
    response = download(client, "transfer-sheet", "odt", "fr")
    document = opendocument.load(io.BytesIO(response.content))
    headings = [teletype.extractText(h) for h in document.getElementsByType(H)]
    assert headings[0] == "Fiche de transfert : comprendre, adapter, réutiliser"
    assert "Adapter : élément par élément" in headings
    assert 'fo:language="fr"' in document.xml().decode()


def test_french_downloads_have_french_titles(client):
    for slug in SLUGS:
        english, french = (worksheet_get(slug, language=code).title for code in ("en", "fr"))
        assert english != french, slug
        text = document_text(download(client, slug, "odt", "fr").content, "odt")
        assert french in text and english not in text


def test_every_text_of_every_worksheet_is_in_english_and_french():
    for slug, data in worksheet_files().items():
        for language in ("en", "fr"):
            assert data[language]["title"] and data[language]["purpose"], (slug, language)
        for part in data["parts"]:
            english, french = part["en"], part["fr"]
            assert english["label"] and french["label"], slug
            assert bool(english["help"]) == bool(french["help"]), (slug, english["label"])
            assert len(english.get("columns", [])) == len(french.get("columns", [])), slug
            assert part.get("rows", 0) == 0 or english["columns"], (slug, "a table has columns")
            assert part.get("lines", 1) in LINE_COUNTS, (slug, english["label"])


def test_every_worksheet_a_card_names_exists():
    claimed = {}
    for slug, data in worksheet_files().items():
        for card, phrase in data["cards"].items():
            assert card in CARDS, f"{slug} names a card that does not exist: {card}"
            # The card really names the sheet that way, so the link is not made up.
            assert phrase in _card_text(CARDS[card]).lower(), (slug, card, phrase)
            claimed.setdefault(card, []).append(slug)
    for card, data in CARDS.items():
        named = {m.group(0).lower() for m in WORKSHEET_WORDS.finditer(_card_text(data))}
        named -= set(NOT_WORKSHEETS)
        if named:
            assert card in claimed, f"{card} names {sorted(named)} but no worksheet is for it"


def _card_text(data: dict) -> str:
    texts = data["en"]
    steps = " ".join(step["text"] for step in texts.get("steps", []))
    return " ".join(value for value in texts.values() if isinstance(value, str)) + " " + steps


def test_unknown_worksheets_and_file_types_are_not_found(client):
    assert client.get("/en/methodology/worksheets/no-such-sheet.pdf").status_code == 404
    assert client.get("/en/methodology/worksheets/action-plan.rtf").status_code == 404
    assert client.get("/en/methodology/worksheets/action-plan.tar.gz").status_code == 404
    assert client.get("/en/methodology/worksheets/action-plan").status_code == 404


def test_the_list_says_what_each_is_for_and_which_cards_use_it(
    client, methodology, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):  # the formats named, in one query
        page = client.get(reverse("methodology:worksheets")).text
    for slug in SLUGS:
        sheet = worksheet_get(slug, language="en")
        assert escape(sheet.title) in page and escape(sheet.purpose) in page
        for extension in CONTENT_TYPES:
            assert reverse("methodology:worksheet", args=[slug, extension]) in page
    transfer_lab = ActivityFormat.objects.get(slug="transfer-lab")
    assert transfer_lab.get_absolute_url() in page
    # Each link names the worksheet and its file type for screen readers.
    assert 'Word document (DOCX)<span class="visually-hidden">, Action plan</span></a>' in page
    french = client.get("/fr/methodology/worksheets/").text
    assert escape("Plan d'action") in french and "Texte OpenDocument (ODT)" in french
    assert "/fr/methodology/worksheets/action-plan.odt" in french


def test_a_card_links_the_worksheets_it_uses(client, methodology):
    page = client.get(reverse("methodology:format", args=["action-planning"])).text
    assert "Worksheets" in page
    for slug in ("action-plan", "transfer-sheet"):
        assert reverse("methodology:worksheet", args=[slug, "docx"]) in page
    page = client.get(reverse("methodology:format", args=["world-cafe"])).text
    assert "/methodology/worksheets/" not in page


def test_the_guide_lists_the_worksheets_on_the_web_and_in_the_pdf(client, methodology):
    page = client.get(reverse("methodology:guide")).text
    assert 'id="worksheets-heading"' in page
    assert reverse("methodology:worksheets") in page
    assert reverse("methodology:worksheet", args=["budget", "pdf"]) in page
    # One format and no template keep the PDF short: what matters is the worksheets' chapter.
    VisitTemplate.objects.all().delete()
    ActivityFormat.objects.exclude(slug="transfer-lab").delete()
    with translation.override("fr"):
        response = client.get(reverse("methodology:guide_pdf"))
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert "Fiches de travail" in text and "Budget de la visite" in text
    links = {
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert "http://testserver/fr/methodology/worksheets/budget.pdf" in links
