"""Backups: `citypeers backup` keeps the database and the uploaded files, `citypeers restore`
puts back exactly what was kept, and refuses an archive it cannot trust or use. Runs on the
database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL)."""

import datetime
import hashlib
import io
import json
import os
import stat
import tarfile
import tempfile
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection, connections

from citypeers.core import backup_database, changes
from citypeers.core.backup import backup_create, backup_open, backup_restore, backups_rotate
from citypeers.core.backup_database import DUMP_NAMES, required_binary
from citypeers.core.errors import BackupError
from citypeers.people.models import User
from citypeers.programmes.models import Programme
from tests.factories import MembershipFactory, UserFactory

# A backup reads the database outside any transaction, as the command does in production.
in_committed_database = pytest.mark.django_db(transaction=True)
OTHER_VENDOR = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture
def folders(settings, tmp_path, private_files) -> dict[str, Path]:
    """MEDIA_ROOT and the private storage in folders of the test's own, with a file each."""
    settings.MEDIA_ROOT = tmp_path / "media"
    storages["default"].save("practices/2026/tram.jpg", ContentFile(b"\xff\xd8 a tram"))
    private_files.save("applications/2026/plan.pdf", ContentFile(b"%PDF-1.7 our plan"))
    return {"default": tmp_path / "media", "private": tmp_path / "private"}


def table_contents() -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows in a fixed order. The shared cache's
    table is left aside: a restore empties the cache on purpose."""
    cache_tables = {cache.get("LOCATION") for cache in settings.CACHES.values()}
    contents = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in cache_tables:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            rows = sorted(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                for row in cursor.fetchall()
            )
            contents[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return contents


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def restore(archive: Path):
    with backup_open(archive=archive) as opened:
        return backup_restore(opened=opened)


def rewrite(archive: Path, replacements: dict[str, bytes]) -> None:
    """Write `archive` again with some members' bytes replaced, its manifest unchanged."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read() if m.isfile() else None) for m in tar]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            data = replacements.get(member.name, data)
            if data is not None:
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data) if data is not None else None)


def write_archive(path: Path, members: dict[str, bytes] | None = None, **manifest) -> Path:
    """A well-formed archive of this installation's vendor and known migrations, with the
    manifest's entries given overriding (checksums always of the members given)."""
    members = {"database.bin": b"a database"} if members is None else members
    manifest = {
        "format": 1,
        "created_at": "2026-12-06T10:00:00+00:00",
        "vendor": connection.vendor,
        "database": "database.bin",
        "migrations": {"core": ["0001_initial"]},
        "rows": {},
        "storages": {"default": {"included": True}, "private": {"included": True}},
        "checksums": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    } | manifest
    with tarfile.open(path, "w:gz") as tar:
        for name, data in {**members, "manifest.json": json.dumps(manifest).encode()}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@in_committed_database
def test_restore_brings_back_every_row_and_file_as_they_were_backed_up(folders, tmp_path):
    membership = MembershipFactory()
    UserFactory(display_name="Ana Kovač")
    rows, files = table_contents(), {alias: files_in(f) for alias, f in folders.items()}
    backup = backup_create(output_dir=tmp_path / "backups")

    Programme.objects.filter(pk=membership.programme_id).delete()
    User.objects.filter(display_name="Ana Kovač").update(display_name="Changed")
    UserFactory()
    (folders["default"] / "practices/2026/tram.jpg").unlink()
    (folders["default"] / "stray.txt").write_bytes(b"added after the backup")
    (folders["private"] / "applications/2026/plan.pdf").write_bytes(b"%PDF overwritten")
    assert table_contents() != rows

    report = restore(backup.path)

    assert table_contents() == rows
    assert {alias: files_in(f) for alias, f in folders.items()} == files
    assert report.mismatches == {}
    assert report.storages_restored == ["default", "private"]
    assert not report.migrations_pending


