"""Reads settings from the environment with django-environ, failing with one clear line.

Every reader raises `ImproperlyConfigured("NAME: what is wrong")` on a malformed value, so the
`citypeers` command can print exactly which variable to fix.
"""

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

# Our own e-mail backend: messages are kept in the database and shown at /<lang>/staff/outbox/.
environ.Env.EMAIL_SCHEMES["outbox"] = "citypeers.core.mail.OutboxBackend"

TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    # The database rows as an outbox, run by RQ workers: several hosts (core/background_rq.py).
    "rq": "citypeers.core.background_rq.RQOutboxBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
# Where uploaded files live (MEDIA_STORAGE, PRIVATE_FILES_STORAGE): a folder, or a bucket of an
# S3-compatible service. Before these words, PRIVATE_FILES_STORAGE named a storage class: such
# a dotted path still works (FileSystemStorage's is "filesystem").
STORAGE_KINDS = ("filesystem", "s3")
FILESYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
S3_STORAGE = "storages.backends.s3.S3Storage"
S3_MEDIA_STORAGE = "citypeers.core.storage_s3.PublicS3Storage"
# Private files are streamed through the views that check who asks (calls/views/files.py), so
# their signed addresses are never handed out; should one ever be, it lasts a minute.
S3_PRIVATE_URL_SECONDS = 60
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class FileStorages:
    """The two storages of uploaded files, as settings want them."""

    media_root: Path  # the public media's folder ("filesystem" only)
    media_url: str  # where the public media are found, ending in "/"
    private_dir: Path  # the private files' folder ("filesystem" only)
    default: dict  # STORAGES["default"]: practice and news images, public
    private: dict  # STORAGES["private"]: application files, served only by checking views

    @property
    def media_origin(self) -> str | None:
        """The scheme and host of an absolute MEDIA_URL (for the CSP's img-src); else None."""
        parts = urlsplit(self.media_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


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

    def storage_kind(self, name: str, *, default: str = "filesystem") -> str:
        """ "filesystem", "s3", or (as before those words) a storage class's dotted path."""
        value = self.str(name, default=default).strip()
        if value == FILESYSTEM_STORAGE:
            return "filesystem"
        if value in STORAGE_KINDS or re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+", value):
            return value
        raise ImproperlyConfigured(f"{name}: expected filesystem or s3, got {value!r}")

    def file_storages(self, *, data_dir: Path, memory_size: int) -> FileStorages:
        """The `default` (public media) and `private` (application files) storages.

        "filesystem" is a folder: MEDIA_ROOT, PRIVATE_FILES_DIR; several app servers mount one
        shared folder there. "s3" is one bucket (S3_BUCKET_NAME) holding the media under
        `media/` and the private files under `private/`; S3_PRIVATE_BUCKET_NAME, if set, puts
        the private files in a bucket of their own. `memory_size`: the most of a file read from
        a bucket that is kept in memory (the rest goes to a temporary file).
        """
        media_kind = self.storage_kind("MEDIA_STORAGE")
        private_kind = self.storage_kind("PRIVATE_FILES_STORAGE")
        media_root = self.path("MEDIA_ROOT", default=data_dir / "media")
        private_dir = self.path("PRIVATE_FILES_DIR", default=data_dir / "private")
        s3 = self._s3() if "s3" in (media_kind, private_kind) else {}
        media_url = self.str("MEDIA_URL", default="")
        if not media_url:
            media_url = _bucket_url(s3) + "media/" if media_kind == "s3" else "/media/"
        if not media_url.endswith("/"):
            raise ImproperlyConfigured(f"MEDIA_URL: must end with a slash, got {media_url!r}")
        if media_kind == "filesystem":
            default = {"BACKEND": FILESYSTEM_STORAGE}  # MEDIA_ROOT and MEDIA_URL, read when used
        elif media_kind == "s3":
            options = {**s3["options"], "location": "media", "base_url": media_url}
            options |= {"querystring_auth": False, "max_memory_size": memory_size}
            # No ACL unless asked: a bucket policy makes `media/` readable (the only way on AWS
            # buckets made since 2023, which refuse ACLs); "public-read" for services without.
            options["default_acl"] = self.str("S3_MEDIA_ACL", default="") or None
            default = {"BACKEND": S3_MEDIA_STORAGE, "OPTIONS": options}
        else:
            default = {"BACKEND": media_kind}
        if private_kind == "filesystem":
            private = {
                "BACKEND": FILESYSTEM_STORAGE,
                "OPTIONS": {
                    "location": private_dir,
                    "file_permissions_mode": 0o600,
                    "directory_permissions_mode": 0o700,
                },
            }
        elif private_kind == "s3":
            options = {**s3["options"], "location": "private", "max_memory_size": memory_size}
            options["bucket_name"] = s3["private_bucket"]
            options |= {"querystring_auth": True, "querystring_expire": S3_PRIVATE_URL_SECONDS}
            # "private" as asked of object stores that keep ACLs; empty on a bucket that
            # refuses ACLs (AWS's default since 2023), whose objects are private anyway.
            options["default_acl"] = self.str("S3_PRIVATE_ACL", default="private") or None
            private = {"BACKEND": S3_STORAGE, "OPTIONS": options}
        else:
            private = {"BACKEND": private_kind}  # configured by its own settings, as before
        return FileStorages(media_root, media_url, private_dir, default, private)

    def _s3(self) -> dict:
        bucket = self.str("S3_BUCKET_NAME", default="").strip()
        if not bucket:
            raise ImproperlyConfigured(
                "S3_BUCKET_NAME: needed when MEDIA_STORAGE or PRIVATE_FILES_STORAGE is s3"
            )
        endpoint = self.str("S3_ENDPOINT_URL", default="").strip().rstrip("/")
        if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                f"S3_ENDPOINT_URL: expected an address such as https://s3.fr-par.scw.cloud, "
                f"got {endpoint!r}"
            )
        key, secret = (
            self.str("S3_ACCESS_KEY_ID", default=""),
            self.str("S3_SECRET_ACCESS_KEY", default=""),
        )
        if bool(key) != bool(secret):
            missing = "S3_SECRET_ACCESS_KEY" if key else "S3_ACCESS_KEY_ID"
            raise ImproperlyConfigured(f"{missing}: set it with its pair, or neither")
        options = {
            "bucket_name": bucket,
            "endpoint_url": endpoint or None,
            "region_name": self.str("S3_REGION_NAME", default="").strip() or None,
            # Never overwrite: a second "photo.jpg" gets a name of its own, as in a folder.
            "file_overwrite": False,
        }
        if key:  # else boto3's own chain: AWS_* variables, the machine's role
            options |= {"access_key": key, "secret_key": secret}
        private_bucket = self.str("S3_PRIVATE_BUCKET_NAME", default="").strip() or bucket
        return {"options": options, "private_bucket": private_bucket}

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

    def shared_cache(self, name: str, *, default: str) -> dict:
        """The cache every app server shares: rate-limit counters, change marks, sessions.

        Django's database and memory caches keep 300 entries and then drop a third of them,
        so a flood of new keys (one per address an attacker uses) would drop the log-in
        counters too. These keep SHARED_CACHE_MAX_ENTRIES (100,000: a few MB) first.
        """
        parsed = self.cache(name, default=default)
        if parsed["BACKEND"].endswith(("DatabaseCache", "LocMemCache")):
            options = parsed.setdefault("OPTIONS", {})
            options.setdefault("MAX_ENTRIES", self.int("SHARED_CACHE_MAX_ENTRIES", default=100_000))
        return parsed

    def email(self, name: str, *, default: str) -> dict:
        return self._parse(
            name,
            default,
            environ.Env.email_url_config,
            "an e-mail URL such as smtp+tls://user:password@host:587 or outbox://",
        )

    def redis_url(self, name: str, *, default: str) -> str:
        value = self.str(name, default=default)
        if urlsplit(value).scheme not in {"redis", "rediss", "unix"}:
            raise ImproperlyConfigured(
                f"{name}: expected a Redis URL such as redis://127.0.0.1:6379/3, got {value!r}"
            )
        return value

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


def _bucket_url(s3: dict) -> str:
    """The address of a bucket's root: the endpoint's, path-style, for an S3-compatible
    service; AWS's own virtual-hosted address without an endpoint."""
    options = s3["options"]
    bucket, endpoint, region = (
        options["bucket_name"],
        options["endpoint_url"],
        options["region_name"],
    )
    if endpoint:
        return f"{endpoint}/{bucket}/"
    return (
        f"https://{bucket}.s3.{region}.amazonaws.com/"
        if region
        else f"https://{bucket}.s3.amazonaws.com/"
    )


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
