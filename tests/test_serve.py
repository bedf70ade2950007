"""`citypeers serve`: how gunicorn is run in production (docs/performance.md, deadline day)."""

import signal
import subprocess

import pytest

from citypeers import __main__ as command


@pytest.fixture
def started(monkeypatch):
    """The commands serve starts, instead of starting them."""
    commands = []

    class Started:
        def __init__(self, args, *_, **__):
            commands.append(args)

        def wait(self, *_, **__):
            return 0

    monkeypatch.setattr(subprocess, "Popen", Started)
    monkeypatch.setattr(command, "_manage", lambda *args: None)
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # pytest keeps its Ctrl+C
    return commands


def option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def test_each_server_process_answers_several_requests_at_once(started, monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr(command.os, "sched_getaffinity", lambda _pid: {0, 1})
    assert command.serve([]) == 0
    [gunicorn] = started
    assert option(gunicorn, "--worker-class") == "gthread"
    assert option(gunicorn, "--workers") == "3"  # two cores, one more
    assert option(gunicorn, "--threads") == str(command.WEB_THREADS)


def test_the_worker_and_thread_counts_can_be_set(started, monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "6")
    command.serve(["--threads", "8"])
    [gunicorn] = started
    assert option(gunicorn, "--workers") == "6" and option(gunicorn, "--threads") == "8"
