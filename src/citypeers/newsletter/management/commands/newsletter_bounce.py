"""Counts a bounce reported by hand: `citypeers newsletter_bounce ADDRESS [--hard]`."""

from django.core.management.base import BaseCommand, CommandError

from citypeers.newsletter.enums import BounceKind
from citypeers.newsletter.services.subscriptions import bounce_record


class Command(BaseCommand):
    help = "Counts a bounce on the last newsletter sent to ADDRESS (soft unless --hard)."

    def add_arguments(self, parser):
        parser.add_argument("address")
        parser.add_argument("--hard", action="store_true", help="a permanent failure")

    def handle(self, *args, address: str, hard: bool, **options):
        kind = BounceKind.HARD if hard else BounceKind.SOFT
        subscription = bounce_record(kind=kind, email=address)
        if subscription is None:
            raise CommandError(f"No newsletter was sent to {address}.")
        state = "suspended" if subscription.suspended_at else "still subscribed"
        self.stdout.write(
            f"{address}: {subscription.hard_bounces} hard, {subscription.soft_bounces} soft "
            f"bounce(s); {state}."
        )
