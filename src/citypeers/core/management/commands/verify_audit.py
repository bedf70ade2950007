from django.core.management.base import BaseCommand, CommandError

from citypeers.core.selectors import audit_chain_breaks


class Command(BaseCommand):
    help = "Verifies the audit trail's hash chain and names the first entry that does not verify."

    def handle(self, *args, **options):
        check = audit_chain_breaks()
        if not check.intact:
            entry = check.first_break
            raise CommandError(
                f"Audit entry #{entry.pk} ({entry.at:%Y-%m-%d %H:%M:%S} UTC, {entry.action}) "
                f"does not verify: {check.reason}. {check.checked} entries before it verify."
            )
        self.stdout.write(
            f"The audit trail verifies: {check.checked} entries, {check.redacted} of them "
            "redacted by erasure (their stored digests trusted)."
        )
