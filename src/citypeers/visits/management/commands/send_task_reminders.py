from django.core.management.base import BaseCommand

from citypeers.visits.tasks import send_task_reminders


class Command(BaseCommand):
    help = "Queues today's reminders for visit tasks that are due soon or overdue (run daily)."

    def handle(self, *args, **options):
        result = send_task_reminders.enqueue()
        self.stdout.write(f"Task reminders queued ({result.id}).")
