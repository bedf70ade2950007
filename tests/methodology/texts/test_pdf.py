"""The guide as a PDF: contents with page numbers, the reader's language, rebuilt on a change."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from citypeers.methodology.models import ActivityFormat

pytestmark = pytest.mark.django_db


def pdf_pages(client, language: str) -> list[str]:
    with translation.override(language):
        response = client.get(reverse("methodology:guide_pdf"))
    assert response["Content-Type"] == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def pdf_text(client, language: str) -> tuple[str, int]:
    pages = pdf_pages(client, language)
    return "\n".join(pages), len(pages)


def test_the_pdf_has_contents_with_page_numbers_and_every_format(client, methodology):
    pages = pdf_pages(client, "en")
    contents = pages[1]
    assert contents.startswith("Contents")
    for activity in ActivityFormat.objects.all():
        # Each format is listed in the contents with the page it starts on, and is there.
        listed = re.search(re.escape(activity.name_en) + r" ?\.+ ?(\d+)", contents)
        assert listed, activity.name_en
        assert activity.name_en in pages[int(listed.group(1)) - 1]


def test_the_pdf_follows_the_language_and_changes_with_the_methodology(client, methodology):
    french, _pages = pdf_text(client, "fr")
    assert "Sommaire" in french or "Table des matières" in french
    assert "Atelier en marchant" in french
    ActivityFormat.objects.filter(slug="walkshop").update(name_en="Walking workshop")
    english, _pages = pdf_text(client, "en")
    assert "Walking workshop" in english
