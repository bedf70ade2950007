"""The fault test through the load balancer: one app server and one task worker stopped in
the middle of steady load; no failed request beyond HAProxy's retry window, no lost task.

    .venv/bin/python benchmarks/cluster/faults.py [--applicants 60] [--spread 20]
        [--readers 4] [--tries 5]

A private cluster (scripts/cluster.py `--name faults --port 28500 --redis-db 13 --no-demo`,
three app servers of one gunicorn process x 4 threads, three task workers, its PostgreSQL
database citypeers_cluster_faults dropped and made again each run, TASK_RUNNING_TIMEOUT 30 s)
gets two rounds of the same load through HAProxy:

- `--readers` anonymous readers load public pages one after the other (the home page, the
  library, a search, the open call's page);
- `--applicants` applicants, each with its form opened first, post the open call's complete
  application form at moments spread over `--spread` seconds; each post stores the
  application and queues its confirmation mail (a task the workers send). An applicant whose
  post is not answered with the redirect to "my applications" posts again a second later, as
  a person would, up to `--tries` posts.

40 % into the spread, one app server's whole gunicorn group and one task worker get SIGKILL
(round 1: app1 and worker1, the worker while it runs a task if it gets one within 3 s) or
SIGTERM (round 2: app2 and worker2; gunicorn and the worker finish what they are doing).

Checked per round: every GET answered 200 (HAProxy retries a GET whose connection failed or was
closed without an answer), but for one whose answer had begun when its server died within the
window (it cannot be retried: counted apart); every POST answered with the redirect, except
posts in flight within the retry window (from the stop to HAProxy's check interval x fall
later, the time HAProxy takes to see the server down: a POST is never sent twice, so one cut in
flight is answered 502 and its applicant posts again); then, from the database and the outbox:
every applicant's application stored exactly once, every confirmation mail sent exactly once,
and no task left waiting, running or failed after the workers' deaths (a task whose worker was
killed goes back to the queue after TASK_RUNNING_TIMEOUT, `core.background`). Writes
benchmarks/results/cluster_faults.json; exit status 1 on any problem. `run()` is also the test
tests/cluster_faults/ runs at a smaller scale.
"""

import argparse
import datetime
import random
import re
import signal
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks.calls.common import RESULTS_DIR, finish, machine, run_main
from benchmarks.calls.http_client import Answer, request
from benchmarks.cluster.applicants import applicants_ready
from benchmarks.cluster.running import Cluster, running

RESULTS_FILE = RESULTS_DIR / "cluster_faults.json"
SUBMITTED_REDIRECT = "/en/me/applications/"
# s: a killed worker's task goes back to the queue this soon. Not less: a live worker's first
# task (cold imports and catalogues) took up to 10 s on this machine under load, and a task
# handed back while its worker still runs it is run twice (see docs/performance.md).
TASK_RUNNING_TIMEOUT = 30
ROUNDS = [(signal.SIGKILL, "app1", "worker1"), (signal.SIGTERM, "app2", "worker2")]
WORKER_BUSY_WAIT = 3  # s the kill waits for the doomed worker to be running a task
TASKS_SECONDS = 180  # for every mail to be sent after the load
READER_PAUSE = 0.05  # s between a reader's pages: steady load, not saturation
CHECKS = re.compile(r"\binter (\d+)s fall (\d+)\b")


@dataclass
class Sent:
    """One request and its answer; times are time.time()."""

    method: str
    who: str  # the page's label, or the applicant's number
    sent: float
    seconds: float
    status: int
    served_by: str
    location: str
    error: str

    @classmethod
    def of(cls, method: str, who: str, sent: float, answer: Answer) -> "Sent":
        return cls(
            method,
            who,
            sent,
            answer.seconds,
            answer.status,
            answer.served_by,
            answer.location,
            answer.error,
        )


