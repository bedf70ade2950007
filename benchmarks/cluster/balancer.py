"""Throughput through the load balancer with one, two and three app servers, in one run.

    make bench
    .venv/bin/python benchmarks/cluster/balancer.py [--duration 10] [--connections 32]
        [--web-workers 1] [--first-pool 600]

One private cluster (scripts/cluster.py `--name bench --port 28000 --redis-db 10`: HAProxy
on 28000, app servers on 28101-28103, two task workers, PostgreSQL database
citypeers_cluster_bench with the demo data, loaded once and kept between runs) serves every
measurement. With app1 only, then app1-2, then app1-3 taking requests (the others disabled on
HAProxy's admin socket), wrk (`-t2 -c32`) loads through HAProxy, each for `--duration`
seconds after 2 s of warm-up:

- the home page and the library as an anonymous reader gets them (`/en/`, `/en/library/`
  and one search `/en/library/?q=heritage`);
- submissions: POSTs of the demo's open call's application form, each by its own applicant
  (a session made in the cluster, the form opened over HTTP for its CSRF token and cookie),
  each sent once; a submission counts when the database holds it as submitted. The
  confirmation mails they queue are all sent (by the cluster's workers) before the next
  measurement, and each applicant must get exactly one.

Every answer's status and X-Served-By is tallied (benchmarks/cluster/wrk_tally.lua): only
the enabled servers may answer, each about its share. Requests per second and the ratio to one
server, per page, are printed and written to benchmarks/results/cluster_balancer.json; exit
status 1 on an unexpected status, a 5xx in the app servers' logs, a lost or doubled
submission or mail, or a skewed spread. The cluster is stopped at the end whatever happens.

Gunicorn processes per app server (`--web-workers`, CLUSTER_WEB_WORKERS): 1 by default, each
with 4 threads, so that one server is one process and the figures show what another server
adds; on this 2-core machine that is at most one more core's worth (see docs/performance.md,
"Through the load balancer").
"""

import argparse
import datetime
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package
sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "src"))  # this checkout's code

from benchmarks.calls.common import RESULTS_DIR, finish, machine, run_main
from benchmarks.calls.http_client import multipart, request
from benchmarks.cluster.applicants import applicants_ready
from benchmarks.cluster.running import Cluster, running
from citypeers.__main__ import WEB_THREADS

RESULTS_FILE = RESULTS_DIR / "cluster_balancer.json"
TALLY_SCRIPT = Path(__file__).with_name("wrk_tally.lua")
PAGES = {
    "home": "/en/",
    "library": "/en/library/",
    "library search": "/en/library/?q=heritage",
}
SUBMITTED_REDIRECT = "/en/me/applications/"
WARMUP_SECONDS = 2
SOCKET_ERRORS = r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
WRK_TIMEOUT_SECONDS = 10
MAILS_SECONDS = 300  # for the workers to send the copies a measurement queued


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per target")
    parser.add_argument("--connections", type=int, default=32, help="wrk's connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--web-workers", type=int, default=1, help="gunicorn processes a server")
    parser.add_argument(
        "--first-pool",
        type=int,
        default=600,
        help="applicants ready for the first submissions' load (later ones sized from it)",
    )
    parser.add_argument(
        "--server-maxconn",
        type=int,
        default=None,
        help="requests at once per app server, the rest queued in HAProxy (default: its "
        "processes x 4 threads; 0: no limit, as scripts/cluster.py leaves it)",
    )
    parser.add_argument("--name", default="bench", help="the cluster's name")
    parser.add_argument("--port", type=int, default=28000, help="HAProxy's port")
    parser.add_argument(
        "--redis-db", type=int, default=10, help="the cache; pages on +1, tasks on +2"
    )
    options = parser.parse_args()
    if min(options.duration, options.connections, options.threads, options.web_workers) < 1:
        parser.error("--duration, --connections, --threads and --web-workers: at least 1")
    if options.server_maxconn is None:
        options.server_maxconn = options.web_workers * WEB_THREADS
    if shutil.which("wrk") is None:
        parser.error("wrk is missing (Debian: apt-get install wrk; make bench installs it)")
    return options


def wrk_version() -> str:
    output = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
    return (output.stdout or output.stderr).split(" Copyright")[0].strip()


def run_wrk(options, url: str, seconds: int, data: Path | None = None) -> dict:
    """wrk against `url` with the tallying script; its figures and tallies."""
    command = ["wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{seconds}s"]
    command += ["--timeout", f"{WRK_TIMEOUT_SECONDS}s", "-s", str(TALLY_SCRIPT), url]
    if data is not None:
        command += ["--", str(data), str(options.threads)]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m),", output)
    tally = re.search(r"^TALLY (\{.*\})$", output, re.MULTILINE)
    if not total or not tally:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    seconds_taken = float(total.group(2)) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60}[total[3]]
    errors = {}
    if found := re.search(SOCKET_ERRORS, output):
        errors = {
            kind: int(n)
            for kind, n in zip(["connect", "read", "write", "timeout"], found.groups(), strict=True)
            if int(n)
        }
    return {
        "requests": int(total.group(1)),
        "seconds": round(seconds_taken, 2),
        "requests_per_second": round(int(total.group(1)) / seconds_taken, 1),
        "socket_errors": errors,
    } | json.loads(tally.group(1))