@in_committed_database
def test_the_manifest_counts_the_rows_the_dump_holds_while_people_keep_writing(
    folders, tmp_path, monkeypatch
):
    read_migrations = backup_database._migrations

    def someone_signs_up_meanwhile(cursor):
        # From another connection, committed, while the backup is between copy and counts.
        def sign_up():
            UserFactory(email="meanwhile@example.org")
            connections.close_all()

        thread = threading.Thread(target=sign_up)
        thread.start()
        thread.join(timeout=30)
        return read_migrations(cursor)

    monkeypatch.setattr(backup_database, "_migrations", someone_signs_up_meanwhile)
    backup = backup_create(output_dir=tmp_path / "backups")
    assert User.objects.filter(email="meanwhile@example.org").exists()

    report = restore(backup.path)

    assert report.mismatches == {}
    assert not User.objects.filter(email="meanwhile@example.org").exists()


@in_committed_database
def test_the_archive_is_for_its_owner_only_named_by_utc_time_and_nothing_else_is_left(
    folders, tmp_path
):
    in_helsinki = datetime.timezone(datetime.timedelta(hours=2))
    now = datetime.datetime(2026, 12, 6, 12, 15, 30, tzinfo=in_helsinki)
    backup = backup_create(output_dir=tmp_path / "backups", now=now)

    assert backup.path.name == "citypeers-backup-20261206T101530Z.tar.gz"
    assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert list((tmp_path / "backups").iterdir()) == [backup.path]
    with tarfile.open(backup.path) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert "files/private/applications/2026/plan.pdf" in names
    assert backup.manifest["vendor"] == connection.vendor
    assert "0001_initial" in backup.manifest["migrations"]["core"]
    assert backup.manifest["rows"]["people_user"] == User.objects.count()


@in_committed_database
def test_restore_command_asks_first_and_changes_nothing_unless_told_yes(
    folders, tmp_path, monkeypatch
):
    out = StringIO()
    for _ in range(2):
        call_command("backup", "--output", str(tmp_path / "backups"), "--keep", "1", stdout=out)
    [archive] = (tmp_path / "backups").glob("citypeers-backup-*.tar.gz")
    assert str(archive) in out.getvalue().splitlines()[-1]
    UserFactory(email="late@example.org")

    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(archive), stdout=StringIO())
    assert User.objects.filter(email="late@example.org").exists()

    out = StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert not User.objects.filter(email="late@example.org").exists()
    assert "every table's rows match" in out.getvalue()


@in_committed_database
@pytest.mark.parametrize("member", ["database", "files/default/practices/2026/tram.jpg"])
def test_an_archive_changed_after_it_was_made_is_refused_and_nothing_is_touched(
    folders, tmp_path, member
):
    backup = backup_create(output_dir=tmp_path / "backups")
    member = DUMP_NAMES[connection.vendor] if member == "database" else member
    with tarfile.open(backup.path) as tar:
        original = tar.extractfile(member).read()
    rewrite(backup.path, {member: original[:-1] + bytes([original[-1] ^ 1])})
    UserFactory(email="late@example.org")

    with pytest.raises(BackupError, match=f"changed or damaged.*{member}"):
        restore(backup.path)

    assert User.objects.filter(email="late@example.org").exists()
    assert files_in(folders["default"]) == {"practices/2026/tram.jpg": b"\xff\xd8 a tram"}


@in_committed_database
def test_after_a_restore_public_pages_do_not_keep_the_change_marks_of_the_replaced_data(
    folders, tmp_path, settings
):
    # A cache outside the database (Redis in production) is not restored with it.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    backup = backup_create(output_dir=tmp_path / "backups")
    changes.changed("news")
    mark_of_replaced_data = changes.version("news")

    restore(backup.path)

    assert changes.version("news") != mark_of_replaced_data


@in_committed_database
def test_a_storage_that_is_not_a_folder_is_left_out_and_left_alone(folders, tmp_path, settings):
    settings.STORAGES = settings.STORAGES | {
        "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    }
    storages["private"].save("applications/plan.pdf", ContentFile(b"in the cloud"))
    err = StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=StringIO(), stderr=err)
    [archive] = (tmp_path / "backups").glob("*.tar.gz")
    assert "'private' storage are not in the archive" in err.getvalue()

    storages["private"].save("applications/later.pdf", ContentFile(b"added since"))
    report = restore(archive)

    assert report.storages_left_alone == ["private"]
    assert storages["private"].exists("applications/later.pdf")
    assert files_in(folders["default"]) == {"practices/2026/tram.jpg": b"\xff\xd8 a tram"}


