import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from citypeers.people.forms import ProfileForm
from citypeers.people.models import User
from tests.factories import PASSWORD, UserFactory

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


def test_sign_up_with_an_email_already_registered_makes_no_second_account(client):
    existing = UserFactory(email="aino@example.org", display_name="Aino")
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Impostor",
            "email": "AINO@example.org",
            "password1": "peer-learning-2026",
            "password2": "peer-learning-2026",
        },
    )
    assert response.status_code in (200, 302)
    assert User.objects.filter(email__iexact="aino@example.org").count() == 1
    existing.refresh_from_db()
    assert existing.display_name == "Aino"
    assert existing.check_password(PASSWORD)


def test_sign_up_needs_a_name(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "a@example.org",
            "password1": "peer-learning-2026",
            "password2": "peer-learning-2026",
        },
    )
    assert 'href="#id_display_name"' in response.text
    assert not User.objects.exists()


def test_the_profile_form_offers_only_the_languages_people_speak():
    form = ProfileForm({"display_name": "Ana", "time_zone": "Europe/Paris", "languages": ["tlh"]})
    assert "languages" in form.errors
    offered = dict(form.fields["languages"].choices)
    assert {"fi", "uk", "mt", "ar"} <= set(offered)
