"""Full garbage collections while an app-server process answers library pages.

    .venv/bin/python benchmarks/gc_pauses.py server|plain [--pages 600]

Run with the settings of a database that holds practices (the demo's: `make demo`, or
`CITYPEERS_DATA_DIR` and `DATABASE_URL` pointing at one). `server` loads the application as
gunicorn does (`citypeers.wsgi`, which builds every language's URL resolver and freezes the
start-up, `core/warm_up.py`); `plain` only sets Django up, as before. The pages are the
library in ten languages, with ten search words and pages 1 to 3, through Django's test
client. Prints, as JSON, how many full (generation 2) collections ran, how long each took,
and the pages' p50, p99 and max in milliseconds.
"""

import argparse
import gc
import json
import os
import random
import statistics
import time

import django

WORDS = ["", "heritage", "mill", "volunteer", "digital", "school", "river", "castle", "garden"]
LANGUAGES = ["en", "fr", "de", "it", "es", "pl", "fi", "hr", "nl", "pt"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("how", choices=["server", "plain"])
    parser.add_argument("--pages", type=int, default=600)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    if options.how == "server":
        import citypeers.wsgi  # noqa: F401 - loaded as gunicorn loads it
    else:
        django.setup()
    from django.test import Client

    collections, started = [], {}

    def timed(phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started["at"] = time.perf_counter()
            else:
                collections.append(round((time.perf_counter() - started["at"]) * 1000, 1))

    gc.callbacks.append(timed)
    client = Client(HTTP_HOST="127.0.0.1")
    rng = random.Random(3)
    times = []
    for _ in range(options.pages):
        params = {"q": rng.choice(WORDS), "page": rng.randint(1, 3)}
        begin = time.perf_counter()
        client.get(f"/{rng.choice(LANGUAGES)}/library/", params)
        times.append((time.perf_counter() - begin) * 1000)
    print(
        json.dumps(
            {
                "how": options.how,
                "full_collections": len(collections),
                "their_ms": collections,
                "p50_ms": round(statistics.median(times), 1),
                "p99_ms": round(statistics.quantiles(times, n=100)[98], 1),
                "max_ms": round(max(times), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
