"""Requests per second of citypeers under gunicorn, beside a bare Django "hello" app.

    make bench
    .venv/bin/python benchmarks/http_throughput.py [--duration 10] [--connections 32] [--workers 2]

citypeers runs production-shaped (DEBUG off, SECURE_HTTPS=false because there is no TLS
here) on a throw-away data dir filled by `citypeers demo`. Loaded one after the other:
`/healthz`; the public pages as an anonymous reader gets them (the home page, the library, a
library search, a practice's page: kept copies, `core.page_cache`); and the same pages plus
"My page" for a signed-in participant (a session cookie made for a demo participant who needs
no second factor), whose pages are always made for them. `benchmarks/hello_app.py` is then
served by the same gunicorn with the same worker count and loaded the same way, so citypeers'
cost is read as a ratio of that baseline on the same machine in the same run. The load comes
from Debian's `wrk` when it is installed, else from Python threads (slower: see
docs/performance.md).

Every response is checked: the servers' access logs must show only status 200 and the
server logs no error, otherwise the problems are listed and the exit status is 1. Results
are printed as a table and written to benchmarks/results/http_throughput.json.
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
RESULTS_FILE = RESULTS_DIR / "http_throughput.json"
# The venv's own bin folder (make bench runs .venv/bin/python), for the `citypeers` command.
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # only ever load this machine
WARMUP_SECONDS = 2
SERVER_START_TIMEOUT = 60
REQUEST_TIMEOUT = 5
# The access log keeps only what the checks need: status and path of every request.
ACCESS_LOG_FORMAT = "%(s)s %(U)s"
# Above this 1-minute load average something else is using the cores we measure on.
BUSY_LOAD_AVERAGE = 0.5
SERVER_LOG_PROBLEM = re.compile(r"Traceback|\bERROR\b|\bCRITICAL\b|WORKER TIMEOUT|Internal Server")


@dataclass
class Target:
    """One address loaded: `label` names it in the results, `cookie` is sent with each request
    (a signed-in reader's session)."""

    label: str
    path: str
    cookie: str = ""


@dataclass
class App:
    name: str
    wsgi_application: str
    paths: list[str]
    environment: dict[str, str]
    targets: list[Target] = field(default_factory=list)

    def __post_init__(self):
        self.targets = self.targets or [Target(path, path) for path in self.paths]


@dataclass
class LoadResult:
    requests: int
    seconds: float
    requests_per_second: float
    # What the load generator itself saw go wrong (non-2xx/3xx answers, socket errors).
    client_errors: dict[str, int] = field(default_factory=dict)


@dataclass
class TargetResult:
    app: str
    label: str
    path: str
    load: LoadResult
    server_statuses: dict[str, int] = field(default_factory=dict)
    ratio_to_hello: float | None = None


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--load-generator",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="auto uses wrk when it is on PATH, else Python threads",
    )
    options = parser.parse_args()
    if min(options.duration, options.connections, options.workers) < 1:
        parser.error("--duration, --connections and --workers must be at least 1")
    if options.load_generator == "auto":
        options.load_generator = "wrk" if shutil.which("wrk") else "python"
    elif options.load_generator == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    return options


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def get_status(url: str, cookie: str = "") -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path_and_query(url), headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def log_tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


