from django.core.management.base import BaseCommand

from citypeers.feedback.services.surveys import surveys_queue


class Command(BaseCommand):
    help = (
        "Places the surveys of visits whose agenda is out, queues each survey whose time has "
        "come and the reminders due (run daily or more often, beside send_visit_reminders)."
    )

    def handle(self, *args, **options):
        result = surveys_queue()
        self.stdout.write(
            f"Surveys placed: {result.scheduled}; queued to send: {len(result.queued)}; "
            f"reminders queued ({result.reminders_task})."
        )
