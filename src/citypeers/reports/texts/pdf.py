"""The report as one PDF (WeasyPrint): cover, contents with page numbers, numbered pages, in
the report's language, and an appendix of the end-of-visit survey's charts when enough
answered; cached per version, so a second download costs a cache read (and a count)."""

import functools
import hashlib
from pathlib import Path

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from citypeers.core.fonts import pdf_font_faces
from citypeers.reports.models import Report, ReportVersion
from citypeers.reports.selectors.survey_figures import end_of_visit_figures, end_of_visit_responses
from citypeers.reports.texts.page import report_sections
from citypeers.reports.texts.survey_charts import survey_appendix

CACHE_SECONDS = 60 * 60 * 24 * 30
STYLESHEET = Path(__file__).with_name("report_pdf.css")


def pdf_cache_key(report: Report, version: ReportVersion) -> str:
    """Changes with the version, with what the cover shows (title, status, language), and with
    the survey answers the appendix counts."""
    # As plain text: a status set in memory is an enum member, read back it is a string.
    visit = report.visit
    shown = (report.title, report.status, report.language, visit.title)
    cover = "\n".join(map(str, (*shown, end_of_visit_responses(visit))))
    stamp = hashlib.sha256(cover.encode()).hexdigest()[:12]
    return f"report-pdf:{report.pk}:{version.number}:{stamp}"


def report_html(report: Report, version: ReportVersion, base_url: str) -> str:
    visit = report.visit
    with translation.override(report.language):
        context = {
            "report": report,
            "version": version,
            "visit": visit,
            "sections": report_sections(version),
            "survey": survey_appendix(end_of_visit_figures(visit)),
            "base_url": base_url,
            "language": report.language,
        }
        return render_to_string("reports/report_pdf.html", context)


@functools.cache
def _fonts_and_stylesheet():
    """Parsed once per process: the same for every report, and parsing it anew each time
    was a few percent of a 16-page layout. The shipped fonts come with it (core.fonts)."""
    from weasyprint import CSS  # heavy import, only when a PDF is really made
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    text = pdf_font_faces() + STYLESHEET.read_text(encoding="utf-8")
    return fonts, CSS(string=text, font_config=fonts)


def report_pdf(report: Report, version: ReportVersion, base_url: str) -> bytes:
    key = pdf_cache_key(report, version)
    if (pdf := cache.get(key)) is not None:
        return pdf
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    html = HTML(string=report_html(report, version, base_url), base_url=base_url)
    fonts, stylesheet = _fonts_and_stylesheet()
    pdf = html.write_pdf(stylesheets=[stylesheet], font_config=fonts)
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf
