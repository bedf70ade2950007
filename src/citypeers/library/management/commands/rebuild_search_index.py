from django.core.management.base import BaseCommand

from citypeers.library.indexing import rebuild_index


class Command(BaseCommand):
    help = "Index every published practice afresh (after bulk updates, raw SQL or a restore)."

    def handle(self, *args, **options) -> None:
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} published practices."))
