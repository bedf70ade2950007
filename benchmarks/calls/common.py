"""What the open-call benchmarks share: throw-away databases, their environment, the worker,
percentiles and a description of the machine.

Every database made here is named `citypeers_bench_calls*`; the test suites' `test` and
`test_*` databases are refused, so a typo cannot drop them.
"""

import contextlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
# The venv's own bin folder (make bench runs .venv/bin/python), for the `citypeers` command.
VENV_BIN = Path(sys.executable).parent
CITYPEERS = str(VENV_BIN / "citypeers")
POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432"
DATABASE_PREFIX = "citypeers_bench_calls"
BUSY_LOAD_AVERAGE = 1.0  # on 2 cores: about half of them already taken


def postgres_url(name: str) -> str:
    return f"{POSTGRES_SERVER}/{name}"


def _admin_execute(*statements: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def _checked_name(name: str) -> str:
    if not name.startswith(DATABASE_PREFIX) or not name.replace("_", "").isalnum():
        raise ValueError(f"{name!r}: benchmark databases are named {DATABASE_PREFIX}*")
    return name


def postgres_create(name: str) -> str:
    """A new empty database (an older one of the same name is dropped first); its URL."""
    name = _checked_name(name)
    _admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    return postgres_url(name)


def postgres_drop(name: str) -> None:
    _admin_execute(f"DROP DATABASE IF EXISTS {_checked_name(name)} WITH (FORCE)")


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(postgres_url("postgres")) as admin:
        return admin.execute("SHOW server_version").fetchone()[0].split()[0]


def environment(data_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """Production-shaped settings on a throw-away data dir and the given database.

    Everything a caller's shell or `.env` could set to point elsewhere is spelled out.
    """
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "citypeers.settings",
        "DEBUG": "false",
        # No TLS on 127.0.0.1: with the production default every request would be a redirect.
        "SECURE_HTTPS": "false",
        "CITYPEERS_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "CACHE_URL": "dbcache://citypeers_cache",
        "TASK_BACKEND": "database",
        "EMAIL_URL": "outbox://",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def percentiles_ms(seconds: list[float]) -> dict[str, float | None]:
    """p50, p95 and max in milliseconds (p95 as statistics.quantiles cuts it)."""
    if not seconds:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None}
    p95 = (
        statistics.quantiles(seconds, n=20, method="inclusive")[18]
        if len(seconds) > 1
        else seconds[0]
    )
    return {
        "p50_ms": round(statistics.median(seconds) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
    }


def machine(*, with_postgres: bool = True) -> dict:
    """The machine's description for the results; warns when something else is busy on it."""
    load = os.getloadavg()[0]
    if load > BUSY_LOAD_AVERAGE:
        print(f"warning: load average {load:.2f} at start: other work shares these cores")
    return {
        "cores": len(os.sched_getaffinity(0)),
        "load_average_at_start": round(os.getloadavg()[0], 2),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "gunicorn": metadata.version("gunicorn"),
        "highspy": metadata.version("highspy"),
        "postgresql": postgres_version() if with_postgres else None,
        "commit": commit(),
    }


def commit() -> str | None:
    """The checked-out commit (read only: uncommitted changes of others may also be in play)."""
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR, capture_output=True, text=True
    )
    return found.stdout.strip() or None


class Worker:
    """`citypeers worker` (django-tasks' db_worker) in its own process group, as deployed."""

    def __init__(self, environment: dict[str, str], log_file: Path):
        self.log_file = log_file
        with log_file.open("w") as log:
            self.process = subprocess.Popen(
                [CITYPEERS, "worker", "--no-startup-delay"],
                cwd=PROJECT_DIR,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # db_worker finishes its task first
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)

    def check_alive(self) -> None:
        if self.process.poll() is not None:
            tail = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-15:])
            raise RuntimeError(f"the worker exited with {self.process.returncode}:\n{tail}")


def wait_for(predicate, *, timeout: float, step: float = 0.02, what: str) -> float:
    """Poll until predicate() is true; the seconds it took."""
    begin = time.perf_counter()
    while not predicate():
        if time.perf_counter() - begin > timeout:
            raise RuntimeError(f"{what}: not within {timeout} s")
        time.sleep(step)
    return time.perf_counter() - begin


@contextlib.contextmanager
def stopped_on_sigterm():
    """make or a CI runner may stop us with SIGTERM: raise SystemExit so every `finally` runs."""
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def finish(report: dict, results_file: Path) -> int:
    """Writes the report, says where, lists the problems; the exit status (1 on a problem)."""
    results_file.parent.mkdir(exist_ok=True)
    results_file.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten to {results_file.relative_to(PROJECT_DIR)}")
    for line in report.get("skipped", []):
        print(f"SKIPPED: {line}", file=sys.stderr)
    for problem in report["problems"]:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if report["problems"] else 0


def run_main(main) -> None:
    """`main()`'s status as the process's; Ctrl+C ends with 130, without a traceback."""
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
    sys.exit(130)