def test_a_well_formed_archive_of_this_installation_is_accepted(tmp_path):
    with backup_open(archive=write_archive(tmp_path / "a.tar.gz")) as opened:
        assert (opened.folder / "database.bin").read_bytes() == b"a database"


def test_an_archive_of_the_other_database_vendor_is_refused(tmp_path):
    archive = write_archive(tmp_path / "a.tar.gz", vendor=OTHER_VENDOR[connection.vendor])
    with (
        pytest.raises(BackupError, match=f"holds a {OTHER_VENDOR[connection.vendor]} database"),
        backup_open(archive=archive),
    ):
        pass


def test_an_archive_from_newer_migrations_is_refused_naming_them(tmp_path):
    future = {"core": ["0001_initial"], "calls": ["9999_from_the_future"]}
    archive = write_archive(tmp_path / "a.tar.gz", migrations=future)
    with (
        pytest.raises(BackupError, match=r"newer code.*calls\.9999_from_the_future"),
        backup_open(archive=archive),
    ):
        pass


def test_an_archive_of_a_newer_format_is_refused(tmp_path):
    with (
        pytest.raises(BackupError, match="newer citypeers"),
        backup_open(archive=write_archive(tmp_path / "a.tar.gz", format=2)),
    ):
        pass


@pytest.mark.parametrize(
    "checksums",
    [
        {"database.bin": hashlib.sha256(b"another database").hexdigest()},  # bytes changed
        {},  # a member the manifest does not list
        {
            "database.bin": hashlib.sha256(b"a database").hexdigest(),
            "files/default/gone.jpg": hashlib.sha256(b"").hexdigest(),
        },  # a member missing
    ],
)
def test_an_archive_whose_members_do_not_match_the_manifest_is_refused(tmp_path, checksums):
    archive = write_archive(tmp_path / "a.tar.gz", checksums=checksums)
    with pytest.raises(BackupError, match="changed or damaged"), backup_open(archive=archive):
        pass


def test_an_archive_writing_outside_its_folder_is_refused(tmp_path):
    archive = write_archive(tmp_path / "a.tar.gz", members={"../escaped.txt": b"x"})
    with (
        pytest.raises(BackupError, match="not a readable citypeers backup"),
        backup_open(archive=archive),
    ):
        pass
    assert not (Path(tempfile.gettempdir()) / "escaped.txt").exists()


@pytest.mark.parametrize("content", [b"", b"not an archive at all", b"\x1f\x8b\x08broken"])
def test_a_file_that_is_no_archive_is_refused_with_a_message(tmp_path, content):
    archive = tmp_path / "a.tar.gz"
    archive.write_bytes(content)
    with (
        pytest.raises(BackupError, match="not a readable citypeers backup"),
        backup_open(archive=archive),
    ):
        pass


def test_keep_leaves_only_the_newest_archives(tmp_path):
    for minute in range(4):
        path = tmp_path / f"citypeers-backup-20261206T10{minute:02}00Z.tar.gz"
        path.write_bytes(b"")
        stamp = datetime.datetime(2026, 12, 6, 10, minute, tzinfo=datetime.UTC).timestamp()
        os.utime(path, (stamp, stamp))
    (tmp_path / "notes.txt").write_text("not a backup")

    backups_rotate(folder=tmp_path, keep=2)

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "citypeers-backup-20261206T100200Z.tar.gz",
        "citypeers-backup-20261206T100300Z.tar.gz",
        "notes.txt",
    ]


def test_a_missing_postgresql_client_is_named_with_how_to_install_it(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(BackupError, match=r"pg_dump is not on PATH.*postgresql-client"):
        required_binary("pg_dump")
