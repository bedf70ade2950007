"""The visit planner and the methodology guide PDF, timed beside /healthz in the same run.

    make bench          (runs this after the library benchmark)
    .venv/bin/python benchmarks/methodology.py [--plans 100]

Builds a throw-away SQLite database with the shipped methodology, then times through Django's
test client (in-process, templates included): the planner page for a 5-day online visit with
participants from 6 to 12 countries (each request a different plan, so no cache helps),
the same plan as iCalendar and as PDF, the guide PDF the first time (WeasyPrint lays it out)
and once cached, and /healthz. Prints milliseconds; writes benchmarks/results/methodology.json.
Target: a 5-day online plan page under 200 ms.
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
RESULTS_FILE = PROJECT_DIR / "benchmarks" / "results" / "methodology.json"
COUNTRIES = [
    "PT",
    "ES",
    "FR",
    "BE",
    "NL",
    "DE",
    "IT",
    "AT",
    "PL",
    "CZ",
    "HR",
    "GR",
    "RO",
    "FI",
    "SE",
    "LT",
    "IE",
    "SI",
]


def _timed(client, path, params=None) -> float:
    begin = time.perf_counter()
    response = client.get(path, params or {})
    elapsed = (time.perf_counter() - begin) * 1000
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed


def _summary(timings: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1)
        if len(timings) > 1
        else round(timings[0], 1),
        "max_ms": round(max(timings), 1),
        "runs": len(timings),
    }


def run_here(plan_count: int) -> dict:
    import datetime
    import random

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from citypeers.methodology.services.loader import load_methodology

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    load_methodology()
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(6)
    monday = datetime.date.today() + datetime.timedelta(weeks=20)
    monday += datetime.timedelta(days=-monday.weekday())

    def plan_params():
        return {
            "mode": "online",
            "days": "5",
            "participants": str(rng.randint(12, 40)),
            "start": (monday + datetime.timedelta(weeks=rng.randint(0, 30))).isoformat(),
            "host_tz": rng.choice(["Europe/Brussels", "Europe/Helsinki", "Europe/Lisbon"]),
            "countries": ",".join(rng.sample(COUNTRIES, rng.randint(6, 12))),
            "time": rng.choice(["09:00", "10:00", "14:00"]),
        }

    for _ in range(5):  # warm-up: imports, templates, connections
        _timed(client, "/en/planner/", plan_params())
    plans = [_timed(client, "/en/planner/", plan_params()) for _ in range(plan_count)]
    calendars = [
        _timed(client, "/en/planner/", plan_params() | {"export": "ics"}) for _ in range(20)
    ]
    plan_pdfs = [
        _timed(client, "/en/planner/", plan_params() | {"export": "pdf"}) for _ in range(5)
    ]
    guide_first = [_timed(client, "/en/methodology/guide.pdf")]
    guide_cached = [_timed(client, "/en/methodology/guide.pdf") for _ in range(50)]
    health = [_timed(client, "/healthz") for _ in range(100)]
    return {
        "planner_5_day_online": _summary(plans),
        "planner_ics": _summary(calendars),
        "planner_pdf": _summary(plan_pdfs),
        "guide_pdf_first": _summary(guide_first),
        "guide_pdf_cached": _summary(guide_cached),
        "healthz": _summary(health),
    }


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(PROJECT_DIR))
        print(json.dumps(run_here(int(sys.argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=100)
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
        print("methodology: timing the planner and the guide PDF…", flush=True)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(options.plans)],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if child.returncode != 0:
        raise SystemExit(f"the benchmark failed:\n{child.stderr[-3000:]}")
    results = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"\n{'what':<24}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, figures in results.items():
        print(
            f"{name:<24}{figures['runs']:>6}{figures['p50_ms']:>10}{figures['p95_ms']:>10}"
            f"{figures['max_ms']:>10}"
        )
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {RESULTS_FILE.relative_to(PROJECT_DIR)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
