"""500 applications submitted at once in the last minute before a call closes, on PostgreSQL
and on SQLite: nothing lost, nothing duplicated, with the latency of every submission.

    make bench
    .venv/bin/python benchmarks/calls/submissions.py [--databases postgresql,sqlite]
        [--applicants 500] [--double 50] [--late 5] [--close-after 90]
        [--submit-before-close 55] [--workers 4] [--threads 4]

Each database is measured in a process of its own (Django reads its settings once): a
throw-away PostgreSQL database (`citypeers_bench_calls` on 127.0.0.1:5432) or a SQLite file in
the run's temporary directory (WAL, IMMEDIATE transactions, as `citypeers serve` uses it),
migrated, gets one open call with 2 visits and a question of its own, and 500 applicants, each
logged in (a session made server-side) with a draft. gunicorn serves citypeers
production-shaped (DEBUG off, SECURE_HTTPS=false as there is no TLS here, gthread workers: 4
processes x 4 threads by default) on a throw-away data dir. The call is set to close 90 s after
the load starts. Each client opens the apply page (for its CSRF token and cookie) and waits;
55 s before the close all of them post the complete form with "Send the application" at once,
and 50 of them post it twice at the same moment (a double click). After the close, 5 clients
post again, changed: they must get the page back with the closed message, not a 500, and change
nothing.

Checked, from the HTTP answers, the access log and then the database: every submission answered
with the redirect to "my applications"; no 5xx and no error in the server log; exactly one
application per applicant, all submitted before the close, each with the ranked visits, texts
and answer it posted and nothing else; no change after the close; one audit entry per post and one
e-mail copy queued per applicant, saying "first" (a double click's second post sends the same
again, which mails nothing). Prints
p50/p95/max of the posts and the wall time, and per database the applicants whose submission
was lost and those with more than one application; writes
benchmarks/results/calls_submissions.json; exit status 1 when anything is lost, duplicated or
errored. The data and the database check are in benchmarks/calls/submissions_data.py.
"""

import argparse
import contextlib
import datetime
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks.calls.common import (
    PROJECT_DIR,
    RESULTS_DIR,
    environment,
    finish,
    machine,
    percentiles_ms,
    postgres_create,
    postgres_drop,
    run_main,
    stopped_on_sigterm,
)
from benchmarks.calls.http_client import Answer, csrf_token, request
from benchmarks.calls.submissions_data import CALL_SLUG, Applicant, check_database, prepare
from benchmarks.http_throughput import App, Server

DATABASE = "citypeers_bench_calls"
DATABASES = ("postgresql", "sqlite")
PYTHONPATH = [path for path in os.environ.get("PYTHONPATH", "").split(os.pathsep) if path]
RESULTS_FILE = RESULTS_DIR / "calls_submissions.json"
SUBMITTED_REDIRECT = "/en/me/applications/"
CLOSED_MESSAGE = "applications can no longer be sent or changed"


def site_parser(description: str, *, applicants: int) -> argparse.ArgumentParser:
    """The arguments every benchmark on the call's site takes."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--databases", default="postgresql,sqlite", help="measured in turn")
    # Internal: the process measuring one database, and where it writes its result.
    parser.add_argument("--child", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--child-result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--applicants", type=int, default=applicants, help="clients submitting")
    return parser


def site_options(parser: argparse.ArgumentParser) -> argparse.Namespace:
    options = parser.parse_args()
    options.databases = options.databases.split(",")
    if not options.databases or set(options.databases) - set(DATABASES):
        parser.error(f"--databases: a comma-separated list of {', '.join(DATABASES)}")
    return options


def parse_arguments() -> argparse.Namespace:
    parser = site_parser(__doc__, applicants=500)
    parser.add_argument("--double", type=int, default=50, help="of them, who also submit twice")
    parser.add_argument("--late", type=int, default=5, help="submissions tried after the close")
    parser.add_argument("--close-after", type=float, default=90, help="s from the load's start")
    parser.add_argument(
        "--submit-before-close",
        type=float,
        default=55,
        help="the burst starts this many s before the close",
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    options = site_options(parser)
    if not 0 <= options.double <= options.applicants or options.late > options.applicants:
        parser.error("--double and --late must be between 0 and --applicants")
    if not 0 < options.submit_before_close < options.close_after:
        parser.error("--submit-before-close must be between 0 and --close-after")
    return options


def in_threads(jobs: list, release_at: float | None = None) -> float:
    """Runs every job in a thread of its own, all let go at once (at `release_at`, a
    time.time(), when given); returns the time.time() they were let go."""
    start = threading.Event()

    def run(job):
        start.wait()
        job()

    threads = [threading.Thread(target=run, args=(job,), daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    if release_at is not None:
        time.sleep(max(0.0, release_at - time.time()))
    released = time.time()
    start.set()
    for thread in threads:
        thread.join()
    return released


def open_forms(port: int, path: str, applicants: list[Applicant]) -> list[Answer]:
    """Every client opens the apply page at once and keeps its CSRF token and cookie."""
    answers: list[Answer] = []

    def open_form(applicant: Applicant) -> None:
        answer = request(port, "GET", path, cookies={"sessionid": applicant.session_key})
        applicant.csrf_token = csrf_token(answer.text) or ""
        applicant.csrf_cookie = answer.cookies.get("csrftoken", "")
        answers.append(answer)

    in_threads([lambda a=a: open_form(a) for a in applicants])
    return answers


def submit_all(
    port: int,
    path: str,
    applicants: list[Applicant],
    question_pk: int,
    doubles: set[int],
    release_at: float,
) -> tuple[list[Answer], float, float]:
    """Everyone posts at `release_at` (wall clock), the doubles twice; the answers, the wall
    time from the start line to the last answer and the start line's time (time.time())."""
    lock = threading.Lock()
    answers: list[Answer] = []

    def post(applicant: Applicant) -> None:
        answer = request(
            port, "POST", path, cookies=applicant.cookies, fields=applicant.fields(question_pk)
        )
        with lock:
            answers.append(answer)

    jobs = [lambda a=a: post(a) for a in applicants]
    jobs += [lambda a=a: post(a) for a in applicants if a.number in doubles]
    released = in_threads(jobs, release_at)
    return answers, time.time() - released, released


