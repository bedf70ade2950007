from django.core.management.base import BaseCommand

from citypeers.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from citypeers.demo.build import load_demo


class Command(BaseCommand):
    help = "Create the demo programme, places and one account per role (idempotent)."

    def handle(self, *args, **options):
        summary = load_demo()
        self.stdout.write(self.style.SUCCESS(summary))
        self.stdout.write(f"\nDemo log-ins (password: {DEMO_PASSWORD}):")
        for email, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} {role}")
