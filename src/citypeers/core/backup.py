"""Backups (`citypeers backup`, `citypeers restore`): one `.tar.gz` holding the database
(`core.backup_database`), the files of the storages that are folders, and a manifest; and
putting such an archive back in place of the database and those files.

The manifest says what a restore must check before it touches anything: the format, the
database vendor, the migrations applied, the rows of each table and the sha256 of every other
member. The checksums catch a damaged or edited archive, not a forged one: anyone who can
write an archive can write its manifest, so keep backups where only operators can write.

Not a service of one object, so not in the audit log (`log_action` needs one): both are logged
on the `citypeers.backup` logger instead.
"""

import contextlib
import datetime
import hashlib
import io
import json
import logging
import os
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.backup_database import database_dump, database_restore, database_row_counts
from citypeers.core.errors import BackupError

logger = logging.getLogger("citypeers.backup")

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES = "files"  # files/<storage alias>/<path in the storage>
STORAGE_ALIASES = ("default", "private")  # MEDIA_ROOT and the application files
ARCHIVE_GLOB = "citypeers-backup-*.tar.gz"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: dict

    @property
    def storages_left_out(self) -> list[str]:
        return [alias for alias, kept in self.manifest["storages"].items() if not kept["included"]]


@dataclass(frozen=True)
class OpenedBackup:
    """An archive unpacked into a temporary folder and checked: safe to restore."""

    archive: Path
    folder: Path
    manifest: dict


@dataclass(frozen=True)
class RestoreReport:
    rows: dict[str, tuple[int | None, int | None]]  # table -> (in the archive, restored)
    storages_restored: list[str]
    storages_left_alone: list[str]
    migrations_pending: bool  # the code knows migrations the restored database lacks

    @property
    def mismatches(self) -> dict[str, tuple[int | None, int | None]]:
        return {table: counts for table, counts in self.rows.items() if counts[0] != counts[1]}


