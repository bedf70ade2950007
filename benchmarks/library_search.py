"""Library search latency at 10,000 practices, on SQLite and on PostgreSQL.

    make bench          (runs this after the HTTP throughput benchmark)
    .venv/bin/python benchmarks/library_search.py [--practices 10000] [--searches 100]
                                                  [--databases sqlite,postgresql]

For each database it builds a throw-away database (SQLite in a temporary directory;
PostgreSQL as `citypeers_bench` on 127.0.0.1:5432), migrates it, loads the demo's places and
themes, generates the practices, builds the search index, then times 100 realistic library
searches as full page renders through Django's test client (templates included, no network),
and `/healthz` the same way for scale. Prints p50 and p95 in milliseconds and writes
benchmarks/results/library_search.json. Target: p95 under 50 ms at 10,000 practices.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS_FILE = PROJECT_DIR / "benchmarks" / "results" / "library_search.json"
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH_URL = "postgres://postgres@127.0.0.1:5432/citypeers_bench"
WORDS = [
    "heritage",
    "mill",
    "volunteer",
    "digital",
    "school",
    "harbour",
    "church",
    "fortress",
    "participation",
    "museum",
    "walks newcomers",
    "adaptive re-use",
    "archive",
    "garden",
    "festival",
    '"cultural heritage"',
    "co-management",
    "river",
    "castle",
    "industrial",
]


def realistic_queries(rng, themes: list[str], countries: list[str], count: int) -> list[dict]:
    """What people type and click: words, often a filter, sometimes another page or sort."""
    queries = []
    for _ in range(count):
        params = {}
        if rng.random() < 0.8:
            params["q"] = rng.choice(WORDS)
        if rng.random() < 0.35:
            params["theme"] = rng.choice(themes)
        if rng.random() < 0.3:
            params["country"] = rng.choice(countries)
        if rng.random() < 0.2:
            params["size"] = rng.choice(["small", "medium", "large", "metropolis"])
        if rng.random() < 0.1:
            params["host"] = "yes"
        if rng.random() < 0.15:
            params["sort"] = rng.choice(["newest", "title"])
        if rng.random() < 0.15:
            params["page"] = str(rng.randint(2, 4))
        queries.append(params)
    return queries


def run_on_this_database(practice_count: int, search_count: int) -> dict:
    """Runs inside a child process whose DATABASE_URL names the database to measure."""
    import random

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from benchmarks.practice_generator import generate_practices
    from citypeers.library.indexing import rebuild_index
    from citypeers.programmes.models import Theme

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    generate_practices(practice_count)
    indexed = rebuild_index()
    prepared = time.perf_counter() - started
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(12)
    themes = list(Theme.objects.values_list("slug", flat=True))
    queries = realistic_queries(
        rng, themes, ["FR", "DE", "IT", "ES", "PL", "FI", "HR"], search_count
    )
    for params in queries[:10]:  # warm caches and connections
        client.get("/en/library/", params)
    timings = []
    for params in queries:
        begin = time.perf_counter()
        response = client.get("/en/library/", params)
        timings.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (params, response.status_code)
    # A write replaces the cards' token: the next search in each process rebuilds its index.
    from django.db import transaction

    from citypeers.library.card_index import cards_changed

    after_change = []
    for params in queries[:20]:
        with transaction.atomic():
            cards_changed()
        begin = time.perf_counter()
        client.get("/en/library/", params)
        after_change.append((time.perf_counter() - begin) * 1000)
    health = []
    for _ in range(100):
        begin = time.perf_counter()
        client.get("/healthz")
        health.append((time.perf_counter() - begin) * 1000)
    return {
        "database": connection.vendor,
        "practices": indexed,
        "prepare_seconds": round(prepared, 1),
        "searches": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20)[18], 1),
        "max_ms": round(max(timings), 1),
        "after_change_p50_ms": round(statistics.median(after_change), 1),
        "healthz_p50_ms": round(statistics.median(health), 2),
    }


def measure(database: str, practice_count: int, search_count: int) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "SECURE_HTTPS": "false",
            "CITYPEERS_DATA_DIR": data_dir,
            "CACHE_URL": "locmemcache://",
            "TASK_BACKEND": "dummy",
            "DEBUG": "false",
        }
        if database == "postgresql":
            _recreate_postgres_database()
            env["DATABASE_URL"] = POSTGRES_BENCH_URL
        else:
            env["DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(practice_count), str(search_count)],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if child.returncode != 0:
            raise SystemExit(f"{database}: the benchmark failed:\n{child.stderr[-3000:]}")
        return json.loads(child.stdout.strip().splitlines()[-1])


def _recreate_postgres_database() -> None:
    import psycopg

    with psycopg.connect(
        POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as db:
        db.execute("DROP DATABASE IF EXISTS citypeers_bench")
        db.execute("CREATE DATABASE citypeers_bench")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.path.insert(0, str(PROJECT_DIR))
        print(json.dumps(run_on_this_database(int(sys.argv[2]), int(sys.argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--databases", default="sqlite,postgresql")
    options = parser.parse_args()
    results = []
    for database in options.databases.split(","):
        print(
            f"{database}: building {options.practices} practices and timing searches…", flush=True
        )
        results.append(measure(database, options.practices, options.searches))
    header = ("database", "practices", "p50 ms", "p95 ms", "max ms", "after write", "healthz")
    print("\n{:<12}{:>10}{:>9}{:>9}{:>9}{:>13}{:>9}".format(*header))
    for r in results:
        print(
            f"{r['database']:<12}{r['practices']:>10}{r['p50_ms']:>9}{r['p95_ms']:>9}"
            f"{r['max_ms']:>9}{r['after_change_p50_ms']:>13}"
            f"{r['healthz_p50_ms']:>9}"
        )
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {RESULTS_FILE.relative_to(PROJECT_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
