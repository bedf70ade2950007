"""A visit report's web page and its PDF, timed beside /healthz in the same run.

    make bench          (runs this after the methodology benchmark)
    .venv/bin/python benchmarks/reports.py [--pages 200]

Builds a throw-away SQLite database with published reports long enough to fill 16 A4 pages
(nine sections of markdown: paragraphs, lists, a table), then times through Django's test client
(in-process, templates included) the public report page, each report's PDF the first time
(WeasyPrint lays it out) and once cached, and /healthz. Prints milliseconds and the ratio to
/healthz; writes benchmarks/results/reports.json.
Targets: the report page p95 under 50 ms; the 16-page PDF under 1.5 s.
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    command,
    prepared_site,
    summary,
    timed_get,
)

# Each PDF timed the first time is a different report, so no cache helps; one more is made
# untimed first, as a running server has loaded WeasyPrint and its fonts already.
PDF_REPORTS = 5
PARAGRAPH = (
    "The harbour market reopened after the city leased the empty sheds by the year to local "
    "traders, with a rent that rises only as their turnover does. Residents were asked which "
    "uses they wanted, and a third of the stalls went to groups that had never traded before. "
)


def _section(number: int) -> str:
    """Markdown filling two A4 pages (the first five sections: paragraphs, a list, a table)
    or one (the others), so that with the cover and the contents the PDF has 16 pages."""
    long = number <= 5
    parts = [f"### Part {number}"]
    parts += [PARAGRAPH * 3 for _ in range(2 if long else 1)]
    parts.append("\n".join(f"- Step {step}: {PARAGRAPH[:90]}" for step in range(1, 6)))
    if long:
        parts.append(
            "| Year | Stalls | Visitors |\n|---|---|---|\n"
            + "\n".join(f"| {2015 + y} | {40 + y * 3} | {12000 + y * 900} |" for y in range(8))
        )
    return "\n\n".join(parts)


def run_here(page_count: int) -> dict:
    client = prepared_site()
    from pypdf import PdfReader

    from citypeers.programmes.models import Role
    from citypeers.reports.enums import SECTION_KEYS
    from citypeers.reports.services.reports import (
        report_create,
        report_mark_final,
        report_publish,
        report_save,
        report_send_for_check,
    )
    from tests.factories import MembershipFactory, ProgrammeFactory, VisitFactory

    programme = ProgrammeFactory()
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    sections = {key: _section(number) for number, key in enumerate(SECTION_KEYS, 1)}
    addresses = []
    for _ in range(PDF_REPORTS):
        visit = VisitFactory(programme=programme)
        report = report_create(visit=visit, by=coordinator, title="Quays that came back to life")
        report_save(report=report, sections=sections, edited_version=1, by=coordinator)
        report_send_for_check(report=report, by=coordinator, notify=False)
        report_mark_final(report=report, by=coordinator)
        report_publish(report=report, by=coordinator)
        addresses.append(f"/en/programmes/{programme.slug}/visits/{visit.slug}/report")
    for _ in range(5):  # warm-up: imports, templates, connections
        timed_get(client, addresses[0] + "/")
        timed_get(client, "/healthz")
    pages = [timed_get(client, addresses[0] + "/")[0] for _ in range(page_count)]
    timed_get(client, addresses[-1] + ".pdf")  # warm-up
    first, page_counts = [], []
    for address in addresses[:-1]:
        elapsed, pdf = timed_get(client, address + ".pdf")
        first.append(elapsed)
        page_counts.append(len(PdfReader(io.BytesIO(pdf)).pages))
    cached = [timed_get(client, addresses[0] + ".pdf")[0] for _ in range(50)]
    health = [timed_get(client, "/healthz")[0] for _ in range(page_count)]
    return {
        "report_page": summary(pages),
        "report_pdf_first": summary(first) | {"pdf_pages": min(page_counts)},
        "report_pdf_cached": summary(cached),
        "healthz": summary(health),
    }


def main() -> int:
    results = command(
        name="reports",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing the report page and its PDF",
        option="--pages",
    )
    if results is not None:
        print(f"PDF pages: {results['report_pdf_first']['pdf_pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
