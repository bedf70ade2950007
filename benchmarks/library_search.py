"""Library search latency at 100,000 practices, on SQLite and on PostgreSQL.

    make bench          (runs this after the HTTP throughput benchmark)
    .venv/bin/python benchmarks/library_search.py [--practices 100000] [--searches 100]
                                                  [--databases sqlite,postgresql] [--reuse]

For each database it builds a throw-away database (SQLite in a temporary directory;
PostgreSQL as `citypeers_bench` on 127.0.0.1:5432), migrates it, loads the demo's places and
themes, generates the practices, builds the search index, then times 100 realistic library
searches as full page renders through Django's test client (templates included, no network),
then the same 100 again ("again": every word's result is kept by then), and `/healthz` the
same way for scale. The first search of each word in the first round, which the database
works out, is reported apart ("new words": their number @ their p50), and at the end each
word's first search with nothing kept, then its second, one by one. Pages are made, never
served as kept copies (PAGE_CACHE_SECONDS=0). It also times the in-memory card index's
rebuild (reading the cards and building the bitmaps, apart) and measures the memory the index
holds in the process.
`--reuse` keeps `citypeers_bench` when it already holds that many practices (PostgreSQL only).
Prints milliseconds and writes benchmarks/results/library_search_<practices>.json.
Target (issue 22): p95 under 50 ms and a rebuild under 100 ms at 100,000 practices.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.child_process import run_json_child

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
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


def measure_index(runs: int = 5) -> dict:
    """The card index's rebuild (median of `runs`: the cards read, the bitmaps built) and the
    memory it holds once built, by tracemalloc: every allocation the build leaves alive,
    which a deep getsizeof would only estimate (shared ints, dict overheads)."""
    import tracemalloc

    from citypeers.library import card_index

    reads, builds = [], []
    for _ in range(runs):
        begin = time.perf_counter()
        cards = card_index._read_cards()
        read = time.perf_counter()
        card_index.build_index("bench", cards)
        built = time.perf_counter()
        reads.append((read - begin) * 1000)
        builds.append((built - read) * 1000)
        del cards
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = card_index.build_index("bench", card_index._read_cards())
    held = tracemalloc.get_traced_memory()[0] - before
    index.title_order("en")
    with_title_order = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return {
        "rebuild_read_ms": round(statistics.median(reads), 1),
        "rebuild_build_ms": round(statistics.median(builds), 1),
        "rebuild_ms": round(statistics.median(map(sum, zip(reads, builds, strict=True))), 1),
        "index_mb": round(held / 2**20, 1),
        "index_with_title_order_mb": round(with_title_order / 2**20, 1),
    }


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
    from citypeers.library.models import PracticeCard
    from citypeers.programmes.models import Theme

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    indexed = PracticeCard.objects.count()
    if indexed != practice_count:  # a fresh database, or a reused one of another size
        generate_practices(practice_count)
        indexed = rebuild_index()
    prepared = time.perf_counter() - started
    index_figures = measure_index()
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(12)
    themes = list(Theme.objects.values_list("slug", flat=True))
    queries = realistic_queries(
        rng, themes, ["FR", "DE", "IT", "ES", "PL", "FI", "HR"], search_count
    )
    for params in queries[:10]:  # warm caches and connections
        client.get("/en/library/", params)
    # Words searched for the first time are worked out by the database; after that their
    # result is kept (library.search.kept) and only the page is made. Timed apart as well.
    searched = {params.get("q") for params in queries[:10]}
    timings, first_words = [], []
    for params in queries:
        begin = time.perf_counter()
        response = client.get("/en/library/", params)
        timings.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (params, response.status_code)
        if params.get("q") not in searched:
            first_words.append(timings[-1])
            searched.add(params["q"])
    again = []
    for params in queries:
        begin = time.perf_counter()
        client.get("/en/library/", params)
        again.append((time.perf_counter() - begin) * 1000)
    # A practice saved: its document and card are written, with a new token, and the next
    # search in each process brings its index up to date (in place, since issue 22).
    from citypeers.library.card_index import current_index
    from citypeers.library.indexing import index_practice
    from citypeers.library.search.documents import published_practices

    saved = list(published_practices().order_by("?")[:40])
    after_change, follow = [], []
    for params, practice in zip(queries[:20], saved[:20], strict=True):
        index_practice(practice)
        begin = time.perf_counter()
        client.get("/en/library/", params)
        after_change.append((time.perf_counter() - begin) * 1000)
    for practice in saved[20:]:
        index_practice(practice)
        begin = time.perf_counter()
        current_index()
        follow.append((time.perf_counter() - begin) * 1000)
    # Each word's first search with nothing kept (the cache emptied, the index made again by
    # the writes above), then the same page again: which words the database finds costly.
    from django.core.cache import cache

    cache.clear()
    current_index().rankings.clear()
    by_word = {}
    for words in WORDS:
        times = []
        for _ in range(2):
            begin = time.perf_counter()
            client.get("/en/library/", {"q": words})
            times.append(round((time.perf_counter() - begin) * 1000, 1))
        by_word[words] = times
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
        "first_words": len(first_words),
        "first_words_p50_ms": round(statistics.median(first_words), 1) if first_words else None,
        "again_p50_ms": round(statistics.median(again), 1),
        "again_p95_ms": round(statistics.quantiles(again, n=20)[18], 1),
        "after_change_p50_ms": round(statistics.median(after_change), 1),
        "follow_write_p50_ms": round(statistics.median(follow), 1),
        "follow_write_max_ms": round(max(follow), 1),
        **index_figures,
        "healthz_p50_ms": round(statistics.median(health), 2),
        "by_word_first_again_ms": by_word,
    }


def measure(database: str, practice_count: int, search_count: int, *, reuse: bool) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "SECURE_HTTPS": "false",
            "CITYPEERS_DATA_DIR": data_dir,
            "CACHE_URL": "locmemcache://",
            # The page as made: repeated searches must not be answered by kept copies.
            "PAGE_CACHE_SECONDS": "0",
            "TASK_BACKEND": "dummy",
            "DEBUG": "false",
        }
        if database == "postgresql":
            _create_postgres_database(drop_first=not reuse)
            env["DATABASE_URL"] = POSTGRES_BENCH_URL
        else:
            env["DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
        return run_json_child(
            [sys.executable, __file__, "--child", str(practice_count), str(search_count)],
            cwd=PROJECT_DIR,
            env=env,
            timeout=3600,
            what=f"{database}: the benchmark",
            failure=SystemExit,
        )


def _create_postgres_database(*, drop_first: bool) -> None:
    """`citypeers_bench`, made afresh, or kept when it exists and `drop_first` is false."""
    import psycopg

    with psycopg.connect(
        POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as db:
        if drop_first:
            db.execute("DROP DATABASE IF EXISTS citypeers_bench")
        exists = db.execute("SELECT 1 FROM pg_database WHERE datname = 'citypeers_bench'")
        if not exists.fetchone():
            db.execute("CREATE DATABASE citypeers_bench")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        # This checkout's code, not whichever the virtualenv installed (a worktree shares it).
        sys.path.insert(0, str(PROJECT_DIR / "src"))
        print(json.dumps(run_on_this_database(int(sys.argv[2]), int(sys.argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--reuse", action="store_true", help="keep citypeers_bench if it has these practices"
    )
    options = parser.parse_args()
    results = []
    for database in options.databases.split(","):
        print(
            f"{database}: building {options.practices} practices and timing searches…", flush=True
        )
        results.append(measure(database, options.practices, options.searches, reuse=options.reuse))
    header = (
        "database",
        "practices",
        "prepare s",
        "p50 ms",
        "p95 ms",
        "max ms",
        "new words",
        "again p50",
        "again p95",
        "after write",
        "follow",
        "rebuild ms",
        "(read+build)",
        "index MB",
        "healthz",
    )
    columns = "{:<12}{:>10}{:>10}{:>9}{:>9}{:>9}{:>14}{:>10}{:>10}{:>13}{:>8}{:>12}{:>14}{:>10}"
    columns += "{:>9}"
    print("\n" + columns.format(*header))
    for r in results:
        print(
            f"{r['database']:<12}{r['practices']:>10}{r['prepare_seconds']:>10}{r['p50_ms']:>9}"
            f"{r['p95_ms']:>9}{r['max_ms']:>9}"
            f"{str(r['first_words']) + ' @' + str(r['first_words_p50_ms']):>14}"
            f"{r['again_p50_ms']:>10}{r['again_p95_ms']:>10}{r['after_change_p50_ms']:>13}"
            f"{r['follow_write_p50_ms']:>8}"
            f"{r['rebuild_ms']:>12}"
            f"{str(r['rebuild_read_ms']) + '+' + str(r['rebuild_build_ms']):>14}"
            f"{r['index_mb']:>10}{r['healthz_p50_ms']:>9}"
        )
    for r in results:
        print(f"\n{r['database']}: each word's first search, then again (ms)")
        for words, (first, again) in r["by_word_first_again_ms"].items():
            print(f"  {words:<24}{first:>9}{again:>9}")
    results_file = RESULTS_DIR / f"library_search_{options.practices}.json"
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {results_file.relative_to(PROJECT_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
