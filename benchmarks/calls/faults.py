"""The fault test: faults in the middle of a burst of submissions, and a task worker killed
mid-task; nothing is lost and nothing is duplicated, on PostgreSQL and on SQLite.

    .venv/bin/python benchmarks/calls/faults.py [--databases postgresql,sqlite]
        [--applicants 40] [--spread 6] [--tries 5] [--kills 3] [--lock-seconds 8] [--workers 2]
        [--threads 4] [--task-backend database|rq] [--task-redis-url redis://127.0.0.1:6379/5]

On the submission benchmark's site (`submissions.py`, gunicorn as `citypeers serve` runs it,
127.0.0.1 only) every applicant opens the apply page, then posts at a moment of its own
spread over `--spread` seconds, as a browser's user would: an answer that is not the
redirect to "my applications" (no answer at all, or a 5xx) is retried after a second, up to
`--tries` posts. In the middle of the burst:

1. from 15 % to 50 % of the spread, `--kills` times, one gunicorn worker gets SIGKILL (its
   requests in flight get no answer; the master starts another);
2. at 60 %, the database goes away under the app: on PostgreSQL every connection of the app
   is ended (`pg_terminate_backend`); on SQLite another process holds the write lock for
   `--lock-seconds` (a long write elsewhere: an import, a backup, a migration), under the
   20 s busy timeout, so the posts queue behind it.

Then the task queue: a `citypeers worker` (TASK_RUNNING_TIMEOUT=3 s) sends the copies; once
a third are sent, while it runs one, it gets SIGKILL; another worker starts, and all copies
must be sent, each once. With `--task-backend rq` the app servers and workers run
TASK_BACKEND=rq (the rows pushed to RQ on commit, RQ workers, the relay every second) on
queues of the run's own in `--task-redis-url`, deleted at the end.

Checked: every applicant ends with the redirect (retries allowed; the number of retried posts
and the errors they met are reported), exactly one application per applicant, as posted (the
submission benchmark's database check); exactly one copy queued per applicant and, after the
worker's death, exactly one e-mail sent to each. Writes benchmarks/results/calls_faults.json;
exit status 1 on a loss, a duplicate, or an applicant whose retries all failed.
"""

import argparse
import datetime
import os
import signal
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks.calls.common import (
    RESULTS_DIR,
    Worker,
    postgres_url,
    run_main,
    wait_for,
)
from benchmarks.calls.http_client import Answer, request
from benchmarks.calls.submissions import (
    SUBMITTED_REDIRECT,
    every_database,
    in_threads,
    measured_in_child,
    open_forms,
    prepare_site,
    site_options,
    site_parser,
    site_server,
)
from benchmarks.calls.submissions_data import CALL_SLUG, Applicant, check_database

RESULTS_FILES = {
    "database": RESULTS_DIR / "calls_faults.json",
    "rq": RESULTS_DIR / "calls_faults_rq.json",
}
# Its own: ending every connection to the load tests' database would fail one running beside.
DATABASE = "citypeers_bench_calls_faults"
TASK_RUNNING_TIMEOUT = 3  # s: the restarted worker takes the killed one's task back soon


def parse_arguments() -> argparse.Namespace:
    parser = site_parser(__doc__, applicants=40)
    parser.add_argument("--spread", type=float, default=6, help="s over which posts arrive")
    parser.add_argument("--tries", type=int, default=5, help="posts per applicant at most")
    parser.add_argument("--kills", type=int, default=3, help="gunicorn workers killed in turn")
    parser.add_argument("--lock-seconds", type=float, default=8, help="SQLite's lock held")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--task-backend", choices=RESULTS_FILES, default="database")
    parser.add_argument("--task-redis-url", default="redis://127.0.0.1:6379/5", help="with rq")
    options = site_options(parser)
    if options.workers < 2:
        parser.error("--workers: at least 2, so one is left while another is killed")
    return options


