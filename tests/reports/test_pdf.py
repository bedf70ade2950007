import io

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from citypeers.reports.selectors.reports import latest_version
from citypeers.reports.services.reports import report_create, report_publish
from citypeers.reports.texts.pdf import pdf_cache_key
from tests.reports.conftest import move_to

pytestmark = pytest.mark.django_db


def _pdf(client, report):
    url = reverse("reports:pdf", args=[report.visit.programme.slug, report.visit.slug])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_pdf_has_a_cover_contents_with_page_numbers_and_numbered_pages(client, published):
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(_pdf(client, published))).pages]
    assert "Quays that work" in pages[0] and published.visit.title in pages[0]
    assert "ANALYTICAL REPORT OF A PEER-LEARNING VISIT" in pages[0]  # set in capitals
    contents = pages[1]
    # Each written section in the contents, with the page it starts on: the cover is page 1,
    # the contents page 2, then one section a page.
    assert "Executive summary" in contents and "The practice in a nutshell" in contents
    assert "Executive summary" in contents.split("3")[0]
    assert "The market hall came back to life." in pages[2]
    assert pages[2].rstrip().endswith(f"3 / {len(pages)}")  # the footer's page number


def test_a_french_report_is_typeset_in_french(client, visit, coordinator):
    report = report_create(visit=visit, by=coordinator, language="fr", title="Quais")
    client.force_login(coordinator)
    first = PdfReader(io.BytesIO(_pdf(client, report))).pages[0].extract_text()
    assert "RAPPORT D\u2019ANALYSE D\u2019UNE VISITE" in first  # capitals, curly apostrophes
    assert "Hôte" in first and "Brouillon" in first


def test_a_second_download_comes_from_the_cache(client, published):
    first = _pdf(client, published)
    key = pdf_cache_key(published, latest_version(published))
    assert cache.get(key) == first
    assert _pdf(client, published) == first


def test_publishing_lays_out_the_pdf_before_anyone_asks(
    report, rapporteur, coordinator, django_capture_on_commit_callbacks
):
    move_to(report, "final", rapporteur=rapporteur, coordinator=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        report_publish(report=report, by=coordinator)
    report.refresh_from_db()
    cached = cache.get(pdf_cache_key(report, latest_version(report)))
    assert cached is not None and cached.startswith(b"%PDF")
