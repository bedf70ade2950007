"""Exports of other people's personal data first ask for the password again (ASVS 2.2, 3)."""

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reauthentication_required(settings):
    settings.ACCOUNT_REAUTHENTICATION_REQUIRED = True


@pytest.fixture
def members_url(programme):
    return reverse("programmes:members", args=[programme.slug])


def test_an_export_asks_a_coordinator_for_their_password_first(client, coordinator, members_url):
    client.force_login(coordinator)
    response = client.get(members_url, {"export": "csv"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert "export%3Dcsv" in response["Location"]


def test_after_the_password_the_export_is_downloaded(client, coordinator, members_url):
    client.force_login(coordinator)
    asked = client.get(members_url, {"export": "csv"})
    response = client.post(asked["Location"], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].endswith("?export=csv")
    assert response["Content-Disposition"].endswith('.csv"')
    assert coordinator.email in response.content.decode()


def test_a_wrong_password_gives_no_export(client, coordinator, members_url):
    client.force_login(coordinator)
    asked = client.get(members_url, {"export": "csv"})
    response = client.post(asked["Location"], {"password": "not-my-password"})
    assert response.status_code == 200
    assert "Content-Disposition" not in response


def test_the_page_itself_opens_without_the_password(client, coordinator, members_url):
    client.force_login(coordinator)
    assert client.get(members_url).status_code == 200


def test_someone_without_the_right_gets_403_not_a_password_prompt(client, programme):
    client.force_login(MembershipFactory(programme=programme, role=Role.PARTICIPANT).user)
    url = reverse("programmes:members", args=[programme.slug])
    assert client.get(url, {"export": "csv"}).status_code == 403


def test_changing_the_password_asks_for_the_current_one(client):
    person = UserFactory()
    client.force_login(person)
    data = {"password1": "tram-pastry-Ghent-1987", "password2": "tram-pastry-Ghent-1987"}
    response = client.post(reverse("account_change_password"), {**data, "oldpassword": "wrong"})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_managing_e_mail_addresses_asks_for_the_password_again_first(client):
    client.force_login(UserFactory())
    response = client.post(reverse("account_email"), {"email": "new@example.org", "action_add": ""})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