def worker_pids(master_pid: int) -> list[int]:
    """The gunicorn master's children, from /proc (the master restarts a killed one)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[1]) == master_pid:
                pids.append(int(entry.name))
    return sorted(pids)


def cut_database(database: str, database_url: str, lock_seconds: float, until: float) -> str:
    """The database goes away under the app; what was done. PostgreSQL: the app's connections
    are ended as soon as there are some (workers just restarted have none), up to `until`."""
    if database == "postgresql":
        import psycopg

        ended = 0
        with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
            while not ended and time.time() < until:
                ended = admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    [DATABASE],
                ).fetchone()[0]
                time.sleep(0.05)
        return f"ended the app's {ended} PostgreSQL connections"
    path = database_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    time.sleep(lock_seconds)
    holder.execute("ROLLBACK")
    holder.close()
    return f"held SQLite's write lock for {lock_seconds:.0f} s"


def post_until_sent(
    port: int, path: str, applicant: Applicant, question_pk: int, tries: int
) -> list[Answer]:
    """Posts the form as a person would: again, a second later, while it is not sent."""
    answers = []
    for _ in range(tries):
        answer = request(
            port, "POST", path, cookies=applicant.cookies, fields=applicant.fields(question_pk)
        )
        answers.append(answer)
        if answer.status == 302 or (answer.status and answer.status < 500):
            break
        time.sleep(1)
    return answers


def task_queue_env(options: argparse.Namespace) -> dict[str, str]:
    """The app servers' and workers' task queue: the table as prepared, or RQ on queues of
    this run's own."""
    if options.task_backend == "database":
        return {}
    return {
        "TASK_BACKEND": "rq",
        "TASK_REDIS_URL": options.task_redis_url,
        "TASK_RQ_PREFIX": f"bench-faults-{os.getpid()}-",
        "TASK_RELAY_INTERVAL": "1",
    }


def rq_queue_deleted(env: dict[str, str]) -> None:
    from redis import Redis
    from rq import Queue

    redis = Redis.from_url(env["TASK_REDIS_URL"])
    Queue(f"{env['TASK_RQ_PREFIX']}default", connection=redis).delete(delete_jobs=True)


def queue_survives_a_killed_worker(env: dict[str, str], scratch: Path, copies: int) -> dict:
    """Copies sent by a worker killed (SIGKILL) a third of the way, then by another."""
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    from citypeers.core.models import OutboxMessage

    env = env | {"TASK_RUNNING_TIMEOUT": str(TASK_RUNNING_TIMEOUT)}
    queued = DBTaskResult.objects.filter(task_path__endswith="send_application_copy")

    def sent() -> int:
        count = queued.filter(status="SUCCESSFUL").count()
        connections.close_all()
        return count

    def busy_a_third_of_the_way() -> bool:
        running = queued.filter(status="RUNNING").exists()
        return running and sent() >= copies // 3

    first = Worker(env, scratch / "worker-1.log")
    try:
        # Killed with a copy's task running, as soon as a third of them have been sent.
        wait_for(busy_a_third_of_the_way, timeout=120, step=0.005, what="a third of the copies")
        os.killpg(first.process.pid, signal.SIGKILL)
        first.process.wait(timeout=10)
    finally:
        first.stop()
    running_at_kill = queued.filter(status="RUNNING").count()
    sent_at_kill = sent()
    second = Worker(env, scratch / "worker-2.log")
    try:
        wait_for(lambda: sent() >= copies, timeout=120, what="every copy sent")
    finally:
        second.stop()
    recipients = Counter(OutboxMessage.objects.values_list("to", flat=True))
    connections.close_all()
    return {
        "sent_before_the_kill": sent_at_kill,
        "running_when_killed": running_at_kill,
        "copies_sent": sum(recipients.values()),
        "people_mailed_twice": sum(1 for n in recipients.values() if n > 1),
        "people_mailed": len(recipients),
    }


