"""The production layout on one machine: `make cluster` starts it, `make cluster-stop` stops it.

    python scripts/cluster.py start    HAProxy, three app servers, two task workers; returns
                                       once HAProxy sees every app server up
    python scripts/cluster.py stop     stops what `start` started (by its pid files); data stays
    python scripts/cluster.py status   JSON: each process, and each app server as HAProxy sees it

What runs where (docs/deployment.md describes the same layout on real hosts):

    127.0.0.1:8000 (CLUSTER_PORT)  HAProxy: round robin, health checks on /healthz, retries;
                                   each answer says which app server gave it (X-Served-By: app2)
    127.0.0.1:8404                 HAProxy's statistics page (servers going down and up)
    127.0.0.1:8101..8103           three gunicorn app servers (`citypeers serve`'s options)
    two `citypeers worker`         background tasks, from the database queue
    127.0.0.1:5432                 PostgreSQL, database citypeers_cluster (CLUSTER_DATABASE_URL)
    127.0.0.1:6379                 Redis: db 1 the shared cache (rate limits, change marks,
                                   sessions as `cached_db`), db 2 the public pages' copies

Everything of its own is under var/cluster/ (git-ignored): the secret key and health token
(made once), the media and private folders every app server shares, haproxy.cfg, pid files
(run/NAME.pid: app1.., worker1.., haproxy), HAProxy's admin socket (run/haproxy.sock: "disable
server app/app2") and logs. PostgreSQL must already run; Redis is started here only if none
answers on 6379 (and stopped with the rest). The demo data is loaded once, into an empty database.

Other layouts beside it (for tests and benchmarks), the defaults giving the one above:

    --name NAME      data in var/cluster-NAME/, database citypeers_cluster_NAME (on the server
                     of CLUSTER_DATABASE_URL if set); stop and status take it too
    --port P         HAProxy on P, app servers on P+101.., statistics on P+404
    --app-servers N  1..9 (3)        --workers N  0..9 (2)
    --redis-db D     the cache on db D, the public pages' copies on D+1, the task queue on D+2 (1)
    --no-demo        no demo data: an empty, migrated database
    CLUSTER_WEB_WORKERS (env): gunicorn processes per app server (2)

No Django at module level: this runs before anything is configured, in the venv's Python.
"""

import argparse
import contextlib
import dataclasses
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
SRC_DIR = PROJECT_DIR / "src"
PYTHON = sys.executable
HOST = "127.0.0.1"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_PORT = 6379
STOP_SECONDS = 30
UP_SECONDS = 120
# A name becomes a folder and a database name: nothing that needs quoting or escaping.
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_]{0,29}")


@dataclasses.dataclass(frozen=True)
class Layout:
    """One cluster: where its data lives and which ports, databases and processes it uses.
    The defaults are `make cluster`'s; a named layout runs beside it without touching it."""

    name: str = ""
    port: int = 8000
    app_servers: int = 3
    workers: int = 2
    redis_db: int = 1
    demo: bool = True

    @property
    def data_dir(self) -> Path:
        return PROJECT_DIR / "var" / (f"cluster-{self.name}" if self.name else "cluster")

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def app_ports(self) -> tuple[int, ...]:
        return tuple(self.port + 100 + number for number in range(1, self.app_servers + 1))

    @property
    def stats_port(self) -> int:
        return self.port + 404

    @property
    def database_url(self) -> str:
        """CLUSTER_DATABASE_URL is the default layout's database; a named layout has its own
        database on the same server."""
        url = os.environ.get("CLUSTER_DATABASE_URL", f"{POSTGRES_SERVER}/citypeers_cluster")
        if not self.name:
            return url
        return urllib.parse.urlsplit(url)._replace(path=f"/citypeers_cluster_{self.name}").geturl()

    def save(self) -> None:
        """Written at start, so that `stop` and `status` given only the name find the rest."""
        (self.data_dir / "layout.json").write_text(json.dumps(dataclasses.asdict(self)))

    def as_started(self) -> "Layout":
        """The layout last started under this name (its ports), else this one."""
        saved = self.data_dir / "layout.json"
        return Layout(**json.loads(saved.read_text())) if saved.is_file() else self

    @property
    def stop_command(self) -> str:
        """What stops it (stopping needs only the name: the rest is in its pid files)."""
        if not self.name:
            return "make cluster-stop"
        return f"python scripts/cluster.py stop --name {self.name}"


