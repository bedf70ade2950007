"""The guide as a PDF: contents with page numbers, the reader's language, rebuilt on a change."""

import io
import re
import shutil

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from citypeers.core.translated import set_text, text_in
from citypeers.methodology.models import ActivityFormat, AgendaItemTemplate, VisitTemplate
from citypeers.methodology.selectors import guide
from citypeers.methodology.services.loader import load_methodology
from citypeers.methodology.texts.pdf import guide_html, methodology_stamp
from tests.factories import VisitTemplateFactory

pytestmark = pytest.mark.django_db


def pdf_reader(client, language: str) -> PdfReader:
    with translation.override(language):
        response = client.get(reverse("methodology:guide_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="citypeers-methodology-{language}.pdf"'
    )
    return PdfReader(io.BytesIO(response.content))


def pdf_text(client, language: str) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(client, language).pages)


@pytest.fixture(scope="module")
def english_guide(django_db_setup, django_db_blocker) -> PdfReader:
    """The whole shipped guide in English, made once for the tests that only read it: a render
    takes seconds. The methodology it was made from is rolled back; tests load their own."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_methodology()
        reader = pdf_reader(Client(), "en")
        transaction.set_rollback(True)
    return reader


def test_the_pdf_has_contents_with_page_numbers_and_links_to_every_format(
    english_guide, methodology
):
    reader = english_guide
    contents = reader.pages[1].extract_text()
    assert contents.startswith("Contents")
    for activity in ActivityFormat.objects.all():
        # Each format is listed in the contents with the page it starts on, and is there.
        listed = re.search(re.escape(text_in(activity, "name", "en")) + r" ?\.+ ?(\d+)", contents)
        assert listed, text_in(activity, "name", "en")
        assert (
            text_in(activity, "name", "en") in reader.pages[int(listed.group(1)) - 1].extract_text()
        )
        # Its entry is a link to the page the contents give, inside the file.
        destination = reader.named_destinations[f"format-{activity.slug}"]
        assert reader.get_destination_page_number(destination) == int(listed.group(1)) - 1
    links = [annotation.get_object() for annotation in reader.pages[1]["/Annots"]]
    targets = {link["/Dest"] for link in links if link["/Subtype"] == "/Link"}
    assert {"method", "phases", "roles", "evaluation", "lessons", "formats", "templates"} <= targets
    assert targets <= set(reader.named_destinations)  # no link leads nowhere


def test_the_pdf_has_the_lessons_and_evaluation_chapters_with_their_sources(english_guide):
    pages = [page.extract_text() for page in english_guide.pages]
    [lessons] = [number for number, text in enumerate(pages) if "Host-focused or" in text]
    assert "What earlier programmes taught" in "\n".join(pages[lessons - 6 : lessons + 1])
    text = " ".join(" ".join(pages).split())  # lines wrap anywhere
    for programme in ("Cultural Heritage in Action", "URBACT", "TAIEX-REGIO PEER 2 PEER"):
        assert programme in text
    assert "Evaluation and follow-up" in text and "Twelve months after the visit" in text
    # A source is printed with its address, and is a link to it.
    assert "(https://interregeurope.eu/peer-review)" in text
    uris = {
        annotation.get_object().get("/A", {}).get("/URI")
        for page in english_guide.pages
        for annotation in page.get("/Annots", [])
    }
    assert "https://interregeurope.eu/peer-review" in uris
    assert "http://urbact.eu/good-practice-call-soon-be-launched" in uris


def test_the_pdf_follows_the_language_and_changes_with_the_methodology(client, methodology):
    # One format and no template keep the guide short: what matters here is the text it holds.
    VisitTemplate.objects.all().delete()
    ActivityFormat.objects.exclude(slug="walkshop").delete()
    english = pdf_text(client, "en")
    assert "Contents" in english and "Walkshop" in english
    french = pdf_text(client, "fr")
    assert "Sommaire" in french or "Table des matières" in french
    assert "Atelier en marchant" in french
    activity = ActivityFormat.objects.get(slug="walkshop")
    set_text(activity, "name", "en", "Walking workshop")
    activity.save()
    english = pdf_text(client, "en")  # not the copy made before the edit
    assert "Walking workshop" in english and "Walkshop" not in english


def test_the_stamp_changes_with_any_edit_and_only_then(methodology):
    stamps = [methodology_stamp()]
    assert methodology_stamp() == stamps[-1]
    activity = ActivityFormat.objects.get(slug="walkshop")
    set_text(activity, "name", "en", "Walking workshop")
    activity.save()
    stamps.append(methodology_stamp())
    template = VisitTemplate.objects.get(slug="online")
    set_text(template, "name", "en", "Online visit")
    template.save()
    stamps.append(methodology_stamp())
    version = template.versions.get()
    version.pk, version.number = None, 2
    version.save()
    stamps.append(methodology_stamp())
    in_no_agenda = ActivityFormat.objects.exclude(
        pk__in=AgendaItemTemplate.objects.values("format")
    )
    in_no_agenda.first().delete()
    stamps.append(methodology_stamp())
    assert len(set(stamps)) == 5


def test_the_stamp_changes_when_a_chapters_text_does(methodology, tmp_path, monkeypatch):
    shutil.copytree(guide.GUIDE_DIR, tmp_path, dirs_exist_ok=True)
    monkeypatch.setattr(guide, "GUIDE_DIR", tmp_path)
    before = methodology_stamp()
    chapter = tmp_path / "fr" / "01-lessons.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    assert methodology_stamp() != before  # the French PDF is made again with the new text


def test_the_guide_lists_each_templates_current_version_and_its_agenda(methodology):
    version = VisitTemplate.objects.get(slug="online").versions.get()
    version.pk, version.number, version.default_days = None, 2, 5
    version.save()
    VisitTemplateFactory(slug="empty", name={"en": "Not yet written"})  # no version: left out
    html = guide_html("https://example.org")
    assert "Online peer-learning visit" in html and "Not yet written" not in html
    online = html.split('id="template-online"')[1].split('id="template-')[0]
    assert "Version 2, saved" in online and "Version 1" not in online
    assert 'href="#format-world-cafe"' in html  # the agenda links to its formats
    assert "https://example.org/en/methodology/formats/walkshop/" in html
