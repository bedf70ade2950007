import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from citypeers.core.audit import prune_before
from citypeers.core.background import RECORD_PRUNERS, records_prune


class Command(BaseCommand):
    help = (
        "Deletes finished background-task rows, sent outbox e-mails and audit entries past "
        "their retention (TASK_RESULT_RETENTION_DAYS, OUTBOX_RETENTION_DAYS, "
        "AUDIT_RETENTION_DAYS), then runs every registered clean-up (personal data past its "
        "retention: see the privacy page); run it daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        tasks, mails = records_prune(now=now)
        cutoff = now - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
        entries = prune_before(cutoff)
        self.stdout.write(
            f"{tasks} task row(s) older than {settings.TASK_RESULT_RETENTION_DAYS} days, "
            f"{mails} e-mail(s) older than {settings.OUTBOX_RETENTION_DAYS} days and "
            f"{entries} audit entries older than {settings.AUDIT_RETENTION_DAYS} days deleted."
        )
        for prune in RECORD_PRUNERS:
            for kind, count in prune(now).items():
                self.stdout.write(f"{kind}: {count} record(s) past their retention pruned.")
