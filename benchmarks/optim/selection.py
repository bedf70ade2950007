"""Selection of 10,000 applicants for 100 visits under quotas, timed (target: optimal in 5 s).

    .venv/bin/python benchmarks/optim/selection.py [--applicants 10000] [--visits 100]
                                                   [--lottery-applicants 200]

A seeded instance: visits of 20 to 30 places whose popularity falls off like Zipf's law, two
ranked preferences per applicant, 30 countries with a realistic skew, four city sizes and
three genders; every visit takes at most 3 per country, at least 30% from small towns and at
most 60% of any gender. Runs merit mode (and lottery mode on a smaller instance) through
`selection.run`, then prints the LP relaxation and MILP seconds, status, gap, objective and
bound; writes benchmarks/results/optim_selection.json.
"""

import argparse
import json
import random
from pathlib import Path

from citypeers.optim.selection import run

RESULTS_FILE = Path(__file__).resolve().parents[1] / "results" / "optim_selection.json"
# Roughly by population, largest first; weights fall off like 1 / rank.
COUNTRIES = [
    "DE",
    "FR",
    "IT",
    "ES",
    "PL",
    "RO",
    "NL",
    "BE",
    "CZ",
    "SE",
    "PT",
    "GR",
    "HU",
    "AT",
    "BG",
    "DK",
    "FI",
    "SK",
    "IE",
    "HR",
    "LT",
    "SI",
    "LV",
    "EE",
    "CY",
    "LU",
    "MT",
    "NO",
    "IS",
    "UA",
]
CITY_SIZES = {"small": 0.32, "medium": 0.30, "large": 0.26, "metropolitan": 0.12}
GENDERS = {"f": 0.52, "m": 0.46, "x": 0.02}


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def instance(applicants: int, visits: int, seed: int = 7, mode: str = "merit") -> dict:
    rng = random.Random(seed)
    visit_ids = [f"v{number:03d}" for number in range(visits)]
    popularity = [1 / (rank + 1) ** 0.6 for rank in range(visits)]
    quotas = [
        {"attribute": "country", "max_per_value": 3},
        {"attribute": "city_size", "value": "small", "min_share": 0.3},
        *({"attribute": "gender", "value": gender, "max_share": 0.6} for gender in GENDERS),
    ]
    country_weights = [1 / (rank + 1) for rank in range(len(COUNTRIES))]
    people = []
    for number in range(applicants):
        first = rng.choices(visit_ids, weights=popularity)[0]
        second = first
        while second == first:
            second = rng.choices(visit_ids, weights=popularity)[0]
        people.append(
            {
                "id": f"a{number:05d}",
                "preferences": [first, second],
                "score": round(rng.uniform(40, 100), 1),
                "attributes": {
                    "country": rng.choices(COUNTRIES, weights=country_weights)[0],
                    "city_size": _pick(rng, CITY_SIZES),
                    "gender": _pick(rng, GENDERS),
                },
            }
        )
    return {
        "visits": [
            {"id": visit_id, "capacity": rng.randint(20, 30), "quotas": quotas}
            for visit_id in visit_ids
        ],
        "applicants": people,
        "options": {"mode": mode, "seed": seed, "time_limit_s": 60, "waiting_list": 5},
    }


def measure(label: str, data: dict) -> dict:
    outcome = run(data)
    result, seconds = outcome.result, outcome.seconds
    places = sum(visit["capacity"] for visit in data["visits"])
    return {
        "instance": label,
        "applicants": len(data["applicants"]),
        "visits": len(data["visits"]),
        "places": places,
        "selected": sum(len(ids) for ids in result["assignments"].values()),
        # Merit mode only (a lottery solves many LPs and MILPs); no MILP when the LP is integral.
        "lp_s": round(seconds["lp"], 3) if "lp" in seconds else None,
        "milp_s": round(seconds["milp"], 3) if "milp" in seconds else None,
        "total_s": round(seconds["total"], 3),
        "status": result["status"],
        "gap": result["gap"],
        "objective": result["objective"],
        "bound": result["bound"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=100)
    parser.add_argument("--lottery-applicants", type=int, default=200)
    options = parser.parse_args()
    rows = [measure("merit", instance(options.applicants, options.visits))]
    if options.lottery_applicants:
        small = instance(options.lottery_applicants, 8, mode="lottery")
        rows.append(measure("lottery", small))
    header = f"{'mode':<9}{'applicants':>11}{'places':>7}{'LP s':>8}{'MILP s':>8}{'total s':>9}"
    print(f"{header}  {'status':<9}{'gap':>9}{'objective':>14}{'bound':>14}")
    for row in rows:
        lp, milp = (f"{row[k]:.3f}" if row[k] is not None else "-" for k in ("lp_s", "milp_s"))
        print(
            f"{row['instance']:<9}{row['applicants']:>11}{row['places']:>7}{lp:>8}{milp:>8}"
            f"{row['total_s']:>9.3f}  {row['status']:<9}"
            f"{row['gap']:>9.2g}{row['objective']:>14.6g}{row['bound']:>14.6g}"
        )
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