def try_late(port: int, path: str, late: list[Applicant], question_pk: int) -> list[Answer]:
    """After the close: the same people post again with their choices swapped."""
    answers: list[Answer] = []

    def post(applicant: Applicant) -> None:
        changed = list(reversed(applicant.preferences))
        answers.append(
            request(
                port,
                "POST",
                path,
                cookies=applicant.cookies,
                fields=applicant.fields(question_pk, preferences=changed),
            )
        )

    in_threads([lambda a=a: post(a) for a in late])
    return answers


def check_answers(
    answers: list[Answer], *, expect_status: int, expect: str, label: str, where: str = "location"
) -> list[str]:
    problems = []
    for answer in answers:
        seen = answer.location if where == "location" else answer.text
        if answer.status != expect_status or expect not in seen:
            detail = answer.error or f"status {answer.status}, location {answer.location!r}"
            problems.append(f"{label}: {detail}")
    counted = Counter(problems)
    return [f"{problem} (x{n})" if n > 1 else problem for problem, n in counted.items()]


def statuses(answers: list[Answer]) -> dict[str, int]:
    return dict(sorted(Counter(str(a.status or "no answer") for a in answers).items()))


def server_5xx(server: Server) -> dict[str, int]:
    found = Counter()
    for line in server.access_log.read_text(errors="replace").splitlines():
        status, _, path = line.partition(" ")
        if status.startswith("5"):
            found[f"{status} {path}"] += 1
    return dict(found)


def prepare_site(
    options: argparse.Namespace,
    database: str,
    scratch: Path,
    rng: random.Random,
    extra=None,
    postgres_name: str = DATABASE,
) -> tuple[dict[str, str], int, int, list[Applicant], float]:
    """The database migrated with the call and its applicants (and whatever `extra()` adds),
    in this process's settings; the server's environment, the call's pk, the question's, the
    applicants and the seconds it took. A benchmark that may run beside this one names its
    own PostgreSQL database."""
    import django

    from citypeers.__main__ import gunicorn_options

    if database == "postgresql":
        url = postgres_create(postgres_name)
    else:
        url = f"sqlite:///{scratch}/bench.sqlite3"
    env = environment(
        scratch / "data",
        url,
        # As `citypeers serve` runs it (gthread: several requests at once in each process).
        GUNICORN_CMD_ARGS=" ".join(
            gunicorn_options(workers=options.workers, threads=options.threads)
        ),
    )
    os.environ.update(env)
    django.setup()
    from django.core.management import call_command
    from django.db import connections

    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_pk, question_pk, applicants = prepare(options.applicants, rng)
    if extra is not None:
        extra()
    connections.close_all()
    prepared_s = round(time.perf_counter() - begin, 1)
    print(f"prepared in {prepared_s} s: migrated database, {len(applicants)} drafts and sessions")
    return env, call_pk, question_pk, applicants, prepared_s


