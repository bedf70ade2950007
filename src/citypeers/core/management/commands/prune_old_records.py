from django.conf import settings
from django.core.management.base import BaseCommand

from citypeers.core.background import records_prune


class Command(BaseCommand):
    help = (
        "Deletes finished background-task rows and sent outbox e-mails past their retention "
        "(TASK_RESULT_RETENTION_DAYS, OUTBOX_RETENTION_DAYS); run it daily."
    )

    def handle(self, *args, **options):
        tasks, mails = records_prune()
        self.stdout.write(
            f"{tasks} task row(s) older than {settings.TASK_RESULT_RETENTION_DAYS} days and "
            f"{mails} e-mail(s) older than {settings.OUTBOX_RETENTION_DAYS} days deleted."
        )
