import pytest
from django.core import mail

from citypeers.core.mail import OutboxBackend
from citypeers.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def send_through_outbox(subject: str, body: str = "Body", to: str = "someone@example.org"):
    message = mail.EmailMultiAlternatives(subject, body, "noreply@example.org", [to])
    message.attach_alternative(f"<p>{body}</p>", "text/html")
    return OutboxBackend().send_messages([message])


def test_the_outbox_backend_keeps_every_message():
    assert send_through_outbox("Welcome", "Hello there") == 1
    stored = OutboxMessage.objects.get()
    assert stored.subject == "Welcome"
    assert stored.recipients == ["someone@example.org"]
    assert stored.html_body == "<p>Hello there</p>"
