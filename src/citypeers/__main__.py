"""The `citypeers` console command: serve, worker, demo and Django's management commands.

citypeers serve [--host H] [--port P] [--workers N] [--threads N] [--with-worker]
citypeers worker            run background tasks (django-tasks database backend)
citypeers demo              migrate, load places and demo data (idempotent)
citypeers migrate           migrate and create the cache table
citypeers optimise select|groups|slots FILE   JSON in, JSON out (no database needed)
citypeers backup [--output DIR] [--keep N]    the database and uploaded files in one archive
citypeers restore ARCHIVE [--yes]             replace them with an archive's, after checks
citypeers check [--deploy], citypeers createsuperuser, and any other management command
"""

import argparse
import os
import signal
import subprocess
import sys


def _setup_django() -> None:
    """Load settings; a configuration problem ends here with one line naming it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        print(f"citypeers: configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def _manage(*args: str) -> None:
    from django.core.management import call_command

    call_command(*args)


def migrate() -> None:
    _manage("migrate", "--no-input", "--verbosity", "1")
    _manage("createcachetable")


def serve_at(host: str, port: int) -> None:
    """Tell the web and worker processes started next where they are served.

    Their settings derive SITE_URL, the address in e-mail links, from HOST and PORT unless
    SITE_URL is set (environment or .env): `make demo PORT=8100` mails links to port 8100.
    """
    os.environ["HOST"], os.environ["PORT"] = host, str(port)


# gthread: each worker process answers WEB_THREADS requests at once, so a request waiting on
# the database (SQLite's write lock, a PostgreSQL round trip) does not hold a whole process;
# processes beyond the cores only add memory and contention (docs/performance.md, deadline day).
WEB_THREADS = int(os.environ.get("WEB_THREADS", "4"))


def web_workers() -> int:
    """Worker processes: WEB_CONCURRENCY, else one per core and one more."""
    return int(os.environ.get("WEB_CONCURRENCY", len(os.sched_getaffinity(0)) + 1))


def gunicorn_options(*, workers: int, threads: int) -> list[str]:
    """How `citypeers serve` runs gunicorn's workers (the deadline-day benchmark runs them so)."""
    return [
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        # A request the database keeps waiting (SQLite's busy timeout is 20 s) is answered,
        # not cut off: the worker is restarted only when it hangs for longer.
        "--timeout",
        "60",
    ]


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="citypeers serve", description="Serve with gunicorn.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, default=web_workers())
    parser.add_argument("--threads", type=int, default=WEB_THREADS)
    parser.add_argument(
        "--with-worker", action="store_true", help="also run one background-task worker"
    )
    options = parser.parse_args(argv)
    serve_at(options.host, options.port)
    _manage("check")
    _manage("collectstatic", "--no-input", "--verbosity", "0")
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "citypeers.wsgi:application",
        "--bind",
        f"{options.host}:{options.port}",
        *gunicorn_options(workers=options.workers, threads=options.threads),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        # gunicorn's control socket has one default path per user: two servers would clash.
        "--no-control-socket",
    ]
    worker = None
    if options.with_worker:
        worker = subprocess.Popen([sys.executable, "-m", "citypeers", "worker"])
    server = subprocess.Popen(gunicorn)  # noqa: S603

    def stop(signum, _frame):
        server.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        return server.wait()
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "optimise":  # plain Python: no settings, no database
        from citypeers.optim.cli import main as optimise  # no Django needed: load only this

        return optimise(rest)
    _setup_django()
    if command == "serve":
        return serve(rest)
    if command == "migrate" and not rest:
        migrate()
    elif command == "worker":
        _manage("worker", *rest)
    elif command == "demo":
        migrate()
        _manage("demo", *rest)
    else:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["citypeers", command, *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
