"""A private cluster (scripts/cluster.py) for a benchmark or a fault test: started with its
own name, ports, Redis databases and PostgreSQL database, driven through HAProxy's admin
socket and its processes' pid files, and stopped whatever happens.

No Django here: the benchmark's process may be a test run configured for another database.
What needs Django runs in the cluster's own environment (`Cluster.site`, benchmarks/cluster/
site.py).
"""

import contextlib
import functools
import importlib.util
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.calls.common import stopped_on_sigterm, wait_for
from benchmarks.child_process import run_json_child

PROJECT_DIR = Path(__file__).resolve().parents[2]
CLUSTER_SCRIPT = PROJECT_DIR / "scripts" / "cluster.py"
HOST = "127.0.0.1"
START_SECONDS = 900  # a first start loads the demo: minutes on a busy machine
ADMIN_TIMEOUT = 5


@functools.cache
def cluster_module():
    """scripts/cluster.py as a module (its Layout and environment), without running it."""
    spec = importlib.util.spec_from_file_location("citypeers_cluster_script", CLUSTER_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@dataclass
class Cluster:
    """One named cluster. `env` is added to the environment `start` runs in, which the app
    servers and workers inherit (CLUSTER_WEB_WORKERS, TASK_RUNNING_TIMEOUT…)."""

    name: str
    port: int
    redis_db: int
    app_servers: int = 3
    workers: int = 2
    demo: bool = True
    env: dict[str, str] = field(default_factory=dict)

    @property
    def options(self) -> list[str]:
        return ["--name", self.name, "--port", str(self.port), "--redis-db", str(self.redis_db)]

    @property
    def layout(self):
        module = cluster_module()
        return module.Layout(
            name=self.name,
            port=self.port,
            app_servers=self.app_servers,
            workers=self.workers,
            redis_db=self.redis_db,
            demo=self.demo,
        )

    @property
    def run_dir(self) -> Path:
        return self.layout.run_dir

    @property
    def log_dir(self) -> Path:
        return self.layout.log_dir

    def _script(self, action: str, *extra: str, timeout: float) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(CLUSTER_SCRIPT), action, *self.options, *extra],
            cwd=PROJECT_DIR,
            env=os.environ | self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self, *, fresh: bool) -> None:
        """Starts it on clean Redis databases; `fresh` also drops its PostgreSQL database
        first (the cluster then migrates an empty one, and loads the demo unless told not to)."""
        self.stop()  # whatever a run stopped short left behind
        self._flush_redis()
        if fresh:
            self._drop_database()
        extra = [f"--app-servers={self.app_servers}", f"--workers={self.workers}"]
        extra += [] if self.demo else ["--no-demo"]
        started = self._script("start", *extra, timeout=START_SECONDS)
        if started.returncode != 0:
            raise RuntimeError(
                f"cluster {self.name} did not start:\n{started.stdout}{started.stderr}"
            )

    def stop(self) -> None:
        self._script("stop", timeout=180)

    def _flush_redis(self) -> None:
        """Its two Redis databases (cache, pages' copies) emptied: a copy kept from another
        run's database would be served as this one's."""
        import redis  # the venv's; only when a cluster is started

        for number in (self.redis_db, self.redis_db + 1, self.redis_db + 2):
            redis.Redis(host=HOST, port=6379, db=number, socket_connect_timeout=2).flushdb()

    def _drop_database(self) -> None:
        import psycopg

        server, _slash, name = self.layout.database_url.rpartition("/")
        if not name.startswith("citypeers_cluster_"):
            raise ValueError(f"{name}: only a named cluster's database is dropped")
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}:{self.port}{path}"

    def environment(self) -> dict[str, str]:
        """What its app servers and workers run with."""
        return cluster_module().environment(self.layout) | self.env

    def checked_once_tasks_done(self, tag: str, seconds: float) -> tuple[dict, list[str]]:
        """`site check` for `tag` once every task it queued is done (or `seconds` passed:
        then a problem says so)."""
        try:
            wait_for(
                lambda: self.site("check", tag=tag)["tasks"].keys() <= {"SUCCESSFUL"},
                timeout=seconds,
                step=2,
                what="every confirmation mail's task done",
            )
        except RuntimeError as error:
            return self.site("check", tag=tag), [str(error)]
        return self.site("check", tag=tag), []

    def site(self, action: str, **arguments) -> dict:
        """benchmarks/cluster/site.py run in the cluster's environment; its JSON answer."""
        options = [f"--{name.replace('_', '-')}={value}" for name, value in arguments.items()]
        return run_json_child(
            [sys.executable, "-m", "benchmarks.cluster.site", action, *options],
            cwd=PROJECT_DIR,
            env=self.environment() | {"LOG_LEVEL": "WARNING"},
            timeout=900,
            what=f"site {action}",
        )

    # HAProxy's admin socket ("level admin", scripts/cluster.py).

    def admin(self, command: str) -> str:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as admin:
            admin.settimeout(ADMIN_TIMEOUT)
            admin.connect(str(self.run_dir / "haproxy.sock"))
            admin.sendall(f"{command}\n".encode())
            chunks = []
            while chunk := admin.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers_state(self) -> dict[str, dict[str, str]]:
        """Each app server's operational and administrative state as HAProxy holds them:
        op 2 is up, 0 down; admin 0 is enabled, 1 disabled by us ("maintenance")."""
        lines = self.admin("show servers state app").splitlines()
        header = lines[1].lstrip("# ").split()
        states = {}
        for line in lines[2:]:
            fields = dict(zip(header, line.split(), strict=False))
            if fields.get("srv_name", "").startswith("app"):
                states[fields["srv_name"]] = {
                    "op": fields["srv_op_state"],
                    "admin": fields["srv_admin_state"],
                }
        return states

    def enable_only(self, count: int) -> list[str]:
        """app1..app<count> take requests, the others none; the names enabled."""
        names = [f"app{number}" for number in range(1, self.app_servers + 1)]
        for number, name in enumerate(names, start=1):
            self.admin(f"{'enable' if number <= count else 'disable'} server app/{name}")
        enabled = names[:count]
        wait_for(
            lambda: all(
                (state["admin"] == "0") == (name in enabled)
                for name, state in self.servers_state().items()
            ),
            timeout=10,
            step=0.1,
            what="HAProxy to take the servers in and out",
        )
        return enabled

    def limit_connections(self, per_server: int) -> None:
        """At most `per_server` requests at once on each app server; HAProxy queues the rest
        (for up to its connect timeout, 5 s). Its health checks are not queued: they stay
        quick when the servers are saturated, so a busy server is not taken for a dead one."""
        for number in range(1, self.app_servers + 1):
            answer = self.admin(f"set maxconn server app/app{number} {per_server}")
            if answer.strip():
                raise RuntimeError(f"HAProxy refused maxconn {per_server}: {answer.strip()}")

    def down_after(self, name: str, since: float, seconds: float) -> float | None:
        """Seconds from `since` (time.time()) until HAProxy saw `name` down; None if not
        within `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.servers_state().get(name, {}).get("op") == "0":
                return round(time.time() - since, 2)
            time.sleep(0.1)
        return None

    # Its processes, by their pid files (each the leader of its process group).

    def pid(self, process: str) -> int:
        return int((self.run_dir / f"{process}.pid").read_text())

    def signal_group(self, process: str, signum: int) -> int:
        """Signals the whole group (gunicorn's master and workers); the leader's pid."""
        pid = self.pid(process)
        os.killpg(pid, signum)
        return pid

    def group_gone(self, pid: int, seconds: float) -> bool:
        with contextlib.suppress(RuntimeError):
            wait_for(lambda: not _group_alive(pid), timeout=seconds, step=0.1, what="its end")
            return True
        return False


def _group_alive(group: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                return True
    return False


@contextlib.contextmanager
def running(cluster: Cluster, *, fresh: bool):
    """The cluster started, and stopped at the end whatever happens (an error, Ctrl+C, or a
    SIGTERM from make or CI)."""
    with stopped_on_sigterm():
        try:
            cluster.start(fresh=fresh)
            yield cluster
        finally:
            cluster.stop()
