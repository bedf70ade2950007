"""The production layout on one machine: `make cluster` starts it, `make cluster-stop` stops it.

    python scripts/cluster.py start    HAProxy, three app servers, two task workers; returns
                                       once HAProxy sees every app server up
    python scripts/cluster.py stop     stops what `start` started (by its pid files); data stays
    python scripts/cluster.py status   JSON: each process, and each app server as HAProxy sees it

What runs where (docs/deployment.md describes the same layout on real hosts):

    127.0.0.1:8000 (CLUSTER_PORT)  HAProxy: round robin, health checks on /healthz, retries
    127.0.0.1:8404                 HAProxy's statistics page (servers going down and up)
    127.0.0.1:8101..8103           three gunicorn app servers (`citypeers serve`'s options)
    two `citypeers worker`         background tasks, from the database queue
    127.0.0.1:5432                 PostgreSQL, database citypeers_cluster (CLUSTER_DATABASE_URL)
    127.0.0.1:6379                 Redis: db 1 the shared cache (rate limits, change marks,
                                   sessions as `cached_db`), db 2 the public pages' copies

Everything of its own is under var/cluster/ (git-ignored): the secret key and health token
(made once), the media and private folders every app server shares, haproxy.cfg, pid files
and logs. PostgreSQL must already run; Redis is started here only if none answers on 6379
(and stopped with the rest). The demo data is loaded once, into an empty database.

No Django at module level: this runs before anything is configured, in the venv's Python.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
SRC_DIR = PROJECT_DIR / "src"
DATA_DIR = PROJECT_DIR / "var" / "cluster"
RUN_DIR = DATA_DIR / "run"
LOG_DIR = DATA_DIR / "logs"
PYTHON = sys.executable
HOST = "127.0.0.1"
APP_PORTS = (8101, 8102, 8103)
STATS_PORT = 8404
WORKERS = 2
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE_NAME = "citypeers_cluster"
REDIS_PORT = 6379
STOP_SECONDS = 30
UP_SECONDS = 120

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


def environment(port: int) -> dict[str, str]:
    """What every app server and worker is given: one database, one cache, one key, one folder."""
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "citypeers.settings",
        # This checkout's code, whatever the venv was installed from.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC_DIR), os.environ.get("PYTHONPATH")])),
        "CITYPEERS_DATA_DIR": str(DATA_DIR),
        "DATABASE_URL": database_url(),
        "CACHE_URL": f"redis://{HOST}:{REDIS_PORT}/1",
        "PAGE_CACHE_URL": f"redis://{HOST}:{REDIS_PORT}/2",
        "SESSION_ENGINE": "cached_db",
        "SECRET_KEY": _kept_secret("secret_key"),
        "HEALTHZ_TOKEN": _kept_secret("healthz_token"),
        "MEDIA_ROOT": str(DATA_DIR / "media"),
        "PRIVATE_FILES_DIR": str(DATA_DIR / "private"),
        "SITE_URL": f"http://{HOST}:{port}",
        "TRUSTED_PROXY_COUNT": "1",
        "DEBUG": "false",
        "SECURE_HTTPS": "false",
        "MFA_REQUIRED_FOR_STAFF": "false",
        "OUTBOX_PRINT_SECRETS": "true",
        "TASK_BACKEND": "database",
        "EMAIL_URL": "outbox://",
    }


def database_url() -> str:
    return os.environ.get("CLUSTER_DATABASE_URL", f"{POSTGRES_SERVER}/{DATABASE_NAME}")


def _kept_secret(name: str) -> str:
    """Made once into the data dir (never the repository), the same for every process."""
    path = DATA_DIR / name
    if not path.is_file():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
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


def _pid_file(name: str) -> Path:
    return RUN_DIR / f"{name}.json"


def _launch(name: str, command: list[str], env: dict[str, str]) -> int:
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    with (LOG_DIR / f"{name}.log").open("a") as log:
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
    _pid_file(name).write_text(json.dumps(started))
    _pid_file(name).with_suffix(".pid").write_text(f"{process.pid}\n")  # for `kill $(cat …)`
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


def _started() -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text()) for path in sorted(RUN_DIR.glob("*.json"))}


def _stop_one(name: str, run: dict) -> bool:
    """Stops the process and its group; whether anything was still running."""
    if not _group_runs(run):
        _forget(name)
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
    _forget(name)
    return True


def _forget(name: str) -> None:
    _pid_file(name).unlink(missing_ok=True)
    _pid_file(name).with_suffix(".pid").unlink(missing_ok=True)


def stop() -> int:
    started = _started() if RUN_DIR.is_dir() else {}
    if not started:
        _say("nothing to stop")
        return 0
    # The balancer first (no new requests), then the app servers, the workers, Redis last.
    order = ["haproxy", *(f"app{i}" for i in range(1, 10)), *(f"worker{i}" for i in range(1, 10))]
    for name in sorted(started, key=lambda name: order.index(name) if name in order else 99):
        was_running = _stop_one(name, started[name])
        _say(f"{'stopped' if was_running else 'already gone:'} {name} (pid {started[name]['pid']})")
    _say(f"data kept in {DATA_DIR.relative_to(PROJECT_DIR)}/")
    return 0


# Starting.


def _check_tools() -> None:
    if shutil.which("haproxy") is None:
        raise Problem("haproxy is missing: `make cluster` installs it where apt-get works as root")
    started = _started() if RUN_DIR.is_dir() else {}
    running = [name for name, run in started.items() if _group_runs(run)]
    if running:
        raise Problem(f"already running ({', '.join(running)}): `make cluster-stop` first")
    for name in started:  # what a machine's restart or a kill left behind
        _forget(name)


def _check_ports(port: int) -> None:
    taken = []
    for wanted in (port, STATS_PORT, *APP_PORTS):
        with socket.socket() as probe:
            # Connections of a cluster just stopped (TIME_WAIT) do not count; a listener does.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, wanted))
            except OSError:
                taken.append(str(wanted))
    if taken:
        raise Problem(f"port(s) {', '.join(taken)} on {HOST} already in use")


def _postgres_ready() -> None:
    """The database, created if missing (the server itself must already run)."""
    import psycopg  # the venv's; imported here so `--help` needs nothing installed

    url = database_url()
    server, _slash, name = url.rpartition("/")
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


def _database_is_empty() -> bool:
    import psycopg  # as above

    with psycopg.connect(database_url()) as connection:
        return connection.execute("SELECT NOT EXISTS (SELECT 1 FROM people_user)").fetchone()[0]


def _redis_ready() -> None:
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
    (DATA_DIR / "redis").mkdir(parents=True, exist_ok=True)
    command = [server, "--bind", HOST, "--port", str(REDIS_PORT), "--dir", str(DATA_DIR / "redis")]
    _launch("redis", command, os.environ.copy())
    _wait(lambda: _pings(client), what="Redis", seconds=10)
    _say(f"started Redis on {HOST}:{REDIS_PORT}")


def _pings(client) -> bool:
    import redis  # as above

    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


def _wait(predicate, *, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise Problem(f"{what}: not ready within {seconds:.0f} s (logs in {LOG_DIR})")
        time.sleep(0.5)


def _citypeers(env: dict[str, str], *args: str) -> None:
    """A one-off `citypeers` command (migrate, collectstatic, demo), its output in a log."""
    name = args[0]
    with (LOG_DIR / f"{name}.log").open("a") as log:
        done = subprocess.run(  # noqa: S603
            [PYTHON, "-m", "citypeers", *args],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if done.returncode != 0:
        raise Problem(f"citypeers {' '.join(args)} failed (see {LOG_DIR / name}.log)")


def gunicorn_command(port: int) -> list[str]:
    """`citypeers serve`'s gunicorn, without its check and collectstatic (done once, before)."""
    sys.path.insert(0, str(SRC_DIR))
    from citypeers.__main__ import WEB_THREADS, gunicorn_options  # no Django in that module

    workers = os.environ.get("CLUSTER_WEB_WORKERS", "2")  # per app server; 2 cores here
    return [
        PYTHON,
        "-m",
        "gunicorn",
        "citypeers.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        *gunicorn_options(workers=int(workers), threads=WEB_THREADS),
        "--access-logfile",
        "-",
        # The client as HAProxy saw it, and the time taken in milliseconds.
        "--access-logformat",
        '%({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms',
        "--forwarded-allow-ips",
        HOST,
        "--no-control-socket",
    ]


