"""`citypeers backup`: the database and the uploaded files in one archive (`core.backup`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citypeers.core.backup import backup_create
from citypeers.core.errors import BackupError


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Writes the database, the uploaded files and a manifest to "
        "citypeers-backup-<UTC time>.tar.gz (readable by its owner only) in --output or "
        "BACKUP_DIR; safe while the platform runs. Restore it with `citypeers restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="the folder (default: BACKUP_DIR)")
        parser.add_argument(
            "--keep", type=positive, metavar="N", help="then delete all but the newest N archives"
        )

    def handle(self, *args, output: Path | None, keep: int | None, **options):
        try:
            backup = backup_create(output_dir=output, keep=keep)
        except BackupError as error:
            raise CommandError(error.message) from None
        for alias in backup.storages_left_out:
            self.stderr.write(
                f"The files of the {alias!r} storage are not in the archive: it is not a folder "
                "(back them up with the storage's own means)."
            )
        tables = backup.manifest["rows"]
        self.stdout.write(f"{backup.path} ({len(tables)} tables, {sum(tables.values())} rows)")