def faults_cluster(name: str = "faults", port: int = 28500, redis_db: int = 13) -> Cluster:
    return Cluster(
        name=name,
        port=port,
        redis_db=redis_db,
        app_servers=3,
        workers=3,
        demo=False,
        env={"CLUSTER_WEB_WORKERS": "1", "TASK_RUNNING_TIMEOUT": str(TASK_RUNNING_TIMEOUT)},
    )


def retry_window(cluster: Cluster) -> float:
    """HAProxy's check interval x fall, from the configuration the cluster wrote: how long
    a stopped server may still be chosen (a connect to it fails and is retried elsewhere;
    a request already on it when it stopped is cut)."""
    found = CHECKS.search((cluster.layout.data_dir / "haproxy.cfg").read_text())
    if not found:
        raise RuntimeError("no 'inter Ns fall N' in haproxy.cfg")
    return float(found.group(1)) * int(found.group(2))


def worker_id(cluster: Cluster, worker: str) -> str:
    """The id the task worker claims tasks under: on RQ (the cluster's queue) its host and
    process (core.background_rq.task_row_run; its jobs run in that process); on the database
    queue, the last start in its log."""
    log = (cluster.log_dir / f"{worker}.log").read_text(errors="replace")
    if found := re.findall(r"Starting worker worker_id=(\S+)", log):
        return found[-1]
    pid = (cluster.layout.run_dir / f"{worker}.pid").read_text().strip()
    return f"rq-{socket.gethostname()}-{pid}"[:64]


def busy_worker(cluster: Cluster, worker: str, seconds: float) -> bool:
    """Waits up to `seconds` for the worker to hold a task "running"; whether it does (read
    from the cluster's database, never written)."""
    import psycopg

    claimed_by = worker_id(cluster, worker)
    deadline = time.time() + seconds
    with psycopg.connect(cluster.layout.database_url, autocommit=True) as connection:
        while time.time() < deadline:
            running = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM django_tasks_database_dbtaskresult "
                "WHERE status = 'RUNNING' AND worker_ids ->> -1 = %s)",
                [claimed_by],
            ).fetchone()[0]
            if running:
                return True
            time.sleep(0.02)
    return False


class Load:
    """Readers and applicants through HAProxy, every request recorded."""

    def __init__(self, cluster: Cluster, pages: dict[str, str], options):
        self.cluster, self.pages, self.options = cluster, pages, options
        self.sent: list[Sent] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def record(self, entry: Sent) -> None:
        with self.lock:
            self.sent.append(entry)

    def read(self, number: int) -> None:
        labels = list(self.pages)
        turn = number
        while not self.stopped.is_set():
            label = labels[turn % len(labels)]
            turn += 1
            sent = time.time()
            answer = request(self.cluster.port, "GET", self.pages[label], cookies={})
            self.record(Sent.of("GET", label, sent, answer))
            self.stopped.wait(READER_PAUSE)

    def apply(self, applicant, path: str, question_pk: int, moment: float) -> None:
        time.sleep(max(0.0, moment - time.time()))
        for _ in range(self.options.tries):
            sent = time.time()
            answer = request(
                self.cluster.port,
                "POST",
                path,
                cookies=applicant.cookies,
                fields=applicant.fields(question_pk),
            )
            self.record(Sent.of("POST", str(applicant.number), sent, answer))
            if answer.status == 302 and answer.location == SUBMITTED_REDIRECT:
                return
            time.sleep(1)


def stop_processes(cluster: Cluster, signum: int, app: str, worker: str) -> dict:
    """The app server's group and the worker get `signum`, the worker while it runs a task
    if it gets one soon; when, and what HAProxy then saw."""
    busy = busy_worker(cluster, worker, WORKER_BUSY_WAIT)
    stopped_at = time.time()
    app_pid = cluster.signal_group(app, signum)
    worker_pid = cluster.signal_group(worker, signum)
    return {
        "signal": signal.Signals(signum).name,
        "app_server": app,
        "worker": worker,
        "worker_was_running_a_task": busy,
        "at": stopped_at,
        "haproxy_saw_it_down_after_seconds": cluster.down_after(app, stopped_at, 30),
        "app_server_gone": cluster.group_gone(app_pid, 40),
        "worker_gone": cluster.group_gone(worker_pid, 40),
    }


