"""The report PDF's appendix of the end-of-visit survey's charts, each with its numbers."""

import io

import pytest
from django.core.cache import cache
from django.urls import reverse
from pypdf import PdfReader

from citypeers.reports.services.reports import report_create
from tests.feedback.scene import answered_survey

pytestmark = pytest.mark.django_db


def _pages(client, report) -> list[str]:
    cache.clear()  # each test lays its PDF out anew
    url = reverse("reports:pdf", args=[report.visit.programme.slug, report.visit.slug])
    content = client.get(url).content
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def _images(client, report) -> int:
    url = reverse("reports:pdf", args=[report.visit.programme.slug, report.visit.slug])
    reader = PdfReader(io.BytesIO(client.get(url).content))
    # WeasyPrint draws each SVG as a form XObject on its page.
    return sum(len(page["/Resources"].get("/XObject", {})) for page in reader.pages)


def test_the_survey_charts_come_with_their_numbers_in_an_appendix(client, published):
    survey, given, sessions = answered_survey(responses=4, visit=published.visit)
    pages = _pages(client, published)
    assert "Survey figures" in pages[1]  # listed in the contents
    start = next(n for n, page in enumerate(pages) if n > 1 and "Survey figures" in page)
    appendix = "\n".join(pages[start:])
    invited = survey.invitations.count()
    assert f"4 responses of {invited} invited." in appendix
    useful = sum(answers["useful"] for answers in given) / 4
    assert f"4 answers, mean {useful:.2f}" in appendix
    before = sum(answers["knowledge"][0] for answers in given) / 4
    after = sum(answers["knowledge"][1] for answers in given) / 4
    assert "Self-rated knowledge, before and after" in appendix
    assert f"{before:.2f} {after:.2f}" in appendix  # the table's row
    assert "Self-rated knowledge, mean from 1 to 5" in appendix  # the chart's own title, drawn
    for session in sessions:
        mean = sum(a["sessions"][session] for a in given) / 4
        assert session.shown_title in appendix and f"{mean:.2f}" in appendix
    assert _images(client, published) >= 3  # a rating, before and after, the sessions


def test_no_appendix_without_enough_answers(client, published):
    assert not any("Survey figures" in page for page in _pages(client, published))
    answered_survey(responses=2, visit=published.visit)  # too few: the figures stay hidden
    assert not any("Survey figures" in page for page in _pages(client, published))
    assert _images(client, published) == 0


def test_new_answers_lay_the_pdf_out_again(client, published):
    """The PDF cached at publication would otherwise keep an appendix-less report forever."""
    assert not any("Survey figures" in page for page in _pages(client, published))
    answered_survey(responses=3, visit=published.visit)
    url = reverse("reports:pdf", args=[published.visit.programme.slug, published.visit.slug])
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(client.get(url).content)).pages]
    assert any("Survey figures" in page for page in pages)


def test_the_appendix_is_in_the_reports_language(client, visit, coordinator):
    report = report_create(visit=visit, by=coordinator, language="fr", title="Quais")
    answered_survey(responses=3, visit=visit)
    client.force_login(coordinator)
    text = "\n".join(_pages(client, report))
    assert "Chiffres de l'enquête" in text
