from django.core.management.base import BaseCommand

from citypeers.visits.services.visit_reminders import visit_reminders_queue


class Command(BaseCommand):
    help = (
        "Queues today's reminders of visits starting in a week or a day, each mailed once with "
        "the agenda's .ics (run daily, beside send_task_reminders)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Visit reminders queued ({visit_reminders_queue()}).")