def site_server(env: dict[str, str], workers: int, scratch: Path) -> Server:
    """gunicorn on the prepared site, run as `env`'s GUNICORN_CMD_ARGS say (prepare_site)."""
    app = App("citypeers", "citypeers.wsgi:application", ["/healthz"], env)
    return Server(app, workers, scratch)


def run(options: argparse.Namespace, database: str, scratch: Path) -> dict:
    """Measures one database; runs in the child process for it."""
    rng = random.Random(8)
    env, call_pk, question_pk, applicants, prepared_s = prepare_site(
        options, database, scratch, rng
    )
    from django.db import connections  # once prepare_site has set Django up

    from citypeers.calls.models import Call

    doubles = {a.number for a in rng.sample(applicants, options.double)}
    late = rng.sample(applicants, options.late)
    path = f"/en/calls/{CALL_SLUG}/apply/"
    server = site_server(env, options.workers, scratch)
    try:
        server.wait_until_ready()
        load_start = time.time()
        closes_at = datetime.datetime.fromtimestamp(load_start + options.close_after, datetime.UTC)
        Call.objects.filter(pk=call_pk).update(closes_at=closes_at)
        connections.close_all()
        print(
            f"the call closes in {options.close_after:.0f} s; {len(applicants)} clients open "
            f"the apply page"
        )
        opened = open_forms(server.port, path, applicants)
        release_at = closes_at.timestamp() - options.submit_before_close
        print(
            f"forms open after {time.time() - load_start:.1f} s; at "
            f"{options.submit_before_close:.0f} s before the close {len(applicants)} clients "
            f"submit, {len(doubles)} of them twice"
        )
        posts, wall_s, released = submit_all(
            server.port, path, applicants, question_pk, doubles, release_at
        )
        last_answer = time.time()
        time.sleep(max(0.0, closes_at.timestamp() + 1 - time.time()))
        print(f"the call is closed: {len(late)} clients try again")
        late_answers = try_late(server.port, path, late, question_pk)
    finally:
        server.stop()
        RESULTS_DIR.mkdir(exist_ok=True)
        shutil.copy(server.server_log, RESULTS_DIR / f"calls_submissions-{database}-server.log")

    problems = check_answers(opened, expect_status=200, expect="", label="GET apply page")
    problems += [f"applicant {a.number}: no CSRF token" for a in applicants if not a.csrf_token]
    problems += check_answers(
        posts, expect_status=302, expect=SUBMITTED_REDIRECT, label="submit POST"
    )
    problems += check_answers(
        late_answers, expect_status=200, expect=CLOSED_MESSAGE, label="late POST", where="text"
    )
    if errors := server_5xx(server):
        problems.append(f"server answered 5xx: {errors}")
    problems += [f"server log: {line}" for line in server.log_problems()]
    if last_answer >= closes_at.timestamp():
        problems.append("the submissions were still being answered at the closing time")
    accepted = sum(1 for a in posts if a.status == 302)
    facts, database_problems = check_database(call_pk, question_pk, applicants, accepted, closes_at)
    problems += database_problems
    return {
        "engine": database,
        "gunicorn": {
            "workers": options.workers,
            "threads": options.threads,
            "worker_class": "gthread",
        },
        "applicants": len(applicants),
        "double_submitters": len(doubles),
        "late_tries": len(late),
        "prepare_seconds": prepared_s,
        "burst_started_seconds_before_close": round(closes_at.timestamp() - released, 1),
        "last_answer_seconds_before_close": round(closes_at.timestamp() - last_answer, 1),
        "open_form": {"requests": len(opened), "statuses": statuses(opened)}
        | percentiles_ms([a.seconds for a in opened]),
        "submit": {
            "requests": len(posts),
            "statuses": statuses(posts),
            "wall_seconds": round(wall_s, 2),
        }
        | percentiles_ms([a.seconds for a in posts]),
        "late": {"requests": len(late_answers), "statuses": statuses(late_answers)}
        | percentiles_ms([a.seconds for a in late_answers]),
        "server_access_statuses": server.access_statuses(path),
        "database": facts,
        "problems": problems,
    }


def print_summary(result: dict) -> None:
    print(f"\n{'requests':<28}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  statuses")
    for key, label in [
        ("open_form", "GET apply page"),
        ("submit", "POST submit (burst)"),
        ("late", "POST after the close"),
    ]:
        row = result[key]
        print(
            f"{label:<28}{row['requests']:>6}{row['p50_ms'] or 0:>9}{row['p95_ms'] or 0:>9}"
            f"{row['max_ms'] or 0:>9}  {row['statuses']}"
        )
    database = result["database"]
    print(
        f"\nburst: {result['submit']['requests']} posts in {result['submit']['wall_seconds']} s, "
        f"started {result['burst_started_seconds_before_close']} s before the close, last "
        f"answer {result['last_answer_seconds_before_close']} s before it"
    )
    print(
        f"database: {database['submitted']} submitted of {database['applicants']} applicants, "
        f"{database['applicants_with_two_or_more_applications']} duplicated, "
        f"{database['applications_not_as_posted']} not as posted, "
        f"{database['preferences']} preferences for {database['preferences_posted']} sent; "
        f"{database['copies_queued']} copies queued ({database['copies_queued_as_first']} first)"
    )


