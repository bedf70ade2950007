from django.core.management.base import BaseCommand

from citypeers.feedback.services.plans import plan_invitations_queue


class Command(BaseCommand):
    help = (
        "Queues today's action-plan mails, each sent once per person: the invitation to write "
        "the plan the day after a visit's last day, the follow-up link six months after (run "
        "daily)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Action-plan mails queued ({plan_invitations_queue()}).")
