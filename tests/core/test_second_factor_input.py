"""What anyone can type or forge into the two-factor forms gives an error, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.second_factor import give_authenticator_app, reauthenticated

pytestmark = pytest.mark.django_db

HOSTILE = ["", "x" * 100_000, "nul\x00byte", "{}", '{"id": 1}', "[]", "null", "12345678", "²"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_code_or_credential_when_setting_up_is_refused(client, value):
    reauthenticated(client, UserFactory())
    client.get(reverse("mfa_activate_totp"))
    assert client.post(reverse("mfa_activate_totp"), {"code": value}).status_code == 200
    client.get(reverse("mfa_add_webauthn"))
    response = client.post(reverse("mfa_add_webauthn"), {"name": value, "credential": value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_code_or_credential_when_signing_in_is_refused(client, value):
    person = UserFactory()
    give_authenticator_app(person)
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert client.post(reverse("mfa_authenticate"), {"code": value}).status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"credential": value})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
