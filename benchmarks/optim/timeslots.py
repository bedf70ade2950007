"""Session start times for 500 participants over 5 dates, timed (target: under 100 ms).

    .venv/bin/python benchmarks/optim/timeslots.py [--participants 500] [--runs 20]

A seeded instance: participants spread over 22 European countries' main zones (Lisbon to
Istanbul), five dates across the change to summer time, a two-hour session. Times
`timeslots.solve` (parsing included) and prints p50, p95 and max in milliseconds; writes
benchmarks/results/optim_timeslots.json.
"""

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from citypeers.optim.timeslots import solve
from citypeers.optim.zones import main_zone

RESULTS_FILE = Path(__file__).resolve().parents[1] / "results" / "optim_timeslots.json"
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
    "UA",
    "TR",
    "GB",
    "IS",
]
DATES = ["2027-03-24", "2027-03-25", "2027-03-26", "2027-03-29", "2027-03-30"]


def instance(participants: int, seed: int = 5) -> dict:
    rng = random.Random(seed)
    return {
        "participants": [
            {"id": f"p{number}", "tz": main_zone(rng.choice(COUNTRIES))}
            for number in range(participants)
        ],
        "dates": DATES,
        "session_minutes": 120,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    data = instance(options.participants)
    solve(data)  # warm-up: zone files, imports
    timings = []
    for _ in range(options.runs):
        begin = time.perf_counter()
        result = solve(data)
        timings.append((time.perf_counter() - begin) * 1000)
    best = result["candidates"][0]
    figures = {
        "participants": options.participants,
        "dates": len(DATES),
        "runs": options.runs,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(statistics.quantiles(timings, n=20, method="inclusive")[18], 1),
        "max_ms": round(max(timings), 1),
        "best_start_utc": best["start_utc"],
        "inside": best["inside"],
    }
    print(json.dumps(figures, indent=2))
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