HAPROXY_CFG = """\
# Written by scripts/cluster.py from its template: edit the template, not this file.
global
    log stdout format raw local0 info
    stats socket {run_dir}/haproxy.sock mode 600 level admin
    maxconn 2000

defaults
    mode http
    log global
    option httplog
    option dontlognull
    timeout connect 5s
    timeout client 65s
    # gunicorn answers a slow request for up to 60 s (its --timeout) before giving up.
    timeout server 65s
    timeout http-request 10s
    # A request that finds its server gone is tried again (up to 3 times), on another server;
    # so is a GET or HEAD the server closed without answering (a server stopping as it came).
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response

frontend www
    bind {host}:{port}
    # The client's address, appended to X-Forwarded-For: TRUSTED_PROXY_COUNT=1 reads it there.
    option forwardfor
    # A request that may change something is never sent twice: only a failed connect retries it.
    http-request disable-l7-retry unless METH_GET
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host {host}
    http-check expect status 200
    # Which app server answered, for a person or a test watching the round robin.
    http-response set-header X-Served-By %[srv_name]
    # Checked every 2 s; down after 2 failures, up again after 2 successes.
    default-server inter 2s fall 2 rise 2
{servers}

listen stats
    bind {host}:{stats_port}
    stats enable
    stats uri /
    stats refresh 2s
    stats show-legends
    # The same figures for Prometheus (Debian's HAProxy is built with the exporter).
    http-request use-service prometheus-exporter if {{ path /metrics }}
"""


def environment(layout: Layout) -> dict[str, str]:
    """What every app server and worker is given: one database, one cache, one key, one folder."""
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "citypeers.settings",
        # This checkout's code, whatever the venv was installed from.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
        "CITYPEERS_DATA_DIR": str(layout.data_dir),
        "DATABASE_URL": layout.database_url,
        "CACHE_URL": f"redis://{HOST}:{REDIS_PORT}/{layout.redis_db}",
        "PAGE_CACHE_URL": f"redis://{HOST}:{REDIS_PORT}/{layout.redis_db + 1}",
        # The task queue on RQ (core.background_rq): each task's row is its outbox, so none is
        # lost with Redis; workers run `citypeers worker`, which serves RQ under this backend.
        "TASK_REDIS_URL": f"redis://{HOST}:{REDIS_PORT}/{layout.redis_db + 2}",
        "SESSION_ENGINE": "cached_db",
        "SECRET_KEY": _kept_secret(layout, "secret_key"),
        "HEALTHZ_TOKEN": _kept_secret(layout, "healthz_token"),
        "MEDIA_ROOT": str(layout.data_dir / "media"),
        "PRIVATE_FILES_DIR": str(layout.data_dir / "private"),
        "SITE_URL": f"http://{HOST}:{layout.port}",
        "TRUSTED_PROXY_COUNT": "1",
        "DEBUG": "false",
        "SECURE_HTTPS": "false",
        "MFA_REQUIRED_FOR_STAFF": "false",
        "OUTBOX_PRINT_SECRETS": "true",
        "TASK_BACKEND": "rq",
        "EMAIL_URL": "outbox://",
    }


def _kept_secret(layout: Layout, name: str) -> str:
    """Made once into the data dir (never the repository), the same for every process."""
    path = layout.data_dir / name
    if not path.is_file():
        layout.data_dir.mkdir(parents=True, exist_ok=True)
        # Created readable by its owner only, never for a moment by anyone else.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as secret:
            secret.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _say(message: str) -> None:
    print(f"cluster: {message}", flush=True)


class Problem(Exception):
    """Something missing or failing: one line saying what, and the start stops."""


# What is started, and how it is found again by `stop`: a pid file per process holding its
# pid, its start time (a pid may be reused: the time tells ours from another) and its command.
# Each runs in its own process group, which `stop` signals whole (gunicorn's workers too).


def _pid_file(layout: Layout, name: str) -> Path:
    return layout.run_dir / f"{name}.json"


