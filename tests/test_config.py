"""Start-up configuration: a bad setting stops the command with one line that names it."""

import os
import secrets
import subprocess
import sys

import pytest


def run_citypeers(tmp_path, *args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "DATABASE_URL", "SECRET_KEY", "DEBUG", "SECURE_"))
    }
    env.update(CITYPEERS_DATA_DIR=str(tmp_path / "data"), **env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "citypeers", *args],
        cwd=tmp_path,  # no .env file here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysteriousdb://somewhere/db"),
        ("DEBUG", "perhaps"),
        ("SECRET_KEY", "too-short"),
        ("EMAIL_URL", "pigeon://coop"),
        ("CACHE_URL", "memoryhole://"),
        ("TASK_BACKEND", "celery"),
        ("TASK_REDIS_URL", "127.0.0.1:6379"),
        ("CONN_MAX_AGE", "forever"),
        ("OPEN_DATA_LICENCE", "CC-BY-5.0"),
        ("API_RATE_LIMIT_ANONYMOUS", "lots"),
        ("API_RATE_LIMIT_TOKEN", "600/fortnight"),
        ("MEDIA_STORAGE", "cloud"),
        ("MEDIA_URL", "https://media.example.org/images"),
        ("SESSION_ENGINE", "cache"),
    ],
)
def test_a_malformed_setting_stops_with_one_line_naming_it(tmp_path, variable, value):
    result = run_citypeers(tmp_path, "check", **{variable: value})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"citypeers: configuration error: {variable}:")
    assert "Traceback" not in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_citypeers(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECURE_HTTPS="true",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="citypeers.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_secret_key_one_is_generated_once_and_kept(tmp_path):
    assert run_citypeers(tmp_path, "check").returncode == 0
    key_file = tmp_path / "data" / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50
    assert run_citypeers(tmp_path, "check").returncode == 0
    assert key_file.read_text() == first


def test_help_lists_the_commands(tmp_path):
    result = run_citypeers(tmp_path, "--help")
    assert result.returncode == 0
    for command in ["serve", "worker", "demo", "migrate", "check", "createsuperuser"]:
        assert command in result.stdout


def test_production_defaults_are_secure_when_nothing_is_set(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = run_citypeers(tmp_path, "shell", "--verbosity", "0", "-c", code)
    assert result.stdout.split() == ["False", "True", "True", "True"]