def fault_round(cluster: Cluster, options, signum: int, app: str, worker: str, tag: str) -> dict:
    """One round: the load, the stop in its middle, then the checks; the facts and problems."""
    path, applicants, question_pk = applicants_ready(cluster, tag, options.applicants)
    slug = path.split("/")[3]
    pages = {
        "home": "/en/",
        "library": "/en/library/",
        "library search": "/en/library/?q=heritage",
        "call": f"/en/calls/{slug}/",
    }
    load = Load(cluster, pages, options)
    rng = random.Random(tag)
    start = time.time() + 1
    moments = [start + rng.uniform(0, options.spread) for _ in applicants]
    readers = [threading.Thread(target=load.read, args=(n,)) for n in range(options.readers)]
    posters = [
        threading.Thread(target=load.apply, args=(applicant, path, question_pk, moment))
        for applicant, moment in zip(applicants, moments, strict=True)
    ]
    for thread in [*readers, *posters]:
        thread.start()
    time.sleep(max(0.0, start + 0.4 * options.spread - time.time()))
    stop = stop_processes(cluster, signum, app, worker)
    for thread in posters:
        thread.join()
    load.stopped.set()
    for thread in readers:
        thread.join()
    return judged(cluster, load.sent, stop, tag, len(applicants), retry_window(cluster))


def judged(
    cluster: Cluster, sent: list[Sent], stop: dict, tag: str, applicants: int, window: float
) -> dict:
    problems = []
    at = stop["at"]
    gets = [entry for entry in sent if entry.method == "GET"]
    posts = [entry for entry in sent if entry.method == "POST"]

    def in_window(e: Sent) -> bool:
        return e.sent <= at + window and e.sent + e.seconds >= at

    failed_gets = [entry for entry in gets if entry.status != 200]
    # HAProxy retries a GET until its answer starts; one cut after that (its headers passed
    # on, the body not) cannot be retried, by any proxy that does not hold whole answers.
    cut_gets = [e for e in failed_gets if e.error.startswith("IncompleteRead") and in_window(e)]
    problems += [
        f"GET {e.who} {e.sent - at:+.2f} s from the stop: {e.status} {e.error}"
        for e in failed_gets
        if e not in cut_gets
    ]
    failed_posts = [e for e in posts if not (e.status == 302 and e.location == SUBMITTED_REDIRECT)]
    # A post may fail only if it was in flight between the stop and the window's end.
    outside = [e for e in failed_posts if not in_window(e)]
    problems += [
        f"POST of applicant {e.who} {e.sent - at:+.2f} s from the stop, outside the {window:.0f} s "
        f"window: {e.status} {e.error}"
        for e in outside
    ]
    late = [e for e in sent if e.served_by == stop["app_server"] and e.sent > at + 1]
    if late:
        problems.append(
            f"{len(late)} requests sent after the stop answered by {stop['app_server']}"
        )
    down = stop["haproxy_saw_it_down_after_seconds"]
    if down is None or down > window + 1:
        problems.append(f"HAProxy saw {stop['app_server']} down after {down} s (window {window} s)")
    if not (stop["app_server_gone"] and stop["worker_gone"]):
        problems.append(f"still running after the signal: {stop}")
    # Every mail sent: a killed worker's task comes back after TASK_RUNNING_TIMEOUT.
    stored, late = cluster.checked_once_tasks_done(tag, TASKS_SECONDS)
    problems += late
    stored.pop("submitted_applicant_pks")
    if stored["submitted"] != applicants or stored["applicants_with_two_or_more"]:
        problems.append(f"{stored['submitted']} applications stored for {applicants} applicants")
    if stored["people_mailed"] != applicants or stored["people_mailed_twice"]:
        problems.append(f"mails: {stored}")
    if stored["tasks"] != {"SUCCESSFUL": applicants}:
        problems.append(f"tasks: {stored['tasks']} for {applicants} applicants")
    return {
        "stop": stop | {"at": datetime.datetime.fromtimestamp(at, datetime.UTC).isoformat()},
        "retry_window_seconds": window,
        "gets": len(gets),
        "gets_failed": len(failed_gets) - len(cut_gets),
        "gets_cut_mid_answer_in_the_window": [
            asdict(e) | {"from_stop": round(e.sent - at, 2)} for e in cut_gets
        ],
        "posts": len(posts),
        "posts_failed_in_the_window": len(failed_posts) - len(outside),
        "posts_failed_outside_the_window": len(outside),
        "failed_posts": [asdict(e) | {"from_stop": round(e.sent - at, 2)} for e in failed_posts],
        "served_by": served_by_phase(sent, at),
        "database": stored,
        "problems": problems,
    }