class Server:
    """One gunicorn master in its own process group, stopped with all its workers."""

    def __init__(self, app: App, workers: int, log_dir: Path):
        self.app = app
        self.port = free_port()
        self.server_log = log_dir / f"{app.name}-server.log"
        self.access_log = log_dir / f"{app.name}-access.log"
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            app.wsgi_application,
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(workers),
            "--access-logfile",
            str(self.access_log),
            "--access-logformat",
            ACCESS_LOG_FORMAT,
            # gunicorn 27's control socket has one default path per user: ours would take
            # it from any other gunicorn running here (make demo, say).
            "--no-control-socket",
        ]
        with self.server_log.open("w") as log:
            # A session of its own: Ctrl+C reaches only this script, which then stops the group.
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env=app.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def wait_until_ready(self) -> None:
        """Poll the first path until it answers 200; any other answer will not get better."""
        url = self.url(self.app.paths[0])
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.app.name}: gunicorn exited with {self.process.returncode}:\n"
                    + log_tail(self.server_log)
                )
            try:
                status = get_status(url)
            except OSError:
                time.sleep(0.2)
                continue
            if status != 200:
                raise RuntimeError(f"{self.app.name}: GET {url} answered {status}, not 200")
            return
        raise RuntimeError(f"{self.app.name}: no answer from {url} in {SERVER_START_TIMEOUT} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # gunicorn's graceful shutdown
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)

    def access_lines(self) -> int:
        """How many requests the access log holds so far."""
        if not self.access_log.exists():
            return 0
        return len(self.access_log.read_text(errors="replace").splitlines())

    def access_statuses_since(self, first_line: int) -> dict[str, int]:
        """Statuses of the requests logged from line `first_line` on (one target's load)."""
        lines = self.access_log.read_text(errors="replace").splitlines()[first_line:]
        return dict(sorted(Counter(line.partition(" ")[0] for line in lines).items()))

    def access_statuses(self, path: str) -> dict[str, int]:
        """Statuses the server logged for one path (warm-up and readiness polls included)."""
        statuses = Counter()
        if self.access_log.exists():
            for line in self.access_log.read_text(errors="replace").splitlines():
                status, _, logged_path = line.partition(" ")
                if logged_path == path:
                    statuses[status] += 1
        return dict(sorted(statuses.items()))

    def log_problems(self) -> list[str]:
        lines = self.server_log.read_text(errors="replace").splitlines()
        return [line for line in lines if SERVER_LOG_PROBLEM.search(line)]


def wrk_version() -> str:
    output = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
    first_line = (output.stdout or output.stderr).strip().splitlines()[:1]
    return first_line[0].split(" Copyright")[0] if first_line else "wrk"


def run_wrk(url: str, seconds: int, connections: int, cookie: str = "") -> LoadResult:
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        f"{REQUEST_TIMEOUT}s",
        *(["-H", f"Cookie: {cookie}"] if cookie else []),
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 30, check=True
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h),", output)
    if not rate or not total:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    unit_seconds = {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}[total.group(3)]
    errors = {}
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors["non_2xx_3xx"] = int(found.group(1))
    if found := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        for kind, count in zip(
            ["connect", "read", "write", "timeout"], found.groups(), strict=True
        ):
            if int(count):
                errors[f"socket_{kind}"] = int(count)
    return LoadResult(
        requests=int(total.group(1)),
        seconds=round(float(total.group(2)) * unit_seconds, 2),
        requests_per_second=float(rate.group(1)),
        client_errors=errors,
    )


def run_python_load(url: str, seconds: int, connections: int, cookie: str = "") -> LoadResult:
    """One thread per connection, each looping GET until the deadline (keep-alive when offered)."""
    parts = urlsplit(url)
    headers = {"Cookie": cookie} if cookie else {}
    deadline = time.monotonic() + seconds
    tallies = [Counter() for _ in range(connections)]

    def load(tally: Counter) -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=REQUEST_TIMEOUT)
        while time.monotonic() < deadline:
            try:
                connection.request("GET", path_and_query(url), headers=headers)
                response = connection.getresponse()
                response.read()
                tally[str(response.status)] += 1
            except (OSError, http.client.HTTPException):
                tally["error"] += 1
                connection.close()  # the next request opens a fresh connection
        connection.close()

    threads = [threading.Thread(target=load, args=(tally,), daemon=True) for tally in tallies]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + REQUEST_TIMEOUT + 1)
    elapsed = time.monotonic() - started
    counts = sum(tallies, Counter())
    requests = sum(counts.values()) - counts["error"]
    errors = {
        f"status_{status}": n for status, n in counts.items() if status not in {"200", "error"}
    }
    if counts["error"]:
        errors["socket_errors"] = counts["error"]
    return LoadResult(requests, round(elapsed, 2), round(requests / elapsed, 1), errors)


