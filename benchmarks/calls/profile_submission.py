"""What one submission does in its request: every query, the time in SQL and in Python, and
the slowest functions, on the submission benchmark's data (one applicant posting the complete
form), in-process through Django's test client on a throw-away SQLite file or PostgreSQL
database.

    .venv/bin/python benchmarks/calls/profile_submission.py [--database sqlite|postgresql]
        [--profile 15]

Prints the queries of the post (write statements marked), their count and time, and the
`--profile` slowest functions by cumulative time (cProfile), so a change that moves work out
of the request or cuts queries shows here before the load test.
"""

import argparse
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks.calls.common import environment, postgres_create, postgres_drop, run_main
from benchmarks.calls.submissions_data import CALL_SLUG, prepare

DATABASE = "citypeers_bench_calls_profile"
WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--profile", type=int, default=15, help="slowest functions shown")
    return parser.parse_args()


def profile(options: argparse.Namespace, scratch: Path) -> int:
    import django

    if options.database == "postgresql":
        url = postgres_create(DATABASE)
    else:
        url = f"sqlite:///{scratch}/profile.sqlite3"
    os.environ.update(environment(scratch / "data", url, ALLOWED_HOSTS="testserver"))
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    _call_pk, question_pk, applicants = prepare(3, random.Random(8))
    path = f"/en/calls/{CALL_SLUG}/apply/"
    client = Client()
    for number, applicant in enumerate(applicants):
        client.cookies["sessionid"] = applicant.session_key
        client.get(path)  # warms Python's and Django's caches: the last post is the one shown
        fields = {}
        for name, value in applicant.fields(question_pk):
            fields.setdefault(name, []).append(value)
        last = number == len(applicants) - 1
        profiler = cProfile.Profile() if last else None
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            if profiler:
                profiler.enable()
            answer = client.post(path, fields)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - begin
        if answer.status_code != 302:
            print(f"the post was answered {answer.status_code}, not a redirect", file=sys.stderr)
            page = answer.content.decode()
            print(page[page.find("error") :][:4000], file=sys.stderr)
            return 1
    sql_seconds = sum(float(q["time"]) for q in queries.captured_queries)
    for number, query in enumerate(queries.captured_queries, start=1):
        sql = " ".join(query["sql"].split())
        mark = "W" if sql.upper().startswith(WRITES) else " "
        print(f"{number:>3} {mark} {float(query['time']) * 1000:6.1f} ms  {sql[:150]}")
    print(
        f"\none submission on {options.database}: {len(queries)} queries "
        f"({sum(1 for q in queries.captured_queries if q['sql'].upper().startswith(WRITES))} "
        f"writes), {sql_seconds * 1000:.1f} ms in SQL, {seconds * 1000:.1f} ms in all "
        f"(profiled, so slower than served)\n"
    )
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(options.profile)
    return 0


def main() -> int:
    options = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="citypeers-profile-") as scratch:
        try:
            return profile(options, Path(scratch))
        finally:
            if options.database == "postgresql":
                from django.db import connections

                connections.close_all()
                postgres_drop(DATABASE)


if __name__ == "__main__":
    run_main(main)
