"""The library's Atom feeds and the embeddable widgets, timed beside /healthz in the same run.

    make bench          (runs this after the impact benchmark)
    .venv/bin/python benchmarks/feeds.py [--views 200]

Builds a throw-away SQLite database with the database cache (as deployed): one programme with
a theme, 60 visits with a published agenda (half upcoming), 60 published reports, 30 public
calls (20 open), 100 published practices under the theme. Times, through Django's test client
(templates included), each feed (50 entries each), a feed polled with its ETag (304), each
widget page (20 items), an HTML fragment, the colour stylesheet, the builder and /healthz.
Prints milliseconds; writes benchmarks/results/feeds.json. Target: every feed and widget p95
under 100 ms, a 304 under 10 ms.
"""

import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    command,
    prepared_site,
    summary,
    timed_get,
)

VISITS, CALLS, PRACTICES = 60, 30, 100


def build():
    from django.utils import timezone

    from citypeers.reports.models import Report, ReportVersion
    from tests.factories import (
        CallFactory,
        PlaceFactory,
        ProgrammeFactory,
        PublishedPracticeFactory,
        TemplateVersionFactory,
        ThemeFactory,
        VisitFactory,
        VisitPlanFactory,
    )

    now, today = timezone.now(), timezone.localdate()
    theme = ThemeFactory(slug="reuse", name="Adaptive reuse")
    programme = ProgrammeFactory(slug="heritage-peers", name="Heritage Peers")
    programme.themes.add(theme)
    version = TemplateVersionFactory()
    place = PlaceFactory(name="Tartu", country="EE")
    for number in range(VISITS):
        start = today + datetime.timedelta(days=number - VISITS // 2)
        visit = VisitFactory(programme=programme, host_place=place, starts_on=start, ends_on=start)
        visit.themes.add(theme)
        VisitPlanFactory(visit=visit, template_version=version, agenda_published=True)
        report = Report.objects.create(visit=visit, language="en", title=f"Report {number}")
        ReportVersion.objects.create(report=report, number=1, sections={"summary": "Found."})
        report.status, report.published_at = "published", now - datetime.timedelta(hours=number)
        report.save()
    for number in range(CALLS):
        opens = now - datetime.timedelta(days=1 if number < 20 else -5)
        CallFactory(programme=programme, opens_at=opens, published_at=now)
    for _ in range(PRACTICES):
        PublishedPracticeFactory(themes=[theme])
    return programme


def run_here(views: int) -> dict:
    client = prepared_site()
    build()
    for _ in range(3):  # warm-up: imports, templates, connections
        timed_get(client, "/healthz")
    pages = {
        "reports_feed": "/en/reports/feed/",
        "calls_feed": "/en/calls/feed/",
        "programme_feed": "/en/programmes/heritage-peers/feed/",
        "theme_feed": "/en/themes/reuse/feed/",
        "widget_visits": "/en/widgets/visits/?limit=20&accent=ffd700&background=1b1b3a",
        "widget_calls": "/en/widgets/calls/?limit=20",
        "fragment_visits": "/en/widgets/visits.html?limit=20",
        "widget_theme_css": "/en/widgets/theme.css?accent=ffd700&background=1b1b3a",
        "widget_builder": "/en/widgets/?kind=visits&limit=20",
    }
    results = {}
    for name, path in pages.items():
        timed_get(client, path)
        results[name] = summary([timed_get(client, path)[0] for _ in range(views)])
    etag = client.get("/en/reports/feed/")["ETag"]
    not_modified = []
    for _ in range(views):
        begin = time.perf_counter()
        response = client.get("/en/reports/feed/", HTTP_IF_NONE_MATCH=etag)
        not_modified.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 304
    results["reports_feed_304"] = summary(not_modified)
    results["healthz"] = summary([timed_get(client, "/healthz")[0] for _ in range(views)])
    return results


def main() -> int:
    results = command(
        name="feeds",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing the feeds and the widgets",
        cache_url="dbcache://citypeers_cache",
    )
    if results is not None:
        slow = [name for name, figures in results.items() if figures["p95_ms"] >= 100]
        fast_304 = results["reports_feed_304"]["p95_ms"] < 10
        print(f"target: every page p95 under 100 ms: {'met' if not slow else f'MISSED {slow}'}")
        print(f"target: a 304 under 10 ms: {'met' if fast_304 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
