"""A private cluster for the journeys through the balancer: scripts/cluster.py's HAProxy in
front of two app servers (one gunicorn process each, so round robin alternates them strictly)
and one task worker, on PostgreSQL and Redis, started once per session and stopped at the end
whatever happens.

Each run starts anew: any cluster of that name left running is stopped, its folder, database
(citypeers_cluster_tests) and Redis dbs (7 and 8) emptied, then it is started, migrated, and
given the scenario's data from inside (tests/cluster/scenario.py).

The cluster runs on PostgreSQL whatever DATABASE_URL the test process has, so running these
tests in both of CI's runs would run the same thing twice: `.ci/run` runs them once, in `make
test`, and leaves them out of the PostgreSQL run. Outside CI a missing tool (HAProxy, a
PostgreSQL or Redis server) skips them; with CI=true it fails them. The journeys are one test,
so under xdist one worker starts one cluster; a lock keeps any other run on the machine (or
worker) from starting its own before this one has stopped.
"""

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.cluster.script import cluster_script
from tests.cluster.visitor import Answer, Visitor

PROJECT_DIR = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("CLUSTER_TESTS_PORT", "18000"))  # another, if 18000 is taken here
STARTING_SECONDS = 900  # migrating an empty database on a busy machine takes minutes
LOCK_PATH = Path(tempfile.gettempdir()) / "citypeers-cluster-tests.lock"
LOCK_SECONDS = 1200  # another checkout's run: its start, its journeys, its stop
# The test process's variables the cluster must not take (tests/browser/conftest.py's).
# It does take pytest-env's STATICFILES_STORAGE (pyproject.toml), plain copies as in the
# rest of the suite: the journeys load no static file, and the production storage hashes and
# compresses every file again at each start (three minutes here, with 0 files changed).
TEST_PROCESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


LAYOUT = cluster_script.Layout(
    name="tests", port=PORT, app_servers=2, workers=1, redis_db=7, demo=False
)


def _give_up(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _missing() -> str | None:
    """What this machine lacks to run the cluster, if anything."""
    import psycopg
    import redis

    if shutil.which("haproxy") is None:
        return "haproxy is missing: `make haproxy` installs it (as root, where apt works)"
    server = LAYOUT.database_url.rpartition("/")[0]
    try:
        psycopg.connect(f"{server}/postgres", connect_timeout=5).close()
    except psycopg.OperationalError as error:
        return f"PostgreSQL does not answer ({str(error).strip().splitlines()[0]})"
    try:
        redis.Redis(
            host=cluster_script.HOST, port=cluster_script.REDIS_PORT, socket_connect_timeout=2
        ).ping()
    except redis.ConnectionError:
        if shutil.which("redis-server") is None:
            return "no Redis answers and redis-server is missing"
    return None


def _command(*args: str, env: dict, seconds: float) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds,
    )


def _cli(action: str, env: dict) -> subprocess.CompletedProcess:
    options = ["--name", LAYOUT.name, "--port", str(LAYOUT.port)]
    options += ["--app-servers", str(LAYOUT.app_servers), "--workers", str(LAYOUT.workers)]
    options += ["--redis-db", str(LAYOUT.redis_db), "--no-demo"]
    arguments = options if action == "start" else ["--name", LAYOUT.name]
    return _command("scripts/cluster.py", action, *arguments, env=env, seconds=STARTING_SECONDS)


def _emptied(env: dict) -> None:
    """No trace of an earlier run: its processes, files, database and cached values."""
    import psycopg
    import redis

    _cli("stop", env)  # a run killed before its end may have left it running
    shutil.rmtree(LAYOUT.data_dir, ignore_errors=True)
    server, _slash, name = LAYOUT.database_url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    with contextlib.suppress(redis.ConnectionError):  # none yet: the start runs one
        for db in (LAYOUT.redis_db, LAYOUT.redis_db + 1, LAYOUT.redis_db + 2):
            redis.Redis(host=cluster_script.HOST, port=cluster_script.REDIS_PORT, db=db).flushdb()


@contextlib.contextmanager
def _alone_on_this_machine():
    """One run of these tests at a time on the machine: another checkout's would use the same
    port, database and Redis dbs (and empty them). Released when the process ends, however."""
    with LOCK_PATH.open("a") as lock:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"another run of the cluster tests held {LOCK_PATH} too long")
                time.sleep(2)
        yield


class Cluster:
    """The running cluster as the tests see it: its address, its people, its logs."""

    def __init__(self):
        self.url = f"http://{cluster_script.HOST}:{LAYOUT.port}"
        self.facts: dict = {}  # what scenario.setup made: addresses, the password, slugs
        self.answers: list[Answer] = []  # every answer, every person's, in order

    def visitor(self) -> Visitor:
        return Visitor(self.url, self.answers)

    def signed_in(self, email: str, password: str | None = None) -> Visitor:
        person = self.visitor()
        page = person.get("/en/accounts/login/")
        page = person.press(
            page,
            "Sign In",
            fields={"Email": email, "Password": password or self.facts["password"]},
        )
        assert page.heading.startswith("Welcome"), page.text[:300]
        return person

    def app_logs(self) -> str:
        """What the app servers wrote to their consoles (`make demo` prints account links
        there, OUTBOX_PRINT_SECRETS, instead of in the outbox staff can read)."""
        return "".join(path.read_text() for path in sorted(LAYOUT.log_dir.glob("app*.log")))

    def scenario(self, action: str) -> dict:
        """One step of tests/cluster/scenario.py, run inside the cluster's environment."""
        code = f"from tests.cluster import scenario; scenario.{action}()"
        done = _command(
            "-m",
            "citypeers",
            "shell",
            "--no-imports",
            "-c",
            code,
            env=cluster_script.environment(LAYOUT),
            seconds=300,
        )
        assert done.returncode == 0, f"scenario.{action}: {done.stderr[-3000:]}"
        return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def running_cluster():
    if missing := _missing():
        _give_up(f"the tests through the balancer cannot run: {missing}")
    env = {name: value for name, value in os.environ.items() if name not in TEST_PROCESS_ONLY}
    env["CLUSTER_WEB_WORKERS"] = "1"
    with _alone_on_this_machine():
        _emptied(env)
        try:
            started = _cli("start", env)
            if started.returncode != 0:
                logs = "\n".join(
                    f"--- {path.name}\n{path.read_text()[-2000:]}"
                    for path in sorted(LAYOUT.log_dir.glob("*.log"))
                )
                pytest.fail(f"the cluster did not start:\n{started.stdout}{started.stderr}\n{logs}")
            running = Cluster()
            running.facts = running.scenario("setup")
            yield running
        finally:
            _cli("stop", env)


@pytest.fixture
def cluster(running_cluster) -> Cluster:
    """The session's cluster, noting this test's answers only."""
    running_cluster.answers.clear()
    return running_cluster
