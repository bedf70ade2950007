"""The outbox e-mail backend: keeps every message in the database instead of sending it.

It is the demo's mailbox (staff read it at /<lang>/staff/outbox/); production sets EMAIL_URL
to an SMTP server.

Staff must not be able to act as someone else: an account mail's secrets (reset and
confirmation links, sign-in codes; `core.accounts.AccountAdapter` names them) are replaced
before it is stored, with a note saying so. Only where OUTBOX_PRINT_SECRETS is on (`make
demo`, whose visitors have no mailbox) are they written to the server's console instead.
"""

import logging

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


def without_secrets(text: str, secrets: list[str], placeholder: str) -> str:
    for secret in secrets:
        text = text.replace(secret, placeholder)
    return text


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
            subject, body = message.subject, message.body
            if secrets := getattr(message, "secrets", []):
                if settings.OUTBOX_PRINT_SECRETS:
                    logger.warning("Account e-mail to %s: %s", message.to, " ".join(secrets))
                hidden = gettext("[hidden in the outbox: only the recipient may use it]")
                subject, body, html = (
                    without_secrets(t, secrets, hidden) for t in (subject, body, html)
                )
                body += "\n\n" + gettext(
                    "The outbox hid this e-mail's link or code, which would let its reader act "
                    "as the recipient."
                )
            OutboxMessage.objects.create(
                from_email=message.from_email,
                to="\n".join(message.recipients()),
                subject=subject,
                body=body,
                html_body=html,
            )
            sent += 1
        return sent