def prepare_citypeers(data_dir: Path) -> App:
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "citypeers.settings",
        "DEBUG": "false",
        # No TLS on 127.0.0.1: with the production default every request would be a redirect.
        "SECURE_HTTPS": "false",
        "CITYPEERS_DATA_DIR": str(data_dir),
        # Spelled out so a DATABASE_URL or CACHE_URL in the caller's shell or .env cannot
        # point the benchmark at a real database: these are the settings' own defaults.
        "DATABASE_URL": f"sqlite:///{data_dir}/db.sqlite3",
        "CACHE_URL": "dbcache://citypeers_cache",
    }
    citypeers = str(VENV_BIN / "citypeers")
    for command in ([citypeers, "demo"], [citypeers, "collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(
            command,
            cwd=PROJECT_DIR,
            env=environment,
            check=True,
            timeout=300,
            stdout=subprocess.DEVNULL,
        )
    found = json.loads(
        subprocess.run(
            [citypeers, "shell", "-c", SIGNED_IN_READER],
            cwd=PROJECT_DIR,
            env=environment,
            check=True,
            timeout=120,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    practice = f"/en/practices/{found['practice']}/"
    public = {
        "home": "/en/",
        "library": "/en/library/",
        "search": "/en/library/?q=heritage",
        "practice": practice,
    }
    signed_in = public | {"my page": found["dashboard"]}
    del signed_in["search"]
    targets = [Target("healthz", "/healthz")]
    targets += [Target(label, path) for label, path in public.items()]
    targets += [
        Target(f"{label}, signed in", path, found["cookie"]) for label, path in signed_in.items()
    ]
    return App(
        "citypeers",
        "citypeers.wsgi:application",
        [target.path for target in targets],
        environment,
        targets,
    )


# Run in `citypeers shell`: a session for a demo participant who needs no second factor, a
# published practice's slug and "My page"'s address, as one line of JSON.
SIGNED_IN_READER = """
import importlib, json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.urls import reverse
from django.utils import translation
from citypeers.catalogue.models import Practice
from citypeers.core.second_factor import lacks_required_second_factor
from citypeers.people.models import User
reader = next(
    user for user in User.objects.filter(is_staff=False, is_active=True).order_by("pk")
    if not lacks_required_second_factor(user)
)
session = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(reader.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = reader.get_session_auth_hash()
session.create()
practice = Practice.objects.filter(status="published").order_by("pk").first()
with translation.override("en"):
    dashboard = reverse("programmes:dashboard")
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
    "practice": practice.slug,
    "dashboard": dashboard,
}))
"""


def hello_app() -> App:
    # Its settings are configured in the module itself, so the environment does not matter.
    return App("hello", "benchmarks.hello_app:application", ["/"], dict(os.environ))


def benchmark_app(
    app: App, options: argparse.Namespace, log_dir: Path
) -> tuple[list[TargetResult], list[str]]:
    """Load each of the app's paths in turn; return the results and suspicious log lines."""
    load = run_wrk if options.load_generator == "wrk" else run_python_load
    server = Server(app, options.workers, log_dir)
    results = []
    try:
        server.wait_until_ready()
        for target in app.targets:
            url = server.url(target.path)
            status = get_status(url, target.cookie)
            if status != 200:
                raise RuntimeError(f"{app.name}: GET {target.path} answered {status}, not 200")
            print(
                f"  {app.name} {target.label} (GET {target.path}): warm-up {WARMUP_SECONDS} s, "
                f"load {options.duration} s"
            )
            first_line = server.access_lines()
            load(url, WARMUP_SECONDS, options.connections, target.cookie)
            measured = load(url, options.duration, options.connections, target.cookie)
            time.sleep(0.5)  # the workers' last access-log lines
            statuses = server.access_statuses_since(first_line)
            results.append(TargetResult(app.name, target.label, target.path, measured, statuses))
    finally:
        server.stop()
        RESULTS_DIR.mkdir(exist_ok=True)
        shutil.copy(server.server_log, RESULTS_DIR / server.server_log.name)
    log_problems = [f"{app.name} server log: {line}" for line in server.log_problems()]
    return results, log_problems


def problems_of(result: TargetResult) -> list[str]:
    found = []
    target = f"{result.app} {result.label} (GET {result.path})"
    if result.load.client_errors:
        found.append(f"{target}: load generator saw {result.load.client_errors}")
    non_200 = {status: n for status, n in result.server_statuses.items() if status != "200"}
    if non_200:
        found.append(f"{target}: server answered {non_200}")
    # Every request wrk counted must be in the access log with its status.
    if sum(result.server_statuses.values()) < result.load.requests:
        found.append(f"{target}: access log has fewer lines than requests made")
    return found


def print_table(results: list[TargetResult], header: str) -> None:
    print(f"\n{header}")
    # The access log also holds the warm-up, so its counts exceed the measured requests.
    print(f"{'target':<34} {'requests':>9} {'req/s':>9} {'vs hello':>9}  statuses logged")
    for result in results:
        ratio = f"{result.ratio_to_hello:.2f}" if result.ratio_to_hello is not None else "-"
        statuses = ", ".join(f"{status}: {n}" for status, n in result.server_statuses.items())
        print(
            f"{result.app + ' ' + result.label:<34} {result.load.requests:>9} "
            f"{result.load.requests_per_second:>9.1f} {ratio:>9}  {statuses}"
        )


def main() -> int:
    options = parse_arguments()
    # make or a CI runner may stop us with SIGTERM: turn it into an exception so every
    # `finally` runs and no gunicorn is left behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if options.load_generator == "wrk":
        generator = f"{wrk_version()} (-t{min(2, options.connections)})"
    else:
        generator = f"Python threads (http.client), {options.connections} threads"
    cores = len(os.sched_getaffinity(0))
    # Anything else busy on these cores skews every figure: say so rather than hide it.
    load_average_at_start = round(os.getloadavg()[0], 2)
    if load_average_at_start > BUSY_LOAD_AVERAGE:
        print(f"warning: load average {load_average_at_start} at start: figures will be low")
    print(
        f"load generator: {generator}, {options.connections} connections, "
        f"{options.duration} s per URL after {WARMUP_SECONDS} s warm-up; "
        f"gunicorn sync workers: {options.workers}; cores: {cores}"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="citypeers-bench-") as scratch:
            scratch_dir = Path(scratch)
            print("preparing a throw-away data dir (citypeers demo + collectstatic, ~15 s)")
            citypeers = prepare_citypeers(scratch_dir / "data")
            hello_results, hello_log_problems = benchmark_app(hello_app(), options, scratch_dir)
            citypeers_results, citypeers_log_problems = benchmark_app(
                citypeers, options, scratch_dir
            )
    except (RuntimeError, subprocess.SubprocessError) as error:
        # The servers are already stopped; their logs are in benchmarks/results/.
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    results = hello_results + citypeers_results

    hello_rps = hello_results[0].load.requests_per_second
    for result in results:
        result.ratio_to_hello = round(result.load.requests_per_second / hello_rps, 3)
    problems = [problem for result in results for problem in problems_of(result)]
    problems += hello_log_problems + citypeers_log_problems
    header = f"{generator}, {options.connections} connections, {options.workers} workers"
    print_table(results, header)

    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": cores,
            "load_average_at_start": load_average_at_start,
            "platform": platform.platform(),
            "python": platform.python_version(),
            "django": metadata.version("django"),
            "gunicorn": metadata.version("gunicorn"),
        },
        "load_generator": generator,
        "connections": options.connections,
        "duration_seconds": options.duration,
        "warmup_seconds": WARMUP_SECONDS,
        "gunicorn_workers": options.workers,
        "results": [
            {
                "app": result.app,
                "label": result.label,
                "path": result.path,
                "requests": result.load.requests,
                "seconds": result.load.seconds,
                "requests_per_second": result.load.requests_per_second,
                "ratio_to_hello": result.ratio_to_hello,
                "server_statuses": result.server_statuses,
                "client_errors": result.load.client_errors,
            }
            for result in results
        ],
        "problems": problems,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {RESULTS_FILE.relative_to(PROJECT_DIR)}")
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
    sys.exit(130)