# Submissions: the applicants' posts written for wrk, sent once each.


def lua_string(text: str) -> str:
    """A Lua string literal of any text: everything but plain printable ASCII as \\ddd."""
    return (
        '"'
        + "".join(
            chr(byte) if 32 <= byte < 127 and chr(byte) not in '"\\' else f"\\{byte:03d}"
            for byte in text.encode()
        )
        + '"'
    )


def posts_file(folder: Path, path: str, origin: str, applicants, question_pk: int) -> Path:
    """The Lua data wrk_tally.lua sends: one complete multipart post per applicant."""
    rows = []
    for applicant in applicants:
        body, content_type = multipart(applicant.fields(question_pk))
        cookie = "; ".join(f"{name}={value}" for name, value in applicant.cookies.items())
        rows.append(
            f"{{cookie={lua_string(cookie)}, type={lua_string(content_type)}, "
            f"body={lua_string(body.decode())}}}"
        )
    data = folder / "posts.lua"
    data.write_text(
        f"return {{path={lua_string(path)}, origin={lua_string(origin)}, posts={{\n"
        + ",\n".join(rows)
        + "\n}}\n"
    )
    return data


def submissions(options, cluster: Cluster, servers: int, tag: str, pool: int, scratch: Path):
    """Loads the apply form with `pool` prepared posts on `servers` app servers; the figures,
    what the database stored and the problems."""
    cluster.enable_only(cluster.app_servers)  # the forms open on every server, faster
    path, applicants, question_pk = applicants_ready(cluster, tag, pool)
    data = posts_file(scratch, path, cluster.url("").rstrip("/"), applicants, question_pk)
    cluster.enable_only(servers)
    measured = run_wrk(options, cluster.url(path), options.duration, data)
    problems = []
    if measured["threads_out_of_posts"]:
        problems.append(f"{servers} servers: posts ran out; the rate is a lower bound")

    time.sleep(2)  # posts wrk left in flight at its end are still answered, and stored
    stored = cluster.site("check", tag=tag)
    with_mails, late = cluster.checked_once_tasks_done(tag, MAILS_SECONDS)
    problems += [f"{servers} servers: {problem}" for problem in late]
    redirects = measured["locations"].get(SUBMITTED_REDIRECT, 0)
    if stored["applicants_with_two_or_more"] or with_mails["people_mailed_twice"]:
        problems.append(f"{servers} servers: doubled: {with_mails}")
    # Stored but not answered: only the posts wrk still had in flight when it stopped.
    if not 0 <= stored["submitted"] - redirects <= options.connections:
        problems.append(
            f"{servers} servers: {redirects} posts answered as sent, {stored['submitted']} stored"
        )
    if with_mails["mails"] != stored["submitted"]:
        problems.append(
            f"{servers} servers: {with_mails['mails']} mails for {stored['submitted']} stored"
        )
    done = min(redirects, stored["submitted"])  # answered as sent, and in the database
    measured |= {
        "stored": stored["submitted"],
        "stored_per_second": round(done / measured["seconds"], 1),
        "prepared_posts": len(applicants),
        "mails_sent": with_mails["mails"],
        "tasks": with_mails["tasks"],
    }
    return measured, problems


# One run: every target on one, two and three servers.


def spread_problems(label: str, served_by: dict[str, int], enabled: list[str]) -> list[str]:
    """Only the enabled servers answered, each at least half its fair share."""
    total = sum(served_by.values())
    problems = []
    if set(served_by) - set(enabled):
        problems.append(f"{label}: answered by {served_by}, only {enabled} enabled")
    for name in enabled:
        if served_by.get(name, 0) < total / len(enabled) / 2:
            problems.append(f"{label}: {name} answered {served_by.get(name, 0)} of {total}")
    return problems


def status_problems(label: str, measured: dict, expected: str) -> list[str]:
    unexpected = {s: n for s, n in measured["statuses"].items() if s != expected}
    problems = [f"{label}: answered {unexpected}"] if unexpected else []
    if measured["socket_errors"]:
        problems.append(f"{label}: wrk's socket errors {measured['socket_errors']}")
    return problems