def backup_create(
    *, output_dir: Path | None = None, keep: int | None = None, now: datetime.datetime | None = None
) -> Backup:
    """Write `citypeers-backup-<UTC time>.tar.gz` (0600) into `output_dir` (BACKUP_DIR): it
    appears complete or not at all. With `keep`, only the newest `keep` archives stay."""
    folder = Path(output_dir or settings.BACKUP_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = now or timezone.now()
    with tempfile.TemporaryDirectory(dir=folder, prefix=".citypeers-backup-") as work:
        dump = database_dump(folder=Path(work))
        handle, partial = tempfile.mkstemp(dir=folder, prefix=".citypeers-backup-")  # 0600
        try:
            with os.fdopen(handle, "wb") as raw:
                with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                    checksums = {dump.name: _add_file(tar, Path(work) / dump.name, dump.name)}
                    kept = {
                        alias: _add_storage(tar, alias, checksums, skip=folder)
                        for alias in STORAGE_ALIASES
                    }
                    manifest = {
                        "format": FORMAT_VERSION,
                        "created_at": now.astimezone(datetime.UTC).isoformat(),
                        "vendor": connection.vendor,
                        "database": dump.name,
                        "migrations": dump.migrations,
                        "rows": dump.rows,
                        "storages": kept,
                        "checksums": checksums,
                    }
                    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                    tar.addfile(_member(MANIFEST, len(data), now), io.BytesIO(data))
                raw.flush()
                os.fsync(raw.fileno())
            path = _free_name(folder, now)
            os.replace(partial, path)
        finally:
            Path(partial).unlink(missing_ok=True)
    _sync_folder(folder)
    if keep:
        backups_rotate(folder=folder, keep=keep)
    logger.info("Backup written to %s", path)
    return Backup(path, manifest)


def backups_rotate(*, folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives in `folder`; returns those deleted."""
    archives = sorted(folder.glob(ARCHIVE_GLOB), key=lambda p: (p.stat().st_mtime_ns, p.name))
    old = archives[: max(len(archives) - keep, 0)]
    for path in old:
        path.unlink(missing_ok=True)
    return old


@contextlib.contextmanager
def backup_open(*, archive: Path) -> Iterator[OpenedBackup]:
    """Unpack `archive` into a temporary folder and check it can be restored here; refuses
    (BackupError) a damaged or edited archive, one of the other database vendor or one made
    by code with migrations this code does not have."""
    if not archive.is_file():
        raise BackupError(_("There is no backup archive at %(path)s.") % {"path": archive})
    with tempfile.TemporaryDirectory(prefix="citypeers-restore-") as work:
        folder = Path(work)
        _unpack(archive, folder)
        manifest = _read_manifest(folder)
        _check_checksums(folder, manifest)
        _check_compatible(manifest)
        yield OpenedBackup(archive, folder, manifest)


def backup_restore(*, opened: OpenedBackup) -> RestoreReport:
    """Replace the database and the files of folder storages with the archive's, then clear
    the shared cache, whose change marks (`core.changes`) and pages describe the old data."""
    manifest = opened.manifest
    database_restore(dump=opened.folder / manifest["database"], tables=list(manifest["rows"]))
    restored, left_alone = [], []
    for alias in STORAGE_ALIASES:
        target = _storage_folder(alias)
        if not manifest["storages"].get(alias, {}).get("included") or target is None:
            left_alone.append(alias)
            continue
        _replace_folder(target, opened.folder / FILES / alias)
        restored.append(alias)
    counts = database_row_counts()
    for alias in settings.CACHES:
        caches[alias].clear()
    ContentType.objects.clear_cache()  # its ids are the restored database's now
    executor = MigrationExecutor(connection)
    pending = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    logger.info("Backup %s restored", opened.archive)
    tables = sorted(set(manifest["rows"]) | set(counts))
    return RestoreReport(
        rows={table: (manifest["rows"].get(table), counts.get(table)) for table in tables},
        storages_restored=restored,
        storages_left_alone=left_alone,
        migrations_pending=pending,
    )


def _storage_folder(alias: str) -> Path | None:
    """The folder of a file-system storage; None for any other (S3…), whose files a backup
    cannot see: back those up with the storage's own means (versioning, replication)."""
    storage = storages[alias]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def _add_storage(tar: tarfile.TarFile, alias: str, checksums: dict, *, skip: Path) -> dict:
    root = _storage_folder(alias)
    if root is None:
        return {"included": False, "backend": settings.STORAGES[alias]["BACKEND"]}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if (here / d).resolve() != skip.resolve())
        for name in sorted(dirs) + sorted(files):
            path = here / name
            member = f"{FILES}/{alias}/{path.relative_to(root).as_posix()}"
            if path.is_symlink():
                continue  # a link could point anywhere; uploads are never links
            if path.is_dir():
                tar.add(path, member, recursive=False, filter=_anonymous)
            elif path.is_file():
                with contextlib.suppress(FileNotFoundError):  # deleted meanwhile: not kept
                    checksums[member] = _add_file(tar, path, member)
    return {"included": True}


def _add_file(tar: tarfile.TarFile, path: Path, member: str) -> str:
    """Add the file, hashing the very bytes written (a file being replaced meanwhile cannot
    get a checksum of other bytes than those archived)."""
    with path.open("rb") as source:
        info = _anonymous(tar.gettarinfo(fileobj=source, arcname=member))
        reader = _HashingReader(source)
        tar.addfile(info, reader)
    return reader.sha256.hexdigest()


class _HashingReader:
    def __init__(self, source):
        self.source, self.sha256 = source, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.sha256.update(data)
        return data


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _member(name: str, size: int, now: datetime.datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(now.timestamp())
    return info


def _free_name(folder: Path, now: datetime.datetime) -> Path:
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path, number = folder / f"citypeers-backup-{stamp}.tar.gz", 1
    while path.exists():
        number += 1
        path = folder / f"citypeers-backup-{stamp}_{number}.tar.gz"  # "_" sorts after "."
    return path


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut only once its folder is synced."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _unpack(archive: Path, folder: Path) -> None:
    unreadable = _("%(path)s is not a readable citypeers backup (%(error)s).")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if not (member.isfile() or member.isdir()):
                    raise BackupError(unreadable % {"path": archive, "error": member.name})
                # "data": nothing outside the folder, no links, no device, no set-uid bit.
                tar.extract(member, folder, filter="data")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(unreadable % {"path": archive, "error": error}) from None


def _read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        if manifest["format"] > FORMAT_VERSION:
            raise BackupError(
                _("This backup was made by a newer citypeers (format %(format)s): update first.")
                % {"format": manifest["format"]}
            )
        for key, kind in (("vendor", str), ("database", str), ("checksums", dict)):
            if not isinstance(manifest[key], kind):
                raise TypeError(key)
        for key in ("migrations", "rows", "storages"):
            if not isinstance(manifest[key], dict):
                raise TypeError(key)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(
            _("The backup's manifest is missing or incomplete (%(error)s).") % {"error": error}
        ) from None
    return manifest


def _check_checksums(folder: Path, manifest: dict) -> None:
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.relative_to(folder).as_posix() != MANIFEST
    }
    expected = manifest["checksums"]
    changed = sorted(present ^ set(expected)) or sorted(
        name for name in present if _sha256(folder / name) != expected[name]
    )
    if changed or manifest["database"] not in expected:
        raise BackupError(
            _("The archive was changed or damaged after it was made (%(members)s): not restored.")
            % {"members": ", ".join(changed[:5]) or manifest["database"]}
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_compatible(manifest: dict) -> None:
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            _(
                "This backup holds a %(archived)s database and this installation uses "
                "%(vendor)s: restore it into a %(archived)s installation."
            )
            % {"archived": manifest["vendor"], "vendor": connection.vendor}
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in sorted(manifest["migrations"].items())
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "This backup comes from newer code, with migrations this code does not have "
                "(%(migrations)s): update citypeers first, then restore."
            )
            % {"migrations": ", ".join(unknown[:5])}
        )


def _replace_folder(target: Path, source: Path) -> None:
    """Empty `target` (kept itself: it may be a mount point), then move `source`'s content in."""
    if target.resolve() == Path(target.resolve().anchor):
        raise BackupError(_("Refusing to empty %(path)s.") % {"path": target})
    target.mkdir(parents=True, exist_ok=True)
    for entry in target.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if source.is_dir():
        for entry in source.iterdir():
            shutil.move(entry, target / entry.name)
