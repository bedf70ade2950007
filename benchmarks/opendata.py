"""The open data at 10,000 published practices, timed beside /healthz in the same run.

    make bench          (runs this after the impact benchmark)
    .venv/bin/python benchmarks/opendata.py [--views 50] [--postgres postgres://…/db]

Builds a throw-away database (SQLite by default; with --postgres, the PostgreSQL database
named, dropped and created again) with the database cache (as deployed): 10,000 published
practices in 40 cities of 20 countries under 8 themes, 3 programmes with visits and calls.
Times, through Django's test client, the DCAT-AP catalogue right after a change (built again:
cold), with nothing changed (a cache read: warm), in JSON-LD, the practices' CSV and JSON
read to the end, and /healthz. Prints milliseconds; writes benchmarks/results/opendata.json
(opendata-postgresql.json with --postgres). Target: the catalogue under 1 s cold, cached after.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

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
COUNTRIES = ["BE", "PT", "EE", "FR", "AT", "FI", "LT", "IE", "HR", "CZ",
             "SE", "DE", "IT", "ES", "NL", "PL", "SI", "SK", "LV", "DK"]  # fmt: skip


def build() -> None:
    """The practices, their places and themes, and three programmes, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from citypeers.calls.models import Call
    from citypeers.catalogue.models import Practice
    from citypeers.people.models import User
    from citypeers.places.models import Place
    from citypeers.programmes.models import Programme, Theme, Visit

    now = timezone.now()
    places = Place.objects.bulk_create(
        Place(name=f"City {n}", country=COUNTRIES[n % len(COUNTRIES)], kind="city")
        for n in range(40)
    )
    themes = Theme.objects.bulk_create(
        Theme(name=f"Theme {n}", slug=f"theme-{n}") for n in range(8)
    )
    author = User.objects.create(email="author@example.org", password=make_password("x"))
    programmes = [
        Programme.objects.create(
            name=f"Programme {n}",
            slug=f"programme-{n}",
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
        )
        for n in range(3)
    ]
    for programme in programmes:
        visits = Visit.objects.bulk_create(
            Visit(programme=programme, title=f"Visit {n}", slug=f"visit-{n}", host_place=places[n])
            for n in range(10)
        )
        for n, visit in enumerate(visits[:3]):
            call = Call.objects.create(
                programme=programme,
                type="participants",
                title=f"Call {n}",
                slug=f"{programme.slug}-call-{n}",
                description="Come.",
                published_at=now,
                opens_at=now,
                closes_at=now + datetime.timedelta(days=30),
            )
            call.visits.add(visit)
    practices = Practice.objects.bulk_create(
        Practice(
            programme=programmes[n % 3],
            title=f"Practice {n}",
            slug=f"practice-{n}",
            tagline="A practice worth learning from.",
            type="project",
            summary="What the city did, in short.",
            status="published",
            published_at=now,
            started_on=datetime.date(2015 + n % 10, 1, 1),
            submitted_by=author,
        )
        for n in range(PRACTICES)
    )
    Practice.places.through.objects.bulk_create(
        Practice.places.through(practice=p, place=places[n % len(places)])
        for n, p in enumerate(practices)
    )
    Practice.themes.through.objects.bulk_create(
        Practice.themes.through(practice=p, theme=themes[n % len(themes)])
        for n, p in enumerate(practices)
    )


def streamed_get(client, path: str) -> tuple[float, int]:
    """Milliseconds to GET a streamed download to its end, and its size in bytes."""
    begin = time.perf_counter()
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    size = sum(len(chunk) for chunk in response.streaming_content)
    return (time.perf_counter() - begin) * 1000, size


def run_here(views: int) -> dict:
    if os.environ.get("OPENDATA_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["OPENDATA_BENCH_DATABASE_URL"]
    client = prepared_site()

    from citypeers.core.changes import changed

    build()
    for _ in range(3):  # warm-up: imports, templates, connections
        timed_get(client, "/healthz")
    cold = []
    for _ in range(10):
        changed("practices")  # outside a transaction: marked at once, the catalogue is stale
        cold.append(timed_get(client, "/data/catalog.ttl")[0])
    warm = [timed_get(client, "/data/catalog.ttl")[0] for _ in range(views)]
    jsonld = [timed_get(client, "/data/catalog.jsonld")[0] for _ in range(views)]
    csv_runs = [streamed_get(client, "/data/practices.csv") for _ in range(5)]
    json_runs = [streamed_get(client, "/data/practices.json") for _ in range(5)]
    landing = [timed_get(client, "/en/data/")[0] for _ in range(views)]
    health = [timed_get(client, "/healthz")[0] for _ in range(200)]
    return {
        "catalog_ttl_cold": summary(cold),
        "catalog_ttl_warm": summary(warm),
        "catalog_jsonld_warm": summary(jsonld),
        "practices_csv": summary([ms for ms, _size in csv_runs]),
        "practices_json": summary([ms for ms, _size in json_runs]),
        "data_landing_page": summary(landing),
        "healthz": summary(health),
    }


def _fresh_postgres(url: str) -> None:
    parts = urlsplit(url)
    where = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    where += ["-U", parts.username or "postgres"]
    name = parts.path.lstrip("/")
    subprocess.run(["dropdb", *where, "--if-exists", name], check=True)
    subprocess.run(["createdb", *where, name], check=True)


def main() -> int:
    if is_child():
        print(json.dumps(run_here(child_argument())))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=50)
    parser.add_argument("--postgres", help="a PostgreSQL database to drop, create and use")
    options = parser.parse_args()
    name = "opendata"
    if options.postgres:
        _fresh_postgres(options.postgres)
        os.environ["OPENDATA_BENCH_DATABASE_URL"] = options.postgres
        name = "opendata-postgresql"
    print(f"opendata: timing the catalogue and downloads at {PRACTICES:,} practices…", flush=True)
    results = run_in_child(__file__, options.views, cache_url="dbcache://citypeers_cache")
    show_and_keep(name, results)
    cold, warm = results["catalog_ttl_cold"], results["catalog_ttl_warm"]
    met = cold["max_ms"] < 1000 and warm["p95_ms"] < cold["p50_ms"]
    print(f"target: the catalogue under 1 s cold, cached after: {'met' if met else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
