"""`citypeers load_methodology`: adds the shipped formats and templates, never overwriting."""

from django.core.management.base import BaseCommand

from citypeers.methodology.services.loader import load_methodology


class Command(BaseCommand):
    help = "Adds the activity formats and visit templates citypeers ships with (never overwrites)."

    def handle(self, *args, **options):
        added = load_methodology()
        self.stdout.write(
            f"Methodology: {added['formats']} formats and {added['templates']} templates added."
        )
