from django.core.management.base import BaseCommand

from citypeers.calls.services.decisions import pass_on_unanswered


class Command(BaseCommand):
    help = "Offers the places nobody confirmed in time to the next on the waiting list (daily)."

    def handle(self, *args, **options):
        count = pass_on_unanswered()
        self.stdout.write(f"{count} unanswered place(s) passed on.")
