"""Staff reading the outbox never see links or codes that let them act as someone else."""

import logging
import re

import pytest
from django.urls import reverse

from citypeers.core.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET_LINK = re.compile(r"/accounts/password/reset/key/\S+")


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = "citypeers.core.mail.OutboxBackend"


def ask_for_a_password_reset(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})
    return OutboxMessage.objects.get(to=person.email)


def test_a_password_reset_link_is_hidden_in_the_outbox_with_a_note(client, outbox):
    stored = ask_for_a_password_reset(client, UserFactory())
    assert not RESET_LINK.search(stored.body)
    assert "[hidden in the outbox: only the recipient may use it]" in stored.body
    assert "The outbox hid this e-mail's link or code" in stored.body


def test_staff_reading_the_outbox_see_no_reset_link(client, outbox):
    stored = ask_for_a_password_reset(client, UserFactory())
    client.force_login(UserFactory(is_staff=True))
    page = client.get(reverse("core:outbox_message", args=[stored.pk])).text
    assert not RESET_LINK.search(page)
    assert "hidden in the outbox" in page


def test_an_address_confirmation_link_is_hidden_in_the_outbox(client, outbox):
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Aino",
            "email": "aino@example.org",
            "password1": "peer-learning-2026",
            "password2": "peer-learning-2026",
        },
    )
    stored = OutboxMessage.objects.get(to="aino@example.org")
    assert "/accounts/confirm-email/" not in stored.body
    assert "hidden in the outbox" in stored.body


def test_other_mail_is_kept_whole(client, outbox):
    from django.core.mail import send_mail

    send_mail("Your visit", "See https://example.org/visits/1/", None, ["a@example.org"])
    assert OutboxMessage.objects.get().body == "See https://example.org/visits/1/"


def test_the_demo_prints_the_hidden_link_to_the_console(client, outbox, settings, caplog):
    settings.OUTBOX_PRINT_SECRETS = True
    with caplog.at_level(logging.WARNING, logger="citypeers.core.mail"):
        ask_for_a_password_reset(client, UserFactory())
    assert RESET_LINK.search(caplog.text)


def test_outside_the_demo_the_hidden_link_is_printed_nowhere(client, outbox, caplog):
    with caplog.at_level(logging.DEBUG):
        ask_for_a_password_reset(client, UserFactory())
    assert not RESET_LINK.search(caplog.text)
