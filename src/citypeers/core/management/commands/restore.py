"""`citypeers restore ARCHIVE`: the database and the uploaded files back as the archive holds
them (`core.backup`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from citypeers.core.backup import RestoreReport, backup_open, backup_restore
from citypeers.core.errors import BackupError


class Command(BaseCommand):
    help = (
        "Replaces the whole database and the uploaded files with those of a backup made by "
        "`citypeers backup`, after checking it; stop the app servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes",
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, archive: Path, interactive: bool, **options):
        try:
            with backup_open(archive=archive) as opened:
                manifest = opened.manifest
                self.stdout.write(
                    f"{archive}: made {manifest['created_at']}, {manifest['vendor']}, "
                    f"{sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables."
                )
                if interactive and not self.confirmed():
                    raise CommandError("Restore cancelled: nothing was changed.")
                report = backup_restore(opened=opened)
        except BackupError as error:
            raise CommandError(error.message) from None
        self.write_report(report)

    def confirmed(self) -> bool:
        answer = input(
            "This REPLACES the whole database and the uploaded files. Type 'yes' to go on: "
        )
        return answer.strip().lower() == "yes"

    def write_report(self, report: RestoreReport) -> None:
        for table, (archived, restored) in report.mismatches.items():
            self.stderr.write(f"{table}: {archived} rows in the archive, {restored} restored")
        if not report.mismatches:
            rows = sum(restored or 0 for _archived, restored in report.rows.values())
            self.stdout.write(
                f"Restored {rows} rows in {len(report.rows)} tables: every table's rows match "
                "the archive's."
            )
        if report.storages_restored:
            self.stdout.write(f"Files restored: {', '.join(report.storages_restored)}.")
        for alias in report.storages_left_alone:
            self.stderr.write(f"The files of the {alias!r} storage were left as they are.")
        if report.migrations_pending:
            self.stdout.write("This code has newer migrations: run `citypeers migrate`.")
        if report.mismatches:
            raise CommandError("The restored row counts differ from the archive's.")
