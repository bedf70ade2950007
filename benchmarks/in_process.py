"""What the in-process page benchmarks share (methodology, reports, …).

Each runs itself again as a child process (`--child N`) on a fresh SQLite database in a
temporary folder, so the caller's settings and data stay untouched; the child times pages with
Django's test client and prints its figures as JSON; the parent prints them beside `/healthz`,
timed in the same run (ratios mean more than milliseconds on a busy machine), and writes them to
`benchmarks/results/<name>.json`."""

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
BASELINE = "healthz"


def timed_get(client, path: str, params: dict | None = None) -> tuple[float, bytes]:
    """Milliseconds to GET `path`, and the body; anything but a 200 stops the run."""
    begin = time.perf_counter()
    response = client.get(path, params or {})
    elapsed = (time.perf_counter() - begin) * 1000
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed, response.content


def summary(timings: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1)
        if len(timings) > 1
        else round(timings[0], 1),
        "max_ms": round(max(timings), 1),
        "runs": len(timings),
    }


def is_child() -> bool:
    """True in the child run, with this checkout's code (and its tests' factories) first on the
    path, whichever checkout the virtualenv was installed from."""
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path[:0] = [str(PROJECT_DIR / "src"), str(PROJECT_DIR)]
        return True
    return False


def child_argument() -> int:
    return int(sys.argv[2])


def prepared_site():
    """In the child: Django set up on its fresh database (migrated, cache table, static files
    collected, as a server has them); a test client for it."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client(HTTP_HOST="127.0.0.1")


def run_in_child(script: str, argument: int, *, cache_url: str = "locmemcache://") -> dict:
    """Runs `script --child argument` on a fresh database (and the cache asked, the process's
    memory unless told); its figures, or exits with its error."""
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "SECURE_HTTPS": "false",
            "CITYPEERS_DATA_DIR": data_dir,
            "DATABASE_URL": f"sqlite:///{data_dir}/bench.sqlite3",
            "DEBUG": "false",
            "CACHE_URL": cache_url,
            "TASK_BACKEND": "dummy",
        }
        return run_json_child(
            [sys.executable, script, "--child", str(argument)],
            cwd=PROJECT_DIR,
            env=env,
            timeout=1800,
            what="the benchmark",
            failure=SystemExit,
        )


def show_and_keep(name: str, results: dict) -> None:
    """The figures as a table with each p50 as a ratio to /healthz's, and written to a file."""
    health = results.get(BASELINE, {}).get("p50_ms") or 0
    print(f"\n{'what':<24}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'p50/healthz':>13}")
    for what, figures in results.items():
        ratio = figures["p50_ms"] / health if health else 0
        print(
            f"{what:<24}{figures['runs']:>6}{figures['p50_ms']:>10}{figures['p95_ms']:>10}"
            f"{figures['max_ms']:>10}{ratio:>13.1f}"
        )
    results_file = RESULTS_DIR / f"{name}.json"
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {results_file.relative_to(PROJECT_DIR)}")


def command(
    *,
    name: str,
    script: str,
    description: str,
    run_here,
    doing: str,
    option: str = "--views",
    default: int = 200,
    cache_url: str = "locmemcache://",
) -> dict | None:
    """A page benchmark's command. In the child: time (`run_here(argument)`) and print the
    figures. In the parent: read `option` (how many runs), run the child on a fresh database
    and show the figures beside /healthz; they are returned for the caller's targets (None in
    the child)."""
    if is_child():
        print(json.dumps(run_here(child_argument())))
        return None
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument(option, type=int, default=default, dest="runs")
    runs = parser.parse_args().runs
    print(f"{name}: {doing}…", flush=True)
    results = run_in_child(script, runs, cache_url=cache_url)
    show_and_keep(name, results)
    return results