def _launch(layout: Layout, name: str, command: list[str], env: dict[str, str]) -> int:
    layout.run_dir.mkdir(parents=True, exist_ok=True)
    layout.log_dir.mkdir(parents=True, exist_ok=True)
    with (layout.log_dir / f"{name}.log").open("a") as log:
        process = subprocess.Popen(  # noqa: S603 (our own commands)
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = {"pid": process.pid, "start": _stat(process.pid)["start"], "command": command}
    _pid_file(layout, name).write_text(json.dumps(started))
    # For `kill $(cat …)`.
    _pid_file(layout, name).with_suffix(".pid").write_text(f"{process.pid}\n")
    return process.pid


def _stat(pid: int | str) -> dict:
    """State, process group and start time (in clock ticks since boot) from /proc; {} if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except (FileNotFoundError, ProcessLookupError):
        return {}
    return {"state": fields[0], "group": int(fields[2]), "start": fields[19]}


def _alive(run: dict) -> bool:
    """The process we started runs (not a zombie): the same pid and start time."""
    stat = _stat(run["pid"])
    return stat.get("start") == run["start"] and stat["state"] != "Z"


def _group_runs(run: dict) -> bool:
    """Some process of its group still runs. (Linux reuses no pid while a group bears it, so
    with the leader gone, a group of that number is what is left of ours.)"""
    leader = _stat(run["pid"])
    if leader and leader["start"] != run["start"]:
        return False  # the pid is another process's now: ours and its group are long gone
    return any(
        (stat := _stat(entry.name)) and stat["group"] == run["pid"] and stat["state"] != "Z"
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit()
    )


def _started(layout: Layout) -> dict[str, dict]:
    if not layout.run_dir.is_dir():
        return {}
    return {
        path.stem: json.loads(path.read_text()) for path in sorted(layout.run_dir.glob("*.json"))
    }


def _stop_one(layout: Layout, name: str, run: dict) -> bool:
    """Stops the process and its group; whether anything was still running."""
    if not _group_runs(run):
        _forget(layout, name)
        return False
    # The group may end by itself between the check and the signal: nothing left to stop.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(run["pid"], signal.SIGTERM)  # gunicorn and the worker finish their requests
        deadline = time.monotonic() + STOP_SECONDS
        while _group_runs(run) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _group_runs(run):
            _say(f"{name} still runs after {STOP_SECONDS} s: killed")
            os.killpg(run["pid"], signal.SIGKILL)
    _forget(layout, name)
    return True


def _forget(layout: Layout, name: str) -> None:
    _pid_file(layout, name).unlink(missing_ok=True)
    _pid_file(layout, name).with_suffix(".pid").unlink(missing_ok=True)


def stop(layout: Layout) -> int:
    started = _started(layout)
    if not started:
        _say("nothing to stop")
        return 0
    # The balancer first (no new requests), then the app servers, the workers, Redis last.
    order = ["haproxy", *(f"app{i}" for i in range(1, 10)), *(f"worker{i}" for i in range(1, 10))]
    for name in sorted(started, key=lambda name: order.index(name) if name in order else 99):
        was_running = _stop_one(layout, name, started[name])
        _say(f"{'stopped' if was_running else 'already gone:'} {name} (pid {started[name]['pid']})")
    _say(f"data kept in {layout.data_dir.relative_to(PROJECT_DIR)}/")
    return 0


# Starting.


def _check_tools(layout: Layout) -> None:
    if shutil.which("haproxy") is None:
        raise Problem("haproxy is missing: `make haproxy` installs it where apt-get works as root")
    started = _started(layout)
    running = [name for name, run in started.items() if _group_runs(run)]
    if running:
        raise Problem(f"already running ({', '.join(running)}): `{layout.stop_command}` first")
    for name in started:  # what a machine's restart or a kill left behind
        _forget(layout, name)


def _check_ports(layout: Layout) -> None:
    taken = []
    for wanted in (layout.port, layout.stats_port, *layout.app_ports):
        with socket.socket() as probe:
            # Connections of a cluster just stopped (TIME_WAIT) do not count; a listener does.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, wanted))
            except OSError:
                taken.append(str(wanted))
    if taken:
        raise Problem(f"port(s) {', '.join(taken)} on {HOST} already in use")


def _postgres_ready(layout: Layout) -> None:
    """The database, created if missing (the server itself must already run)."""
    import psycopg  # the venv's; imported here so `--help` needs nothing installed

    server, _slash, name = layout.database_url.rpartition("/")
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5) as admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{name}"')
                _say(f"created the PostgreSQL database {name}")
    except psycopg.OperationalError as error:
        first_line = str(error).strip().splitlines()[0]
        where = server.rpartition("@")[2]  # never the password in a message
        raise Problem(f"PostgreSQL does not answer at {where} ({first_line})") from None


def _database_is_empty(layout: Layout) -> bool:
    import psycopg  # as above

    with psycopg.connect(layout.database_url) as connection:
        return connection.execute("SELECT NOT EXISTS (SELECT 1 FROM people_user)").fetchone()[0]


def _redis_ready(layout: Layout) -> None:
    """Redis answering on 6379: one already running, else one of ours (stopped with the rest)."""
    import redis  # as above

    client = redis.Redis(host=HOST, port=REDIS_PORT, socket_connect_timeout=2)
    try:
        client.ping()
        return
    except redis.ConnectionError:
        pass
    server = shutil.which("redis-server")
    if server is None:
        raise Problem(f"no Redis answers on {HOST}:{REDIS_PORT} and redis-server is missing")
    folder = layout.data_dir / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    command = [server, "--bind", HOST, "--port", str(REDIS_PORT), "--dir", str(folder)]
    # The task queue must not lose or evict what it holds (docs/architecture.md, RQ).
    command += ["--appendonly", "yes", "--maxmemory-policy", "noeviction"]
    _launch(layout, "redis", command, os.environ.copy())
    _wait(layout, lambda: _pings(client), what="Redis", seconds=10)
    _say(f"started Redis on {HOST}:{REDIS_PORT}")


def _pings(client) -> bool:
    import redis  # as above

    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


def _wait(layout: Layout, predicate, *, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise Problem(f"{what}: not ready within {seconds:.0f} s (logs in {layout.log_dir})")
        time.sleep(0.5)


def _citypeers(layout: Layout, env: dict[str, str], *args: str) -> None:
    """A one-off `citypeers` command (migrate, collectstatic, demo), its output in a log."""
    name = args[0]
    with (layout.log_dir / f"{name}.log").open("a") as log:
        done = subprocess.run(  # noqa: S603
            [PYTHON, "-m", "citypeers", *args],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if done.returncode != 0:
        raise Problem(f"citypeers {' '.join(args)} failed (see {layout.log_dir / name}.log)")


def gunicorn_command(port: int) -> list[str]:
    """`citypeers serve`'s gunicorn, without its check and collectstatic (done once, before)."""
    sys.path.insert(0, str(SRC_DIR))
    from citypeers.__main__ import WEB_THREADS, gunicorn_options  # no Django in that module

    workers = int(os.environ.get("CLUSTER_WEB_WORKERS", "2"))  # per app server; 2 cores here
    return [
        PYTHON,
        "-m",
        "gunicorn",
        "citypeers.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        *gunicorn_options(workers=workers, threads=WEB_THREADS),
        "--access-logfile",
        "-",
        # The client as HAProxy saw it, and the time taken in milliseconds.
        "--access-logformat",
        '%({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms',
        "--forwarded-allow-ips",
        HOST,
        "--no-control-socket",
    ]


def _haproxy_cfg(layout: Layout) -> Path:
    servers = "\n".join(
        f"    server app{number} {HOST}:{app_port} check"
        for number, app_port in enumerate(layout.app_ports, start=1)
    )
    path = layout.data_dir / "haproxy.cfg"
    path.write_text(
        HAPROXY_CFG.format(
            host=HOST,
            port=layout.port,
            stats_port=layout.stats_port,
            servers=servers,
            run_dir=layout.run_dir,
        )
    )
    checked = subprocess.run(  # noqa: S603
        ["haproxy", "-c", "-q", "-f", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    if checked.returncode != 0:
        raise Problem(f"haproxy refuses {path}: {checked.stderr.strip() or checked.stdout}")
    return path


def _answers(port: int) -> bool:
    """The app server at `port` says its /healthz is 200 (it runs and reaches the database)."""
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def servers_seen(layout: Layout) -> dict[str, str]:
    """Each app server's state as HAProxy's statistics show it: "UP" once a health check
    passed ("L7OK"), else its state and the last check's outcome ("DOWN L4CON", …)."""
    url = f"http://{HOST}:{layout.stats_port}/;csv"
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            rows = answer.read().decode().splitlines()
    except (urllib.error.URLError, OSError):
        return {}
    header = rows[0].lstrip("# ").split(",")
    seen = {}
    for row in rows[1:]:
        fields = dict(zip(header, row.split(","), strict=False))
        if fields.get("pxname") == "app" and fields.get("svname", "").startswith("app"):
            state, check = fields.get("status", ""), fields.get("check_status", "")
            seen[fields["svname"]] = (
                "UP" if (state, check) == ("UP", "L7OK") else f"{state} {check}"
            )
    return seen


def start(layout: Layout) -> int:
    _check_tools(layout)
    _check_ports(layout)
    data_dir = layout.data_dir
    for folder in (data_dir / "media", data_dir / "private", layout.run_dir, layout.log_dir):
        folder.mkdir(parents=True, exist_ok=True)
    (data_dir / "private").chmod(0o700)
    _postgres_ready(layout)
    layout.save()
    try:
        _redis_ready(layout)
        env = environment(layout)
        logs = layout.log_dir.relative_to(PROJECT_DIR)
        _say(f"migrating and collecting static files (logs in {logs}/)")
        _citypeers(layout, env, "migrate")
        _citypeers(layout, env, "collectstatic", "--no-input", "--verbosity", "0")
        if layout.demo and _database_is_empty(layout):
            _say("loading the demo data into the empty database (a few minutes, once)")
            _citypeers(layout, env, "demo")
        cfg = _haproxy_cfg(layout)
        for number, app_port in enumerate(layout.app_ports, start=1):
            _launch(layout, f"app{number}", gunicorn_command(app_port), env)
        for number in range(1, layout.workers + 1):
            _launch(layout, f"worker{number}", [PYTHON, "-m", "citypeers", "worker"], env)
        _wait(
            layout,
            lambda: all(_answers(app_port) for app_port in layout.app_ports),
            what="every app server answering /healthz",
            seconds=UP_SECONDS,
        )
        # -db: in the foreground; none of the app's secrets, which HAProxy does not need.
        balancer_env = {
            name: value
            for name, value in env.items()
            if name not in {"SECRET_KEY", "HEALTHZ_TOKEN"}
        }
        _launch(layout, "haproxy", ["haproxy", "-db", "-f", str(cfg)], balancer_env)
        names = {f"app{number}" for number in range(1, layout.app_servers + 1)}
        _wait(
            layout,
            lambda: (
                {name for name, state in servers_seen(layout).items() if state == "UP"} == names
            ),
            what="every app server up in HAProxy",
            seconds=UP_SECONDS,
        )
    except BaseException:
        _say("not started: stopping what was")
        stop(layout)
        raise
    token = data_dir.relative_to(PROJECT_DIR) / "healthz_token"
    url = f"http://{HOST}:{layout.port}"
    _say(f"citypeers runs at {url}/ ({layout.app_servers} app servers, {layout.workers} workers)")
    _say(f"HAProxy's statistics: http://{HOST}:{layout.stats_port}/")
    _say(f'health details: curl -H "Authorization: Bearer $(cat {token})" {url}/healthz')
    kept = data_dir.relative_to(PROJECT_DIR)
    _say(f"stop it with `{layout.stop_command}` (the data stays in {kept}/)")
    return 0


def status(layout: Layout) -> int:
    report = {
        "processes": {
            name: {"pid": run["pid"], "running": _alive(run)}
            for name, run in _started(layout).items()
        },
        "haproxy_sees": servers_seen(layout),
    }
    print(json.dumps(report, indent=2))
    return 0


def _bounded(low: int, high: int):
    """An argparse type: an integer from low to high."""

    def parse(text: str) -> int:
        number = int(text)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is not within {low}..{high}")
        return number

    parse.__name__ = f"integer {low}..{high}"  # what argparse names in its error
    return parse


def _cluster_name(text: str) -> str:
    if not NAME_PATTERN.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: up to 30 lower-case letters, digits and _, not starting with _"
        )
    return text


def parse(argv: list[str] | None = None) -> tuple[str, Layout]:
    """The action asked for and the layout it acts on (as given: see `Layout.as_started`)."""
    parser = argparse.ArgumentParser(
        prog="cluster.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument(
        "--name",
        type=_cluster_name,
        default=None,
        help="data in var/cluster-NAME/, database citypeers_cluster_NAME (default: var/cluster/)",
    )
    parser.add_argument(
        "--port",
        metavar="P",
        type=_bounded(1024, 65535 - 404),
        default=int(os.environ.get("CLUSTER_PORT", "8000")),
        help="HAProxy's port; app servers on P+101.., statistics on P+404 "
        "(default: CLUSTER_PORT, else 8000)",
    )
    parser.add_argument(
        "--app-servers", metavar="N", type=_bounded(1, 9), default=3, help="1..9 (default 3)"
    )
    parser.add_argument(
        "--workers", metavar="N", type=_bounded(0, 9), default=2, help="0..9 (default 2)"
    )
    parser.add_argument(
        "--redis-db",
        metavar="D",
        type=_bounded(0, 13),
        default=1,
        help="the cache on Redis db D, the public pages' copies on D+1, the tasks on D+2 (1)",
    )
    parser.add_argument(
        "--no-demo", action="store_true", help="no demo data: an empty, migrated database"
    )
    options = parser.parse_args(argv)
    layout = Layout(
        name=options.name or "",
        port=options.port,
        app_servers=options.app_servers,
        workers=options.workers,
        redis_db=options.redis_db,
        demo=not options.no_demo,
    )
    return options.action, layout


def main(argv: list[str] | None = None) -> int:
    action, layout = parse(argv)
    try:
        if action == "start":
            return start(layout)
        if action == "stop":
            return stop(layout.as_started())
        return status(layout.as_started())
    except Problem as problem:
        print(f"cluster: {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
