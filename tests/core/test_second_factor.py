"""Staff and coordinators must set up a second factor; everyone may (allauth.mfa)."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeers.core.middleware import SECOND_FACTOR_FINE_FOR
from citypeers.core.models import AuditEntry
from citypeers.core.second_factor import lacks_required_second_factor
from citypeers.programmes.models import Role
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.second_factor import give_authenticator_app, reauthenticated, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def me_page(client, person):
    client.force_login(person)
    return client.get(reverse("programmes:dashboard"), follow=True)


def test_staff_without_a_second_factor_are_sent_to_set_one_up_with_a_reason(client):
    response = me_page(client, UserFactory(is_staff=True))
    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert "your account needs a second factor" in response.text


def test_a_coordinator_without_a_second_factor_is_sent_to_set_one_up(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    response = me_page(client, coordinator)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")


def test_a_participant_is_not_made_to_set_up_a_second_factor(client):
    participant = MembershipFactory(role=Role.PARTICIPANT).user
    response = me_page(client, participant)
    assert response.redirect_chain == []
    assert response.status_code == 200


def test_a_coordinator_with_an_authenticator_app_goes_where_they_asked(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    give_authenticator_app(coordinator)
    assert me_page(client, coordinator).redirect_chain == []


def _queries_of(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_coordinators_next_pages_ask_the_database_nothing_for_the_check(client):
    """Every signed-in page asked for the person's roles and second factors."""
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    give_authenticator_app(coordinator)
    with CaptureQueriesContext(connection) as check:
        assert not lacks_required_second_factor(coordinator)
    asked = {query["sql"] for query in check.captured_queries}
    client.force_login(coordinator)
    dashboard = reverse("programmes:dashboard")
    first, second = _queries_of(client, dashboard), _queries_of(client, dashboard)
    assert len(asked) == 2 and asked <= set(first)
    assert asked.isdisjoint(second)
    assert len(second) <= len(first) - 2


def test_adding_an_authenticator_app_stops_the_sending_to_set_one_up_at_once(
    client, django_capture_on_commit_callbacks
):
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    assert me_page(client, coordinator).redirect_chain[-1][0] == reverse("mfa_index")
    reauthenticated(client, coordinator)
    client.get(reverse("mfa_activate_totp"))
    code = totp_code(client.session["mfa.totp.secret"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": code})
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 200


def test_removing_the_last_second_factor_sends_a_coordinator_to_set_one_up_at_once(
    client, django_capture_on_commit_callbacks
):
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    give_authenticator_app(coordinator)
    reauthenticated(client, coordinator)
    dashboard = reverse("programmes:dashboard")
    assert client.get(dashboard).status_code == 200
    assert client.get(dashboard).status_code == 200  # the answer is kept by now
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_deactivate_totp"))
    assert not coordinator.authenticator_set.exists()
    response = client.get(dashboard)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_index")


def test_a_person_made_coordinator_is_sent_to_set_up_a_second_factor_within_minutes(
    client, monkeypatch
):
    """A role granted by someone else reaches none of the person's sessions: the answer kept
    in theirs expires instead."""
    membership = MembershipFactory(role=Role.PARTICIPANT)
    client.force_login(membership.user)
    dashboard = reverse("programmes:dashboard")
    assert client.get(dashboard).status_code == 200
    MembershipFactory(user=membership.user, role=Role.COORDINATOR)
    now = time.time()
    monkeypatch.setattr("time.time", lambda: now + SECOND_FACTOR_FINE_FOR + 1)
    response = client.get(dashboard)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_index")


def test_the_requirement_can_be_turned_off_by_the_setting(client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    assert me_page(client, UserFactory(is_staff=True)).redirect_chain == []


@pytest.mark.parametrize("url_name", ["mfa_index", "account_reauthenticate", "healthz"])
def test_setting_up_the_second_factor_stays_open_to_those_who_must(client, url_name):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse(url_name))
    assert response.status_code == 200


def test_a_person_made_to_set_up_a_second_factor_can_still_sign_out(client):
    client.force_login(UserFactory(is_staff=True))
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_a_person_made_to_set_up_a_second_factor_can_still_change_language(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/fr/"})
    assert response.status_code == 302
    assert response["Location"] != reverse("mfa_index")


def test_my_page_links_to_two_factor_sign_in(client):
    client.force_login(UserFactory())
    assert reverse("mfa_index") in client.get(reverse("programmes:dashboard")).text


def test_the_overview_offers_an_app_and_security_keys(client):
    client.force_login(UserFactory())
    page = client.get(reverse("mfa_index")).text
    assert reverse("mfa_activate_totp") in page
    assert reverse("mfa_add_webauthn") in page


def test_setting_up_an_app_shows_the_qr_code_and_the_secret_as_text(client):
    reauthenticated(client, UserFactory())
    page = client.get(reverse("mfa_activate_totp")).text
    secret = client.session["mfa.totp.secret"]
    assert 'src="data:image/svg+xml;base64,' in page
    assert '<code class="totp-secret" id="totp-secret"' in page
    assert secret in page


def test_setting_up_an_app_asks_for_the_password_again_first(client):
    client.force_login(UserFactory())
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_wrong_code_is_refused_at_the_field_with_a_summary(client):
    reauthenticated(client, UserFactory())
    client.get(reverse("mfa_activate_totp"))
    page = client.post(reverse("mfa_activate_totp"), {"code": "000000"}).text
    assert "error-summary" in page
    assert 'aria-invalid="true"' in page


def test_turning_on_an_app_is_written_to_the_audit_trail(
    client, django_capture_on_commit_callbacks
):
    person = UserFactory()
    reauthenticated(client, person)
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    actions = set(
        AuditEntry.objects.filter(object_id=str(person.pk), actor=person).values_list(
            "action", flat=True
        )
    )
    assert {"mfa.totp_added", "mfa.recovery_codes_added"} <= actions


def test_turning_off_the_app_and_new_recovery_codes_are_written_to_the_audit_trail(
    client, django_capture_on_commit_callbacks
):
    person = UserFactory()
    give_authenticator_app(person)
    reauthenticated(client, person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_generate_recovery_codes"))
        client.post(reverse("mfa_deactivate_totp"))
    actions = list(AuditEntry.objects.filter(actor=person).values_list("action", flat=True))
    assert "mfa.recovery_codes_regenerated" in actions
    assert "mfa.totp_removed" in actions


def test_recovery_codes_are_listed_to_their_owner(client):
    person = UserFactory()
    codes = give_authenticator_app(person)
    reauthenticated(client, person)
    page = client.get(reverse("mfa_view_recovery_codes")).text
    assert all(f"<code>{code}</code>" in page for code in codes)


def test_adding_a_security_key_page_loads_allauths_script_from_our_origin(client):
    reauthenticated(client, UserFactory())
    response = client.get(reverse("mfa_add_webauthn"))
    page = response.text
    assert response.status_code == 200
    assert 'id="mfa_webauthn_add"' in page
    assert '<script src="/static/mfa/js/webauthn.js" defer></script>' in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_signing_in_asks_for_the_code_after_the_password(client):
    person = UserFactory()
    give_authenticator_app(person)
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert 'id="mfa_webauthn_authenticate"' in response.text
