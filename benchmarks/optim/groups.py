"""Breakout groups over several rounds: repeated pairs, lower bound and time per case.

    .venv/bin/python benchmarks/optim/groups.py [--seed 0]

The targets (each under 2 s, zero repeated pairs): 24 people in groups of 4 (5 rounds) and
of 5 (6 rounds), 48 and 80 people in groups of 4, 5 and 6 (8 rounds). Also timed: the known
results the tests check (Kirkman's 15 schoolgirls, AG(2,4), AG(2,5), 48 people in 8 groups
of 6, and 24 people in 4 groups of 6 over 3 rounds, where 16 repeats are unavoidable), and a
programme-like case with countries to mix and facilitators to spread. Prints a table and
writes benchmarks/results/optim_groups.json.
"""

import argparse
import json
import random
import time
from pathlib import Path

from citypeers.optim.groups import solve

RESULTS_FILE = Path(__file__).resolve().parents[1] / "results" / "optim_groups.json"
TARGET_SECONDS = 2.0
# (people, "group_size" or "groups", its value, rounds, kind)
CASES = [
    (24, "group_size", 4, 5, "target"),
    (24, "group_size", 5, 6, "target"),
    (48, "group_size", 4, 8, "target"),
    (48, "group_size", 5, 8, "target"),
    (48, "group_size", 6, 8, "target"),
    (80, "group_size", 4, 8, "target"),
    (80, "group_size", 5, 8, "target"),
    (80, "group_size", 6, 8, "target"),
    (15, "group_size", 3, 7, "known"),
    (16, "group_size", 4, 5, "known"),
    (25, "group_size", 5, 6, "known"),
    (48, "groups", 8, 8, "known"),
    (24, "groups", 4, 3, "known"),
    (60, "group_size", 6, 4, "mixing"),
]


def instance(people: int, key: str, value: int, rounds: int, kind: str, seed: int) -> dict:
    data = {
        "participants": [{"id": f"p{i}"} for i in range(people)],
        "rounds": rounds,
        key: value,
        "seed": seed,
    }
    if kind == "mixing":  # 15 countries, one facilitator per group
        rng = random.Random(seed)
        for i, person in enumerate(data["participants"]):
            role = "facilitator" if i < people // value else "member"
            person["attributes"] = {"country": f"C{rng.randrange(15)}", "role": role}
        data |= {
            "mix": ["country"],
            "spread": {"attribute": "role", "value": "facilitator"},
            "time_limit_s": 1.5,
        }
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    solve(instance(16, "group_size", 4, 5, "known", options.seed))  # warm-up: imports
    rows = []
    for people, key, value, rounds, kind in CASES:
        data = instance(people, key, value, rounds, kind, options.seed)
        begin = time.perf_counter()
        result = solve(data)
        seconds = time.perf_counter() - begin
        sizes = sorted({len(g) for groups in result["rounds"] for g in groups})
        rows.append(
            {
                "kind": kind,
                "people": people,
                "group_size": "/".join(map(str, sizes)),
                "groups": len(result["rounds"][0]),
                "rounds": rounds,
                "repeated_pairs": result["repeated_pairs"],
                "lower_bound": result["lower_bound"],
                "mix_violations": result["mix_violations"],
                "spread_violations": result["spread_violations"],
                "method": result["method"],
                "seconds": round(seconds, 3),
                "ok": seconds < TARGET_SECONDS
                and result["repeated_pairs"] == (0 if kind == "target" else result["lower_bound"]),
            }
        )
    header = (
        "people",
        "group_size",
        "groups",
        "rounds",
        "repeated_pairs",
        "lower_bound",
        "mix_violations",
        "spread_violations",
        "seconds",
        "ok",
        "method",
    )
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(str(row[column]) for column in header))
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps({"seed": options.seed, "cases": rows}, indent=2) + "\n")
    print(f"all targets met: {all(row['ok'] for row in rows)}; written to {RESULTS_FILE}")


if __name__ == "__main__":
    main()
