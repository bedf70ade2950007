"""The database half of a backup (`core.backup`): a consistent copy with its row counts and
applied migrations, and putting such a copy back.

SQLite: the online backup API (`sqlite3.Connection.backup`), safe while the app runs, in both
directions; the counts are read from the copy. PostgreSQL: `pg_dump --format=custom` and
`pg_restore`, found on PATH, given the connection settings as PG* environment variables (a
password never appears on a command line, where `ps` shows it); the counts are read in the
very snapshot pg_dump dumps (`pg_export_snapshot`), so they match the dump even while people
keep writing.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _

from citypeers.core.errors import BackupError

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Django's connection settings -> libpq's environment variables.
_PG_SETTINGS = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
_PG_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


@dataclass(frozen=True)
class DatabaseDump:
    name: str  # the dump's file name, in the folder it was written to
    migrations: dict[str, list[str]]  # app label -> applied migrations, in the order applied
    rows: dict[str, int]  # table -> rows


def database_dump(*, folder: Path) -> DatabaseDump:
    """Write a consistent copy of the database into `folder`."""
    _refuse_inside_transaction()
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return _sqlite_dump(folder / DUMP_NAMES["sqlite"])
    if connection.vendor == "postgresql":
        return _postgres_dump(folder / DUMP_NAMES["postgresql"])
    raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % _vendor())


def database_restore(*, dump: Path, tables: list[str]) -> None:
    """Replace the whole content of the database with `dump` (of the same vendor); `tables`
    are those in the dump: any other table is dropped."""
    _refuse_inside_transaction()
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # Page by page into the live file, under its lock: every connection, of this process
        # or another, sees the restored database at its next read.
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    pg_restore = required_binary("pg_restore")
    with transaction.atomic(), connection.cursor() as cursor:
        # pg_restore --clean drops only what the dump holds; a table made by a later migration
        # would survive and stop `migrate` from making it again.
        extra = sorted(set(connection.introspection.table_names(cursor)) - set(tables))
        if extra:
            cursor.execute(f"DROP TABLE IF EXISTS {', '.join(map(_quoted, extra))} CASCADE")
    command = [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run([*command, f"--dbname={connection.settings_dict['NAME']}", str(dump)])


def database_row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return _counts(cursor, connection.introspection.table_names(cursor))


def required_binary(name: str) -> str:
    """The path of a PostgreSQL client program, or a message saying how to get it."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "%(program)s is not on PATH: install the PostgreSQL client programs "
                "(Debian: apt-get install postgresql-client) of the server's version or newer."
            )
            % {"program": name}
        )
    return found


def _sqlite_dump(target: Path) -> DatabaseDump:
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        # The live database is in WAL mode; the copy must be one self-contained file.
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = [name for (name,) in cursor.fetchall()]
        return DatabaseDump(target.name, _migrations(cursor), _counts(cursor, tables))
    finally:
        copy.close()


def _postgres_dump(target: Path) -> DatabaseDump:
    pg_dump = required_binary("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        migrations = _migrations(cursor)
        rows = _counts(cursor, connection.introspection.table_names(cursor))
        # pg_dump runs while this transaction stays open, in its snapshot.
        _run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
    return DatabaseDump(target.name, migrations, rows)


def _migrations(cursor) -> dict[str, list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def _counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quoted(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _run(command: list[str]) -> None:
    settings_dict = connection.settings_dict
    env = dict(os.environ)
    for key, variable in _PG_SETTINGS.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for key, variable in _PG_OPTIONS.items():
        if (settings_dict.get("OPTIONS") or {}).get(key):
            env[variable] = str(settings_dict["OPTIONS"][key])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": Path(command[0]).name, "error": done.stderr.strip()}
        )


def _refuse_inside_transaction() -> None:
    if connection.in_atomic_block:
        raise BackupError(_("A backup or a restore cannot run inside a database transaction."))


def _vendor() -> dict[str, str]:
    return {"vendor": connection.vendor}
