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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    command,
    prepared_site,
    summary,
    timed_get,
)

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


def run_here(plan_count: int) -> dict:
    import datetime
    import random

    client = prepared_site()
    from citypeers.methodology.services.loader import load_methodology

    load_methodology()
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
        timed_get(client, "/en/planner/", plan_params())[0]
    plans = [timed_get(client, "/en/planner/", plan_params())[0] for _ in range(plan_count)]
    calendars = [
        timed_get(client, "/en/planner/", plan_params() | {"export": "ics"})[0] for _ in range(20)
    ]
    plan_pdfs = [
        timed_get(client, "/en/planner/", plan_params() | {"export": "pdf"})[0] for _ in range(5)
    ]
    guide_first = [timed_get(client, "/en/methodology/guide.pdf")[0]]
    guide_cached = [timed_get(client, "/en/methodology/guide.pdf")[0] for _ in range(50)]
    health = [timed_get(client, "/healthz")[0] for _ in range(100)]
    return {
        "planner_5_day_online": summary(plans),
        "planner_ics": summary(calendars),
        "planner_pdf": summary(plan_pdfs),
        "guide_pdf_first": summary(guide_first),
        "guide_pdf_cached": summary(guide_cached),
        "healthz": summary(health),
    }


def main() -> int:
    command(
        name="methodology",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing the planner and the guide PDF",
        option="--plans",
        default=100,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
