"""`citypeers load_surveys`: adds the house's survey templates, never overwriting."""

from django.core.management.base import BaseCommand

from citypeers.feedback.services.templates import house_templates_load


class Command(BaseCommand):
    help = "Adds the survey templates citypeers ships with (never overwrites)."

    def handle(self, *args, **options):
        added = house_templates_load()
        self.stdout.write(f"Surveys: {added} house templates added.")
