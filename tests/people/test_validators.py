"""Passwords: 12 characters at least, and none known from data breaches (ASVS 2.1)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from citypeers.demo.accounts import DEMO_PASSWORD


def refusal(password: str) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_password(password)
    return " ".join(caught.value.messages)


def test_a_password_of_eleven_characters_is_refused():
    assert "at least 12 characters" in refusal("hm7-Tq2.pLx")


@pytest.mark.parametrize("password", ["password1234", "qwertyuiop123", "1234567890ab"])
def test_a_password_known_from_breaches_is_refused(password):
    assert "stolen from other websites" in refusal(password)


def test_a_long_unusual_password_is_accepted():
    validate_password("tram-pastry-Ghent-1987-lantern")


def test_the_documented_demo_password_is_still_accepted():
    validate_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_signing_up_with_a_breached_password_says_so_at_the_field(client):
    from django.urls import reverse

    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Aino",
            "email": "aino@example.org",
            "password1": "password1234",
            "password2": "password1234",
        },
    )
    assert "stolen from other websites" in response.text
    assert 'aria-invalid="true"' in response.text
