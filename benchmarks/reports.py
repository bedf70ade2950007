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

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS_FILE = PROJECT_DIR / "benchmarks" / "results" / "reports.json"
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


def _timed(client, path) -> tuple[float, bytes]:
    begin = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - begin) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, response.content


def _summary(timings: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1)
        if len(timings) > 1
        else round(timings[0], 1),
        "max_ms": round(max(timings), 1),
        "runs": len(timings),
    }


def run_here(page_count: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client
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

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
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
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(5):  # warm-up: imports, templates, connections
        _timed(client, addresses[0] + "/")
        _timed(client, "/healthz")
    pages = [_timed(client, addresses[0] + "/")[0] for _ in range(page_count)]
    _timed(client, addresses[-1] + ".pdf")  # warm-up
    first, page_counts = [], []
    for address in addresses[:-1]:
        elapsed, pdf = _timed(client, address + ".pdf")
        first.append(elapsed)
        page_counts.append(len(PdfReader(io.BytesIO(pdf)).pages))
    cached = [_timed(client, addresses[0] + ".pdf")[0] for _ in range(50)]
    health = [_timed(client, "/healthz")[0] for _ in range(page_count)]
    return {
        "report_page": _summary(pages),
        "report_pdf_first": _summary(first) | {"pdf_pages": min(page_counts)},
        "report_pdf_cached": _summary(cached),
        "healthz": _summary(health),
    }


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        # This checkout's code (and its tests' factories), whichever checkout the venv installed.
        sys.path[:0] = [str(PROJECT_DIR / "src"), str(PROJECT_DIR)]
        print(json.dumps(run_here(int(sys.argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "SECURE_HTTPS": "false",
            "CITYPEERS_DATA_DIR": data_dir,
            "DATABASE_URL": f"sqlite:///{data_dir}/bench.sqlite3",
            "DEBUG": "false",
            "CACHE_URL": "locmemcache://",
            "TASK_BACKEND": "dummy",
        }
        print("reports: timing the report page and its PDF…", flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(options.pages)],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if child.returncode != 0:
        raise SystemExit(f"the benchmark failed:\n{child.stderr[-3000:]}")
    results = json.loads(child.stdout.strip().splitlines()[-1])
    health = results["healthz"]["p50_ms"]
    print(f"\n{'what':<20}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'p50/healthz':>13}")
    for name, figures in results.items():
        ratio = figures["p50_ms"] / health if health else 0
        print(
            f"{name:<20}{figures['runs']:>6}{figures['p50_ms']:>10}{figures['p95_ms']:>10}"
            f"{figures['max_ms']:>10}{ratio:>13.1f}"
        )
    print(f"PDF pages: {results['report_pdf_first']['pdf_pages']}")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {RESULTS_FILE.relative_to(PROJECT_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