class AccessLogs:
    """The app servers' access logs (scripts/cluster.py logs status after the request line)
    read from where they ended when the run began."""

    STATUS = re.compile(r'" (\d{3}) ')

    def __init__(self, cluster: Cluster):
        self.files = sorted(cluster.log_dir.glob("app*.log"))
        self.offsets = {path: path.stat().st_size for path in self.files}

    def server_errors(self) -> list[str]:
        found = []
        for path in self.files:
            with path.open(errors="replace") as log:
                log.seek(self.offsets[path])
                for line in log:
                    status = self.STATUS.search(line)
                    if (status and status.group(1).startswith("5")) or "Traceback" in line:
                        found.append(f"{path.stem}: {line.strip()[:200]}")
        return found[:20]


def measure(options, cluster: Cluster, scratch: Path) -> tuple[dict, list[str]]:
    results: dict[str, dict[int, dict]] = {label: {} for label in [*PAGES, "submission"]}
    problems: list[str] = []
    tag = f"b{int(time.time())}"
    pool, last_rate = options.first_pool, None
    for servers in range(1, cluster.app_servers + 1):
        enabled = cluster.enable_only(servers)
        for label, path in PAGES.items():
            print(f"  {servers} server(s): {label} (GET {path})", flush=True)
            for _server in enabled:  # each server's first (kept) copy made before the load
                request(cluster.port, "GET", path, cookies={})
            run_wrk(options, cluster.url(path), WARMUP_SECONDS)
            measured = run_wrk(options, cluster.url(path), options.duration)
            results[label][servers] = measured
            where = f"{label}, {servers} servers"
            problems += status_problems(where, measured, "200")
            problems += spread_problems(where, measured["served_by"], enabled)
        if last_rate is not None:  # room for twice the last rate: two cores at most
            pool = max(pool, math.ceil(last_rate * options.duration * 2) + 50)
        print(f"  {servers} server(s): submissions ({pool} applicants ready)", flush=True)
        measured, found = submissions(options, cluster, servers, f"{tag}-{servers}", pool, scratch)
        last_rate = measured["stored_per_second"]
        results["submission"][servers] = measured
        problems += found
        where = f"submission, {servers} servers"
        problems += status_problems(where, measured, "302")
        problems += spread_problems(where, measured["served_by"], enabled)
    for label, by_servers in results.items():
        key = "stored_per_second" if label == "submission" else "requests_per_second"
        one = by_servers[1][key]
        for figures in by_servers.values():
            figures["ratio_to_one_server"] = round(figures[key] / one, 2) if one else None
    return results, problems


def print_table(results: dict) -> None:
    print(f"\n{'target':<18}{'servers':>8}{'req/s':>9}{'ratio':>7}  answered by")
    for label, by_servers in results.items():
        for servers, figures in by_servers.items():
            rate = figures.get("stored_per_second", figures["requests_per_second"])
            spread = ", ".join(f"{name} {n}" for name, n in sorted(figures["served_by"].items()))
            ratio = figures["ratio_to_one_server"]
            ratio = "-" if ratio is None else f"{ratio:.2f}"
            print(f"{label:<18}{servers:>8}{rate:>9.1f}{ratio:>7}  {spread}")
    print("(submissions: stored per second)")


def main() -> int:
    options = parse_arguments()
    cluster = Cluster(
        name=options.name,
        port=options.port,
        redis_db=options.redis_db,
        app_servers=3,
        workers=2,
        env={"CLUSTER_WEB_WORKERS": str(options.web_workers)},
    )
    facts = machine()
    print(
        f"cluster {cluster.name}: HAProxy on {cluster.port}, 3 app servers x "
        f"{options.web_workers} gunicorn process(es) x 4 threads; wrk -t{options.threads} "
        f"-c{options.connections}, {options.duration} s a target",
        flush=True,
    )
    begin = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="citypeers-lb-") as scratch,
        running(cluster, fresh=False),
    ):
        print(f"cluster up after {time.monotonic() - begin:.0f} s", flush=True)
        if options.server_maxconn:
            cluster.limit_connections(options.server_maxconn)
        logs = AccessLogs(cluster)
        results, problems = measure(options, cluster, Path(scratch))
        problems += [f"app server log: {line}" for line in logs.server_errors()]
    print_table(results)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": facts,
        "command": " ".join(["benchmarks/cluster/balancer.py", *sys.argv[1:]]),
        "load_generator": f"{wrk_version()} -t{options.threads} -c{options.connections}",
        "duration_seconds": options.duration,
        "warmup_seconds": WARMUP_SECONDS,
        "gunicorn_processes_per_server": options.web_workers,
        "threads_per_process": WEB_THREADS,
        "haproxy_maxconn_per_server": options.server_maxconn or None,
        "task_workers": cluster.workers,
        "results": {
            label: {str(servers): figures for servers, figures in by_servers.items()}
            for label, by_servers in results.items()
        },
        "problems": problems,
    }
    return finish(report, RESULTS_FILE)


if __name__ == "__main__":
    run_main(main)
