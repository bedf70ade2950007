"""Links and names in mails: where the demo runs, and the platform's name."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

import citypeers
from citypeers.__main__ import serve_at
from citypeers.config import site_url_for
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", 8100, "http://127.0.0.1:8100"),
        ("0.0.0.0", 8100, "http://127.0.0.1:8100"),  # noqa: S104 (a bind address as data)
        ("localhost", 8000, "http://localhost:8000"),
        ("::", 8100, "http://[::1]:8100"),
    ],
)
def test_the_site_url_is_where_the_server_listens(host, port, url):
    assert site_url_for(host, port) == url


def _site_url_in_a_new_process(**environ) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "HOST", "PORT")}
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **env,
            # this checkout's package, whichever one the virtualenv installed
            "PYTHONPATH": str(Path(citypeers.__file__).resolve().parents[1]),
            "DJANGO_SETTINGS_MODULE": "citypeers.settings",
            **environ,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_serving_on_a_port_makes_mail_links_point_to_it(monkeypatch):
    """`make demo PORT=8100`: serve passes host and port to the web and worker processes."""
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", "8000")
    serve_at("127.0.0.1", 8100)
    assert _site_url_in_a_new_process(HOST=os.environ["HOST"], PORT=os.environ["PORT"]) == (
        "http://127.0.0.1:8100"
    )


def test_an_explicit_site_url_wins_over_the_port():
    assert (
        _site_url_in_a_new_process(SITE_URL="https://peers.example.org/", PORT="8100")
        == "https://peers.example.org"
    )


@pytest.mark.django_db
def test_account_mails_name_the_platform_not_the_host(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8100"
    user = UserFactory(email="ana@example.org")
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert "Hello from citypeers!" in message.body
    assert "testserver" not in message.body.split("\n", 1)[0]
    assert message.subject.startswith("[citypeers] ")


@pytest.mark.django_db
def test_an_account_mail_is_in_the_persons_chosen_language_links_and_all(client):
    person = UserFactory(language="fr")
    client.post(reverse("account_reset_password"), {"email": person.email})  # an English page
    [message] = mail.outbox
    assert "mot de passe" in message.subject
    assert re.search(r"https?://[^/]+/fr/accounts/password/reset/key/\S+", message.body)


@pytest.mark.django_db
def test_without_a_chosen_language_an_account_mail_speaks_the_pages(client):
    person = UserFactory(languages=["fr"])
    client.post(reverse("account_reset_password"), {"email": person.email})
    [message] = mail.outbox
    assert "Password Reset" in message.subject
    assert "/en/accounts/password/reset/key/" in message.body
