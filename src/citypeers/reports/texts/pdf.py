"""The report as one PDF (WeasyPrint): cover, contents with page numbers, numbered pages, in
the report's language; cached per version, so a second download costs a cache read."""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from citypeers.reports.models import Report, ReportVersion
from citypeers.reports.texts.page import report_sections

CACHE_SECONDS = 60 * 60 * 24 * 30


def pdf_cache_key(report: Report, version: ReportVersion) -> str:
    """Changes with the version, and with what the cover shows (title, status, language)."""
    # As plain text: a status set in memory is an enum member, read back it is a string.
    cover = "\n".join(map(str, (report.title, report.status, report.language, report.visit.title)))
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
            "base_url": base_url,
            "language": report.language,
        }
        return render_to_string("reports/report_pdf.html", context)


def report_pdf(report: Report, version: ReportVersion, base_url: str) -> bytes:
    key = pdf_cache_key(report, version)
    if (pdf := cache.get(key)) is not None:
        return pdf
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    pdf = HTML(string=report_html(report, version, base_url), base_url=base_url).write_pdf()
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf
