"""The outbox e-mail backend: keeps every message in the database instead of sending it.

It is the demo's mailbox (staff read it at /<lang>/staff/outbox/); production sets EMAIL_URL
to an SMTP server.
"""

from django.core.mail.backends.base import BaseEmailBackend


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        from citypeers.core.models import OutboxMessage  # backends load before the app registry

        sent = 0
        for message in email_messages:
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            OutboxMessage.objects.create(
                from_email=message.from_email,
                to="\n".join(message.recipients()),
                subject=message.subject,
                body=message.body,
                html_body=html,
            )
            sent += 1
        return sent
