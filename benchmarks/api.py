"""The public API's practice list at 10,000 published practices, timed beside /healthz.

    make bench          (runs this after the impact benchmark)
    .venv/bin/python benchmarks/api.py [--requests 200] [--postgres postgres://…/db]

Builds a throw-away database (SQLite in a temporary folder, or the empty PostgreSQL database
named) with the database cache, as deployed: 10,000 published practices in 40 places of 8
countries, 12 themes, two of each per practice. Times, through Django's test client, the first
page of 50, a middle page (100), a filtered page (a theme and a country), a detail, a
conditional request answered 304 (If-None-Match) and /healthz. The rate limits are raised for
the run (API_RATE_LIMIT_*). Prints milliseconds; writes benchmarks/results/api[-postgres].json.
Each page is timed read again (its answer kept in the cache under its ETag) and uncached (each
address new, as the first read after a change). Targets: list pages p95 under 50 ms; the 304
within 2x /healthz.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    child_argument,
    is_child,
    prepared_site,
    run_in_child,
    show_and_keep,
    summary,
    timed_get,
)

PRACTICES = 10_000
COUNTRIES = ["PT", "BE", "EE", "FR", "AT", "FI", "LT", "IE"]


def build() -> None:
    """The practices and their links, in bulk (no signals: the search index is not needed)."""
    from django.utils import timezone

    from citypeers.catalogue.models import Practice
    from citypeers.places.models import Place
    from citypeers.programmes.models import Programme, Theme

    rng = random.Random(19)
    programme = Programme.objects.create(
        name="Heritage",
        slug="heritage",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    places = Place.objects.bulk_create(
        Place(name=f"Town {n}", country=COUNTRIES[n % 8], population=20_000 * (n + 1))
        for n in range(40)
    )
    themes = Theme.objects.bulk_create(
        Theme(name=f"Theme {n}", slug=f"theme-{n}") for n in range(12)
    )
    now = timezone.now()
    practices = Practice.objects.bulk_create(
        (
            Practice(
                programme=programme,
                title=f"Practice {n}",
                slug=f"practice-{n}",
                tagline="A practice worth learning from.",
                type="project",
                summary="What the city did, in short. " * 8,
                status="published",
                published_at=now - datetime.timedelta(minutes=n),
            )
            for n in range(PRACTICES)
        ),
        batch_size=1000,
    )
    Practice.places.through.objects.bulk_create(
        (
            Practice.places.through(practice_id=p.pk, place_id=place.pk)
            for p in practices
            for place in rng.sample(places, 2)
        ),
        batch_size=5000,
    )
    Practice.themes.through.objects.bulk_create(
        (
            Practice.themes.through(practice_id=p.pk, theme_id=theme.pk)
            for p in practices
            for theme in rng.sample(themes, 2)
        ),
        batch_size=5000,
    )


def timed_304(client, path: str, etag: str) -> float:
    begin = time.perf_counter()
    response = client.get(path, HTTP_IF_NONE_MATCH=etag)
    elapsed = (time.perf_counter() - begin) * 1000
    assert response.status_code == 304, (path, response.status_code)
    return elapsed


def run_here(requests: int) -> dict:
    if url := os.environ.get("API_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = url
    limits = "10000000/hour"  # the run's requests, never limited
    os.environ.update(API_RATE_LIMIT_ANONYMOUS=limits, API_RATE_LIMIT_TOKEN=limits)
    client = prepared_site()
    from django.db import connection

    build()
    with connection.cursor() as cursor:  # what autovacuum (or SQLite's optimize) would know
        cursor.execute("ANALYZE")
    pages = {
        "api_first_page": "/api/v1/practices/",
        "api_middle_page": "/api/v1/practices/?page=100",
        "api_filtered_page": "/api/v1/practices/?theme=theme-3&country=PT",
        "api_detail": "/api/v1/practices/practice-5000/",
    }
    for _ in range(3):  # warm-up: imports, connections, the cache table
        timed_get(client, "/healthz")
        for path in pages.values():
            timed_get(client, path)
    results = {}
    for name, path in pages.items():
        # Read again: the answer kept in the cache under its ETag. Uncached: each address is
        # new (a parameter the API ignores), as the first read after a change.
        results[name] = summary([timed_get(client, path)[0] for _ in range(requests)])
        glue = "&" if "?" in path else "?"
        results[f"{name}_uncached"] = summary(
            [timed_get(client, f"{path}{glue}n={n}")[0] for n in range(requests)]
        )
    etag = client.get(pages["api_first_page"])["ETag"]
    results["api_304"] = summary(
        [timed_304(client, pages["api_first_page"], etag) for _ in range(requests)]
    )
    results["healthz"] = summary([timed_get(client, "/healthz")[0] for _ in range(requests)])
    results["database"] = {"vendor": connection.vendor}
    return results


def main() -> int:
    if is_child():
        print(json.dumps(run_here(child_argument())))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--postgres", help="an empty PostgreSQL database's URL, else SQLite")
    options = parser.parse_args()
    if options.postgres:
        os.environ["API_BENCH_DATABASE_URL"] = options.postgres
    print(f"api: timing the practices list at {PRACTICES:,} practices…", flush=True)
    results = run_in_child(__file__, options.requests, cache_url="dbcache://citypeers_cache")
    database = results.pop("database")["vendor"]
    name = "api" if database == "sqlite" else f"api-{database}"
    show_and_keep(name, results)
    lists = ("api_first_page", "api_middle_page", "api_filtered_page")
    fast = all(results[page]["p95_ms"] < 50 for page in lists)
    cold = all(results[f"{page}_uncached"]["p95_ms"] < 50 for page in lists)
    ratio = results["api_304"]["p50_ms"] / results["healthz"]["p50_ms"]
    print(f"target: list pages p95 under 50 ms ({database}): {'met' if fast else 'MISSED'}")
    print(f"  (uncached, each the first read of its address: {'met' if cold else 'MISSED'})")
    print(f"target: 304 within 2x /healthz: {ratio:.2f}x, {'met' if ratio <= 2 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
