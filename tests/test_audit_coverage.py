"""Every kind of action a coordinator would trace is in the trail, with its programme (and,
during a request, the address and browser it came from)."""

import pytest
from django.urls import reverse

from citypeers.calls.models import Criterion
from citypeers.calls.services.applications import application_eligibility_decide
from citypeers.calls.services.review import rubric_save
from citypeers.calls.services.selection import selection_start
from citypeers.core.audit import address_key
from citypeers.core.models import AuditEntry
from citypeers.core.selectors import audit_chain_breaks
from citypeers.programmes.services import membership_add, membership_remove
from tests.factories import (
    PASSWORD,
    AgendaSessionFactory,
    CallFactory,
    UserFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def _entry(action: str) -> AuditEntry:
    return AuditEntry.objects.get(action=action)


def _sign_in(client, email: str, password: str = PASSWORD, **meta):
    """The sign-in form sent, with the request's `meta` (address, headers)."""
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


def test_a_sign_in_records_who_from_which_address_and_browser(client, settings):
    person = UserFactory()
    _sign_in(
        client, person.email, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=BROWSER + " " + "x" * 300
    )
    entry = _entry("auth.signed_in")
    assert (entry.actor, entry.ip_address) == (person, "203.0.113.7")
    assert entry.user_agent.startswith(BROWSER) and len(entry.user_agent) == 200


def test_behind_a_trusted_proxy_the_clients_address_is_recorded_not_the_proxys(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    person = UserFactory()
    _sign_in(client, person.email, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert _entry("auth.signed_in").ip_address == "198.51.100.4"


def test_a_forged_forwarded_address_is_not_believed_without_a_trusted_proxy(client):
    person = UserFactory()
    _sign_in(client, person.email, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert _entry("auth.signed_in").ip_address == "203.0.113.7"


def test_a_failed_sign_in_records_the_address_tried_masked_and_where_from(client):
    person = UserFactory(email="ana.lopez@example.org")
    _sign_in(client, person.email, "wrong", REMOTE_ADDR="203.0.113.9")
    entry = _entry("auth.sign_in_failed")
    assert (entry.object_repr, entry.object_id) == ("a***@example.org", address_key(person.email))
    assert entry.ip_address == "203.0.113.9" and entry.actor is None
    assert not AuditEntry.objects.filter(action="auth.signed_in").exists()


def test_a_sign_out_is_recorded(client):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("account_logout"))
    assert _entry("auth.signed_out").actor == person


def test_roles_given_and_taken_carry_their_programme(programme, coordinator):
    person = UserFactory()
    membership = membership_add(
        programme=programme, email=person.email, role="host", by=coordinator
    )
    membership_remove(membership=membership, by=coordinator)
    assert _entry("membership.added").programme_id == programme.pk
    assert _entry("membership.removed").programme_id == programme.pk


def test_applications_rubrics_and_selections_carry_their_programme(programme, coordinator):
    call = CallFactory(programme=programme)
    application = sent_application(call, UserFactory())
    application_eligibility_decide(
        application=application, by=coordinator, decision="eligible", reason="Checked"
    )
    rubric_save(call=call, by=coordinator, criteria=[(0, Criterion(name="Fit"))], deleted=[])
    selection_start(call=call, by=coordinator)
    for action in ("application.eligibility", "review.rubric", "selection.started"):
        assert _entry(action).programme_id == programme.pk, action


def _exports(programme, visit):
    call = CallFactory(programme=programme)
    session = AgendaSessionFactory(visit=visit)
    on_visit = [programme.slug, visit.slug]
    return [
        ("calls:applications", [call.slug], "csv", "export.applications"),
        ("calls:review", [call.slug], "csv", "export.review_results"),
        ("calls:selection", [call.slug], "json", "export.selection"),
        ("programmes:members", [programme.slug], "xlsx", "export.members"),
        ("visits:roster", on_visit, "csv", "export.roster"),
        ("visits:attendance", [*on_visit, session.pk], "csv", "export.attendance"),
        ("feedback:plan_list", on_visit, "csv", "export.action_plans"),
        ("newsletter:programme", [programme.slug], "csv", "export.newsletter_subscribers"),
        ("programmes:audit", [programme.slug], "json", "export.audit"),
    ]


def test_every_download_of_personal_or_selection_data_is_recorded(
    client, programme, visit, coordinator
):
    client.force_login(coordinator)
    for name, args, export_format, action in _exports(programme, visit):
        response = client.get(reverse(name, args=args) + f"?export={export_format}")
        assert response.status_code == 200, name
        entry = _entry(action)
        assert (entry.actor, entry.programme_id) == (coordinator, programme.pk), name
        assert entry.changes["format"] == export_format


def test_an_ipv6_address_and_an_odd_browser_name_are_kept_so_the_trail_verifies(client):
    person = UserFactory()
    _sign_in(
        client,
        person.email,
        REMOTE_ADDR="2001:DB8:0:0::1",
        HTTP_USER_AGENT="Odd\x00browser\nX-Injected: yes",
    )
    entry = _entry("auth.signed_in")
    entry.refresh_from_db()
    assert entry.ip_address == "2001:db8::1"
    assert entry.user_agent == "Odd browser X-Injected: yes"
    assert audit_chain_breaks().intact


def test_a_failed_sign_in_with_control_characters_in_the_address_is_recorded(client):
    response = _sign_in(client, "a\x00b@example.org\r\n", "wrong")
    assert response.status_code == 200
    assert audit_chain_breaks().intact
