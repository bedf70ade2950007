import pytest
from django.core import mail
from django.urls import reverse

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


def test_staff_read_the_outbox_newest_first_and_open_a_message(client, staff):
    send_through_outbox("First")
    send_through_outbox("Second", "Confirm at https://example.org/confirm/abc/")
    client.force_login(staff)
    listing = client.get(reverse("core:outbox")).text
    assert listing.index("Second") < listing.index("First")
    second = OutboxMessage.objects.get(subject="Second")
    page = client.get(reverse("core:outbox_message", args=[second.pk])).text
    assert '<a href="https://example.org/confirm/abc/"' in page


def test_outbox_search_by_recipient(client, staff):
    send_through_outbox("For Ana", to="ana@example.org")
    send_through_outbox("For Bo", to="bo@example.org")
    client.force_login(staff)
    page = client.get(reverse("core:outbox"), {"q": "ana@"}).text
    assert "For Ana" in page
    assert "For Bo" not in page


def test_empty_outbox_says_so(client, staff):
    client.force_login(staff)
    assert "No e-mail has been sent yet." in client.get(reverse("core:outbox")).text


def test_outbox_pages_keep_the_search(client, staff):
    for number in range(30):
        send_through_outbox(f"Message {number}", to="ana@example.org")
    client.force_login(staff)
    page = client.get(reverse("core:outbox"), {"q": "ana"}).text
    assert "?q=ana&amp;page=2" in page
    assert "Page 1 of 2" in page


def test_a_mistyped_page_number_shows_a_page_not_an_error(client, staff):
    client.force_login(staff)
    assert client.get(reverse("core:outbox"), {"page": "abc"}).status_code == 200
    assert client.get(reverse("core:outbox"), {"page": "999"}).status_code == 200
