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
        self.stdout.write(
            "\nStaff and coordinators must set up two-factor sign-in first unless"
            " MFA_REQUIRED_FOR_STAFF=false (`make demo` sets it). Links hidden in the outbox"
            " are printed to the server's console when OUTBOX_PRINT_SECRETS=true (`make demo`)."
        )