def served_by_phase(sent: list[Sent], at: float) -> dict:
    """Which server answered, before the stop and after it."""
    spread: dict[str, dict[str, int]] = {"before": {}, "after": {}}
    for entry in sent:
        phase = spread["before" if entry.sent < at else "after"]
        phase[entry.served_by or "none"] = phase.get(entry.served_by or "none", 0) + 1
    return spread


def run(options, cluster: Cluster) -> dict:
    """Both rounds on a fresh cluster, stopped at the end whatever happens."""
    rounds = {}
    with running(cluster, fresh=True):
        for number, (signum, app, worker) in enumerate(ROUNDS, start=1):
            name = signal.Signals(signum).name
            print(f"round {number}: {name} to {app} and {worker} mid-load", flush=True)
            tag = f"f{int(time.time())}-{number}"
            rounds[name] = fault_round(cluster, options, signum, app, worker, tag)
    return rounds


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applicants", type=int, default=60, help="posting, per round")
    parser.add_argument("--spread", type=float, default=20, help="s over which they post")
    parser.add_argument("--readers", type=int, default=4, help="anonymous readers")
    parser.add_argument("--tries", type=int, default=5, help="posts per applicant at most")
    parser.add_argument("--name", default="faults", help="the cluster's name")
    parser.add_argument("--port", type=int, default=28500, help="HAProxy's port")
    parser.add_argument("--redis-db", type=int, default=13, help="the cache; pages on +1")
    return parser.parse_args(argv)


def print_rounds(rounds: dict) -> None:
    for name, result in rounds.items():
        stop, facts = result["stop"], result["database"]
        print(
            f"\n{name} to {stop['app_server']} and {stop['worker']} (running a task: "
            f"{stop['worker_was_running_a_task']}); HAProxy saw the server down after "
            f"{stop['haproxy_saw_it_down_after_seconds']} s (window "
            f"{result['retry_window_seconds']:.0f} s)\n"
            f"  GETs {result['gets']}, failed {result['gets_failed']}, cut mid-answer in the "
            f"window {len(result['gets_cut_mid_answer_in_the_window'])}; POSTs {result['posts']}, "
            f"failed in the window {result['posts_failed_in_the_window']}, outside "
            f"{result['posts_failed_outside_the_window']}\n"
            f"  stored {facts['submitted']}, doubled {facts['applicants_with_two_or_more']}; "
            f"mails {facts['mails']} to {facts['people_mailed']} people, twice "
            f"{facts['people_mailed_twice']}; tasks {facts['tasks']}, handed back "
            f"{facts['tasks_handed_back']}\n"
            f"  answered by: {result['served_by']}"
        )


def main() -> int:
    options = parse_arguments()
    cluster = faults_cluster(options.name, options.port, options.redis_db)
    facts = machine()
    rounds = run(options, cluster)
    print_rounds(rounds)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": facts,
        "command": " ".join(["benchmarks/cluster/faults.py", *sys.argv[1:]]),
        "task_running_timeout_seconds": TASK_RUNNING_TIMEOUT,
        "rounds": rounds,
        "problems": [f"{name}: {p}" for name, result in rounds.items() for p in result["problems"]],
    }
    return finish(report, RESULTS_FILE)


if __name__ == "__main__":
    run_main(main)
