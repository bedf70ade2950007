"""`make demo PORT=8100`: every mail of that demo links to port 8100 and names citypeers.

The demo and its server run as the Makefile runs them, in processes of their own with their own
data folder; the mails are read from that demo's outbox.
"""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import citypeers

LINK = re.compile(r"https?://[^\s<>\"')]+")
# What the test run sets for itself (tests/conftest.py, pyproject's env): not the demo's.
NOT_THE_DEMOS = ("DJANGO", "DATABASE_URL", "SECRET_KEY", "DEBUG", "SECURE_", "TASK_", "CACHE_URL")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*args: str, env: dict, cwd, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "citypeers", *args], env=env, cwd=cwd, **popen)


class Browser:
    """A person's HTTP client: keeps cookies and sends the form's CSRF token back."""

    def __init__(self, site: str):
        self.site = site
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.site + path, timeout=30) as response:
            return response.read().decode()

    def submit(self, path: str, fields: dict) -> int:
        """Opens the form at `path` and posts `fields` to it, as the page's form would."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path))[1]
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        with self.opener.open(self.site + path, data=data, timeout=30) as response:
            return response.status


def wait_until_served(site: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "citypeers serve stopped"
        try:
            with urllib.request.urlopen(site + "/healthz", timeout=2):  # noqa: S310 (our server)
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"nothing answered at {site} within a minute")


def outbox(database) -> list[tuple[str, str, str]]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT subject, body, html_body FROM core_outboxmessage").fetchall()


def test_every_mail_of_a_demo_on_another_port_links_to_that_port_and_names_citypeers(tmp_path):
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(NOT_THE_DEMOS)}
    env |= {
        "CITYPEERS_DATA_DIR": str(tmp_path / "data"),
        "SECURE_HTTPS": "false",
        # this checkout's package, whichever one the virtualenv installed
        "PYTHONPATH": str(Path(citypeers.__file__).resolve().parents[1]),
    }
    env.pop("SITE_URL", None)

    # The Makefile: `HOST=… PORT=… citypeers demo`, then `citypeers serve --host … --port …`.
    demo = start(
        "demo",
        env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output, _ = demo.communicate(timeout=180)
    assert demo.returncode == 0, output
    server = start(
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_served(site, server)
        # Mails allauth sends from the web process: a password reset and a sign-up's confirmation.
        person = Browser(site)
        reset = {"email": "participant@example.org"}
        assert person.submit("/en/accounts/password/reset/", reset) == 200
        signup = {
            "display_name": "Ana Newcomer",
            "email": "ana.newcomer@example.org",
            "password1": "a long and unusual passphrase",
            "password2": "a long and unusual passphrase",
        }
        assert person.submit("/fr/accounts/signup/", signup) == 200
    finally:
        server.terminate()
        server.wait(timeout=30)

    mails = outbox(tmp_path / "data" / "db.sqlite3")
    subjects = [subject for subject, _body, _html in mails]
    assert any("password" in subject.lower() for subject in subjects), subjects
    assert any("adresse" in subject.lower() for subject in subjects), subjects
    for subject, body, html in mails:
        text = f"{subject}\n{body}\n{html}"
        links = LINK.findall(text)
        assert [link for link in links if not link.startswith(f"{site}/")] == [], text
        # The platform is called by its name; the address shows only in links and on the
        # signature's own address line, never as the name ("Hello from 127.0.0.1:8100!").
        named = [line.strip() for line in LINK.sub("", text).splitlines() if "127.0.0.1" in line]
        assert set(named) <= {f"127.0.0.1:{port}"}, text
        assert "citypeers" in LINK.sub("", text), text
