"""Reads settings from the environment with django-environ, failing with one clear line.

Every reader raises `ImproperlyConfigured("NAME: what is wrong")` on a malformed value, so the
`citypeers` command can print exactly which variable to fix.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

# Our own e-mail backend: messages are kept in the database and shown at /<lang>/staff/outbox/.
environ.Env.EMAIL_SCHEMES["outbox"] = "citypeers.core.mail.OutboxBackend"

TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class Config:
    """A thin, strict front to `environ.Env` that names the variable in every error."""

    def __init__(self, *, env_file: Path | None = None):
        self.env = environ.Env()
        if env_file and env_file.is_file():
            environ.Env.read_env(env_file, overwrite=False)

    def _raw(self, name: str) -> str | None:
        return self.env.str(name, default=None)

    def str(self, name: str, *, default: str) -> str:
        value = self._raw(name)
        return default if value is None else value

    def bool(self, name: str, *, default: bool) -> bool:
        value = self._raw(name)
        if value is None:
            return default
        if value.strip().lower() in TRUE_WORDS:
            return True
        if value.strip().lower() in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(f"{name}: expected true or false, got {value!r}")

    def int(self, name: str, *, default: int) -> int:
        value = self._raw(name)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: expected a whole number, got {value!r}") from None

    def choice(self, name: str, *, default: str, choices: "list[str]") -> str:
        value = self.str(name, default=default)
        if value not in choices:
            raise ImproperlyConfigured(
                f"{name}: expected one of {', '.join(choices)}, got {value!r}"
            )
        return value

    def rate(self, name: str, *, default: str) -> "tuple[int, int]":
        """A rate such as "120/minute": (hits, seconds)."""
        value = self.str(name, default=default)
        count, _slash, per = value.partition("/")
        seconds = {"second": 1, "minute": 60, "hour": 3600}.get(per.strip())
        if not count.strip().isdigit() or seconds is None or int(count) < 1:
            raise ImproperlyConfigured(
                f"{name}: expected a number of requests per second, minute or hour "
                f"(such as 120/minute), got {value!r}"
            )
        return int(count), seconds

    def list(self, name: str, *, default: list[str]) -> list[str]:
        value = self._raw(name)
        if value is None:
            return default
        return [item.strip() for item in value.split(",") if item.strip()]

    def path(self, name: str, *, default: Path) -> Path:
        value = self._raw(name)
        return Path(value).expanduser().resolve() if value else default

    def database(self, name: str, *, default: str) -> dict:
        scheme = (self._raw(name) or default).partition("://")[0]
        if scheme not in environ.Env.DB_SCHEMES:
            raise ImproperlyConfigured(
                f"{name}: unknown database scheme {scheme!r}; use postgres:// or sqlite://"
            )
        return self._parse(
            name,
            default,
            environ.Env.db_url_config,
            "a database URL such as postgres://user@host:5432/name or sqlite:////path/db.sqlite3",
        )

    def cache(self, name: str, *, default: str) -> dict:
        return self._parse(
            name,
            default,
            environ.Env.cache_url_config,
            "a cache URL such as redis://127.0.0.1:6379/0",
        )

    def email(self, name: str, *, default: str) -> dict:
        return self._parse(
            name,
            default,
            environ.Env.email_url_config,
            "an e-mail URL such as smtp+tls://user:password@host:587 or outbox://",
        )

    def task_backend(self, name: str, *, default: str) -> str:
        value = self.str(name, default=default)
        if value not in TASK_BACKENDS:
            choices = ", ".join(TASK_BACKENDS)
            raise ImproperlyConfigured(f"{name}: expected one of {choices}, got {value!r}")
        return TASK_BACKENDS[value]

    def secret_key(self, name: str, *, data_dir: Path) -> str:
        """The configured key, else one generated once and kept in the data directory.

        Several app servers must share one key: set SECRET_KEY for them (docs/architecture.md).
        """
        value = self._raw(name)
        if value is not None:
            if len(value) < 32:
                raise ImproperlyConfigured(f"{name}: must be at least 32 characters long")
            return value
        key_file = data_dir / "secret_key"
        if key_file.is_file():
            return key_file.read_text().strip()
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            key = secrets.token_urlsafe(50)
            key_file.write_text(key)
            key_file.chmod(0o600)
        except OSError as error:
            raise ImproperlyConfigured(
                f"{name}: not set, and no key could be kept in {key_file} ({error.strerror})"
            ) from None
        return key

    def _parse(self, name: str, default: str, parser, expected: str) -> dict:
        value = self._raw(name) or default
        try:
            parsed = parser(value)
        except Exception as error:  # environ raises several kinds on a bad URL
            raise ImproperlyConfigured(f"{name}: expected {expected} ({error})") from None
        if not parsed or (isinstance(parsed, dict) and not any(parsed.values())):
            raise ImproperlyConfigured(f"{name}: expected {expected}, got {value!r}")
        return parsed


def site_url_for(host: str, port: int) -> str:
    """The address of a server bound to host:port, as a browser on this machine reaches it.

    `citypeers serve` serves plain HTTP; a wildcard bind ("0.0.0.0", "::") is reached at the
    loopback address. Deployments behind a proxy set SITE_URL instead.
    """
    host = host.strip().strip("[]") or "127.0.0.1"
    host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)  # noqa: S104 (a bind, not ours)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"
