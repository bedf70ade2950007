import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from citypeers.people.models import User

pytestmark = pytest.mark.django_db


def test_sign_up_asks_for_a_name_and_sends_a_confirmation(client):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Aino Virtanen",
            "email": "Aino@Example.org",
            "password1": "peer-learning-2026",
            "password2": "peer-learning-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="aino@example.org")
    assert user.display_name == "Aino Virtanen"
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_errors_are_summarised_and_the_input_is_kept(client):
    response = client.post(
        reverse("account_signup"),
        {"display_name": "Aino", "email": "aino@example.org", "password1": "x", "password2": "y"},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert 'value="aino@example.org"' in response.text
    assert 'value="Aino"' in response.text
    assert 'aria-invalid="true"' in response.text
