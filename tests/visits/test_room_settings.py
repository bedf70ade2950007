"""A programme's online rooms: its coordinators choose the provider on `programmes:rooms`; the
rooms core's refusals land at their field; BigBlueButton's secret is never shown back."""

import pytest
from django.urls import reverse

from citypeers.core.models import AuditEntry
from citypeers.programmes.models import RoomProvider
from citypeers.visits.forms import RoomSettingsForm

pytestmark = pytest.mark.django_db

SECRET = "8cd8ef52e8e101574e400365b55e11a6"


def _post(client, programme, **data):
    fields = {
        "provider": "none",
        "url_template": "",
        "api_url": "",
        "secret": "",
        "checksum_algorithm": "sha1",
    }
    return client.post(reverse("programmes:rooms", args=[programme.slug]), fields | data)


def test_a_coordinator_chooses_a_meeting_servers_address(client, programme, coordinator):
    client.force_login(coordinator)
    response = _post(
        client, programme, provider="url_template", url_template="https://meet.example.org/{room}"
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.room_provider == RoomProvider.URL_TEMPLATE
    assert programme.room_url_template == "https://meet.example.org/{room}"
    entry = AuditEntry.objects.get(action="programme.rooms_changed")
    assert entry.changes["room_url_template"] == "https://meet.example.org/{room}"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"provider": "url_template", "url_template": "https://meet.example.org/"},
            "url_template",
            "Put {room} in the address",
        ),
        (
            {"provider": "url_template", "url_template": "http://meet.example.org/{room}"},
            "url_template",
            "must start with https://",
        ),
        (
            {"provider": "bigbluebutton", "api_url": "https://bbb.example.org/bigbluebutton/"},
            "secret",
            "shared secret",
        ),
        (
            {"provider": "bigbluebutton", "api_url": "ftp://bbb.example.org/", "secret": SECRET},
            "api_url",
            "must start with https://",
        ),
    ],
    ids=["no placeholder", "not https", "no secret", "API not https"],
)
def test_the_rooms_cores_refusal_is_shown_at_its_field(
    client, programme, coordinator, data, field, message
):
    client.force_login(coordinator)
    response = _post(client, programme, **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    programme.refresh_from_db()
    assert programme.room_provider == RoomProvider.NONE


def test_the_stored_secret_is_never_shown_and_kept_when_left_empty(client, programme, coordinator):
    client.force_login(coordinator)
    api = "https://bbb.example.org/bigbluebutton/"
    assert _post(client, programme, provider="bigbluebutton", api_url=api, secret=SECRET)
    page = client.get(reverse("programmes:rooms", args=[programme.slug])).content.decode()
    assert SECRET not in page
    assert "A secret is set." in page
    # The address changes, the secret is not retyped: it stays.
    other = "https://bbb2.example.org/bigbluebutton/api"
    response = _post(client, programme, provider="bigbluebutton", api_url=other)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.bbb_api_url, programme.bbb_secret) == (other, SECRET)


def test_a_new_secret_replaces_the_old_one_and_the_audit_masks_it(client, programme, coordinator):
    programme.room_provider, programme.bbb_secret = RoomProvider.BIGBLUEBUTTON, SECRET
    programme.bbb_api_url = "https://bbb.example.org/bigbluebutton/api"
    programme.save()
    client.force_login(coordinator)
    response = _post(
        client,
        programme,
        provider="bigbluebutton",
        api_url=programme.bbb_api_url,
        secret="a-new-secret",
        checksum_algorithm="sha256",
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.bbb_secret, programme.bbb_checksum_algorithm) == ("a-new-secret", "sha256")
    changes = AuditEntry.objects.get(action="programme.rooms_changed").changes
    assert changes["bbb_secret"] == "***"
    assert "a-new-secret" not in str(changes)


def test_the_form_says_no_secret_is_set_for_a_programme_without_one(programme):
    form = RoomSettingsForm(programme=programme)
    assert "A secret is set" not in str(form["secret"].help_text)
    assert form.initial["provider"] == RoomProvider.NONE


def test_the_programmes_page_links_the_settings_for_its_coordinators_only(
    client, programme, coordinator
):
    url = reverse("programmes:rooms", args=[programme.slug])
    assert url not in client.get(programme.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    assert url in client.get(programme.get_absolute_url()).content.decode()