def run(options: argparse.Namespace, database: str, scratch: Path) -> dict:
    """Tests one database; runs in the child process for it."""
    import random

    rng = random.Random(34)
    env, call_pk, question_pk, applicants, _prepared = prepare_site(
        options, database, scratch, rng, postgres_name=DATABASE
    )
    env |= task_queue_env(options)
    from django.db import connections  # once prepare_site has set Django up

    from citypeers.calls.models import Call

    path = f"/en/calls/{CALL_SLUG}/apply/"
    server = site_server(env, options.workers, scratch)
    faults: list[str] = []
    try:
        server.wait_until_ready()
        closes_at = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=10)
        Call.objects.filter(pk=call_pk).update(closes_at=closes_at)
        connections.close_all()
        open_forms(server.port, path, applicants)
        start = time.time() + 1
        moments = {a.number: start + rng.uniform(0, options.spread) for a in applicants}
        tried: dict[int, list[Answer]] = {}

        def applicant_posts(applicant: Applicant) -> None:
            time.sleep(max(0.0, moments[applicant.number] - time.time()))
            tried[applicant.number] = post_until_sent(
                server.port, path, applicant, question_pk, options.tries
            )

        def kill_workers() -> None:
            # Several kills, one worker at a time, so that some catch requests in flight.
            for kill in range(options.kills):
                moment = 0.15 + 0.35 * kill / max(options.kills - 1, 1)
                time.sleep(max(0.0, start + moment * options.spread - time.time()))
                victim = worker_pids(server.process.pid)[0]
                os.kill(victim, signal.SIGKILL)
                faults.append(f"SIGKILL to gunicorn worker {victim}")

        def database_away() -> None:
            time.sleep(max(0.0, start + 0.6 * options.spread - time.time()))
            cut = cut_database(
                database, env["DATABASE_URL"], options.lock_seconds, start + options.spread
            )
            faults.append(cut)

        jobs = [lambda a=a: applicant_posts(a) for a in applicants]
        in_threads([*jobs, kill_workers, database_away])
        time.sleep(2)  # the master starts the last killed worker again
        workers_after = worker_pids(server.process.pid)
    finally:
        server.stop()
    answers = [answer for tries in tried.values() for answer in tries]
    errors = Counter(a.error.split(":")[0] if a.error else str(a.status) for a in answers)
    errors.pop("302", None)
    unsent = [n for n, tries in tried.items() if tries[-1].location != SUBMITTED_REDIRECT]
    problems = [f"applicant {n}: not sent after {options.tries} posts" for n in unsent]
    if len(workers_after) != options.workers:
        problems.append(f"{len(workers_after)} gunicorn workers after the kill")
    redirects = sum(1 for a in answers if a.status == 302)
    facts, database_problems = check_database(
        call_pk, question_pk, applicants, redirects, closes_at, unanswered_commits=True
    )
    problems += database_problems
    try:
        queue = queue_survives_a_killed_worker(env, scratch, len(applicants))
    finally:
        if options.task_backend == "rq":
            rq_queue_deleted(env)
    if queue["copies_sent"] != len(applicants) or queue["people_mailed_twice"]:
        problems.append(f"copies after the worker's death: {queue}")
    return {
        "engine": database,
        "task_backend": options.task_backend,
        "faults": faults,
        "applicants": len(applicants),
        "posts": len(answers),
        "applicants_who_retried": sum(1 for tries in tried.values() if len(tries) > 1),
        "errors_met": dict(errors),
        "lost": facts["applicants"] - facts["submitted"],
        "duplicated": facts["applicants_with_two_or_more_applications"],
        "database": facts,
        "task_queue": queue,
        "problems": problems,
    }


def print_results(results: dict[str, dict]) -> None:
    for database, result in results.items():
        print(
            f"\n{database}: {result['faults']}; {result['posts']} posts for "
            f"{result['applicants']} applicants, {result['applicants_who_retried']} retried "
            f"after {result['errors_met']}; lost {result['lost']}, duplicated "
            f"{result['duplicated']}; task queue: {result['task_queue']}"
        )


def main() -> int:
    options = parse_arguments()
    if options.child:
        return measured_in_child(options, run, postgres_name=DATABASE)
    return every_database(options, __file__, RESULTS_FILES[options.task_backend], print_results)


if __name__ == "__main__":
    run_main(main)