def _haproxy_cfg(port: int) -> Path:
    servers = "\n".join(
        f"    server app{number} {HOST}:{app_port} check"
        for number, app_port in enumerate(APP_PORTS, start=1)
    )
    path = DATA_DIR / "haproxy.cfg"
    path.write_text(
        HAPROXY_CFG.format(
            host=HOST, port=port, stats_port=STATS_PORT, servers=servers, run_dir=RUN_DIR
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


def servers_seen() -> dict[str, str]:
    """Each app server's state as HAProxy's statistics show it: "UP" once a health check
    passed ("L7OK"), else its state and the last check's outcome ("DOWN L4CON", …)."""
    try:
        with urllib.request.urlopen(f"http://{HOST}:{STATS_PORT}/;csv", timeout=2) as answer:
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


def start(port: int) -> int:
    _check_tools()
    _check_ports(port)
    for folder in (DATA_DIR / "media", DATA_DIR / "private", RUN_DIR, LOG_DIR):
        folder.mkdir(parents=True, exist_ok=True)
    (DATA_DIR / "private").chmod(0o700)
    _postgres_ready()
    try:
        _redis_ready()
        env = environment(port)
        _say("migrating and collecting static files (logs in var/cluster/logs/)")
        _citypeers(env, "migrate")
        _citypeers(env, "collectstatic", "--no-input", "--verbosity", "0")
        if _database_is_empty():
            _say("loading the demo data into the empty database (a few minutes, once)")
            _citypeers(env, "demo")
        cfg = _haproxy_cfg(port)
        for number, app_port in enumerate(APP_PORTS, start=1):
            _launch(f"app{number}", gunicorn_command(app_port), env)
        for number in range(1, WORKERS + 1):
            _launch(f"worker{number}", [PYTHON, "-m", "citypeers", "worker"], env)
        _wait(
            lambda: all(_answers(app_port) for app_port in APP_PORTS),
            what="every app server answering /healthz",
            seconds=UP_SECONDS,
        )
        # -db: in the foreground; none of the app's secrets, which HAProxy does not need.
        balancer_env = {
            name: value
            for name, value in env.items()
            if name not in {"SECRET_KEY", "HEALTHZ_TOKEN"}
        }
        _launch("haproxy", ["haproxy", "-db", "-f", str(cfg)], balancer_env)
        names = {f"app{number}" for number in range(1, len(APP_PORTS) + 1)}
        _wait(
            lambda: {name for name, state in servers_seen().items() if state == "UP"} == names,
            what="every app server up in HAProxy",
            seconds=UP_SECONDS,
        )
    except BaseException:
        _say("not started: stopping what was")
        stop()
        raise
    token = DATA_DIR.relative_to(PROJECT_DIR) / "healthz_token"
    _say(
        f"citypeers runs at http://{HOST}:{port}/ ({len(APP_PORTS)} app servers, {WORKERS} workers)"
    )
    _say(f"HAProxy's statistics: http://{HOST}:{STATS_PORT}/")
    _say(
        f'health details: curl -H "Authorization: Bearer $(cat {token})" http://{HOST}:{port}/healthz'
    )
    _say("stop it with `make cluster-stop` (the data stays in var/cluster/)")
    return 0


def status() -> int:
    started = _started() if RUN_DIR.is_dir() else {}
    report = {
        "processes": {
            name: {"pid": run["pid"], "running": _alive(run)} for name, run in started.items()
        },
        "haproxy_sees": servers_seen(),
    }
    print(json.dumps(report, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cluster.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("CLUSTER_PORT", "8000")),
        help="HAProxy's port (default: CLUSTER_PORT, else 8000)",
    )
    options = parser.parse_args(argv)
    try:
        if options.action == "start":
            return start(options.port)
        if options.action == "stop":
            return stop()
        return status()
    except Problem as problem:
        print(f"cluster: {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
