"""Forgets subscriptions left unconfirmed past their link's life (sending an issue does too)."""

from django.core.management.base import BaseCommand

from citypeers.newsletter.services.subscriptions import subscriptions_prune_unconfirmed


class Command(BaseCommand):
    help = "Deletes newsletter subscriptions never confirmed within their link's life."

    def handle(self, *args, **options):
        deleted = subscriptions_prune_unconfirmed()
        self.stdout.write(f"{deleted} unconfirmed subscription(s) deleted.")