def losses(result: dict) -> dict:
    """Per database: the posts' latency, applicants left without their sent application, and
    those with more than one."""
    facts, submit = result["database"], result["submit"]
    return {
        "posts": submit["requests"],
        "p50_ms": submit["p50_ms"],
        "p95_ms": submit["p95_ms"],
        "max_ms": submit["max_ms"],
        "errors_5xx": sum(n for status, n in submit["statuses"].items() if status.startswith("5")),
        "lost": facts["applicants"] - facts["submitted"],
        "duplicated": facts["applicants_with_two_or_more_applications"],
    }


def print_comparison(results: dict[str, dict]) -> None:
    columns = ["posts", "p50_ms", "p95_ms", "max_ms", "errors_5xx", "lost", "duplicated"]
    print(f"\n{'database':<12}" + "".join(f"{column:>12}" for column in columns))
    for database, result in results.items():
        row = result["losses"]
        print(f"{database:<12}" + "".join(f"{row[column]!s:>12}" for column in columns))


def measured_in_child(options: argparse.Namespace, run, postgres_name: str = DATABASE) -> int:
    """The child's part of a benchmark on the call's site: `run(options, database, scratch)`
    on one database (--child), its result written to --child-result; the database dropped."""
    with stopped_on_sigterm(), tempfile.TemporaryDirectory(prefix="citypeers-calls-") as scratch:
        try:
            result = run(options, options.child, Path(scratch))
        except RuntimeError as error:
            print(f"benchmark failed: {error}", file=sys.stderr)
            return 1
        finally:
            with contextlib.suppress(Exception):
                from django.db import connections

                connections.close_all()
            if options.child == "postgresql":
                postgres_drop(postgres_name)
    options.child_result.write_text(json.dumps(result))
    return 0


def run_with_losses(options: argparse.Namespace, database: str, scratch: Path) -> dict:
    result = run(options, database, scratch)
    print_summary(result)
    return result | {"losses": losses(result)}


def measure(database: str, scratch: Path, script: str = __file__) -> dict:
    """Runs `script` (this one by default) for one database in a process of its own, with
    this process's arguments; its result."""
    result_file = scratch / f"{database}.json"
    command = [sys.executable, script, *sys.argv[1:], "--child", database]
    # This checkout's code, for the child and the gunicorn it starts, even when the virtualenv
    # installed the package from another checkout (a git worktree sharing it).
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(PROJECT_DIR / "src"), *PYTHONPATH])}
    child = subprocess.Popen(
        [*command, "--child-result", str(result_file)], cwd=PROJECT_DIR, env=env
    )
    try:
        child.wait()
    finally:
        if child.poll() is None:  # stopped ourselves: let it drop its database and server
            child.terminate()
            child.wait(timeout=120)
    if not result_file.exists():
        raise RuntimeError(f"the run on {database} stopped with status {child.returncode}")
    return json.loads(result_file.read_text())


def every_database(options: argparse.Namespace, script: str, results_file: Path, summary) -> int:
    """The parent's part: `script` measured on each of --databases in a child process, the
    report written to `results_file` after `summary(results)` printed it; the exit status."""
    facts = machine(with_postgres="postgresql" in options.databases)
    facts["sqlite"] = sqlite3.sqlite_version
    results, problems = {}, []
    with stopped_on_sigterm(), tempfile.TemporaryDirectory(prefix="citypeers-calls-") as scratch:
        for database in options.databases:
            print(f"\n== {database}", flush=True)
            try:
                results[database] = measure(database, Path(scratch), script)
            except RuntimeError as error:
                problems.append(str(error))
                continue
            problems += [f"{database}: {problem}" for problem in results[database]["problems"]]
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": facts,
        "command": " ".join([str(Path(script).relative_to(PROJECT_DIR)), *sys.argv[1:]]),
        "databases": results,
        "problems": problems,
    }
    summary(results)
    return finish(report, results_file)


def main() -> int:
    options = parse_arguments()
    if options.child:
        return measured_in_child(options, run_with_losses)
    return every_database(options, __file__, RESULTS_FILE, print_comparison)


if __name__ == "__main__":
    run_main(main)
