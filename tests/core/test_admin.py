import pytest
from django.urls import reverse

from citypeers.core.audit import log_action
from tests.core.test_mail import send_through_outbox
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_sent_mail_can_be_read_in_the_admin_but_not_written(admin_client):
    send_through_outbox("Your role in CHiA")
    listing = admin_client.get(reverse("admin:core_outboxmessage_changelist")).text
    assert "Your role in CHiA" in listing
    assert reverse("admin:core_outboxmessage_add") not in listing
    assert admin_client.get(reverse("admin:core_outboxmessage_add")).status_code == 403


def test_the_audit_trail_is_read_only_in_the_admin(admin_client):
    entry = log_action(PlaceFactory(name="Vantaa", country="FI"), "place.created")
    change_url = reverse("admin:core_auditentry_change", args=[entry.pk])
    page = admin_client.get(change_url).text
    assert "place.created Vantaa (FI)" in page
    assert 'name="_save"' not in page
    assert admin_client.post(change_url, {"action": "forged"}).status_code == 403
    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    entry.refresh_from_db()
    assert entry.action == "place.created"


def test_the_audit_trail_cannot_be_deleted_from_the_admin_one_by_one_or_in_bulk(admin_client):
    entry = log_action(PlaceFactory(name="Vantaa", country="FI"), "place.created")
    delete_url = reverse("admin:core_auditentry_delete", args=[entry.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    listing_url = reverse("admin:core_auditentry_changelist")
    assert "delete_selected" not in admin_client.get(listing_url).text
    admin_client.post(
        listing_url, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )
    entry.refresh_from_db()
    assert entry.action == "place.created"
