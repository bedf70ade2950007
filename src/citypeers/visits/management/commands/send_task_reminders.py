from django.core.management.base import BaseCommand

from citypeers.visits.services.work import task_reminders_queue


class Command(BaseCommand):
    help = "Queues today's reminders for visit tasks that are due soon or overdue (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Task reminders queued ({task_reminders_queue()}).")
