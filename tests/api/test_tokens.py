"""A programme's token reads its data not yet public, never another programme's, never anyone's
personal data; a bad token is refused with 401."""

import datetime

import pytest
from django.utils import timezone

from citypeers.api.models import ApiToken
from citypeers.api.services import api_token_create, api_token_revoke
from citypeers.core.models import AuditEntry
from tests.api.conftest import bearer
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_token_reads_its_programmes_draft_agenda_with_team_resources(client, scene):
    url = f"/api/v1/visits/{scene.programme.slug}/ghent/"
    assert client.get(url).status_code == 404
    response = client.get(url, **bearer(scene.token))
    assert response.status_code == 200
    body = response.json()
    assert body["agenda_published"] is False
    assert [s["title"] for s in body["sessions"]] == ["Draft opening"]
    public = client.get(f"/api/v1/visits/{scene.programme.slug}/porto/", **bearer(scene.token))
    titles = [r["title"] for r in public.json()["sessions"][0]["resources"]]
    assert titles == ["public slides", "visit slides", "team slides"]


def test_a_token_never_reads_another_programmes_data(client, scene):
    secret = f"/api/v1/visits/{scene.other.slug}/secret/"
    assert client.get(secret, **bearer(scene.token)).status_code == 404
    assert client.get("/api/v1/calls/other-draft-call/", **bearer(scene.token)).status_code == 404
    assert (
        client.get(f"/api/v1/reports/{scene.other.slug}/secret/", **bearer(scene.token)).status_code
        == 404
    )
    listed = client.get("/api/v1/visits/", **bearer(scene.other_token)).json()
    assert sorted(v["slug"] for v in listed["results"]) == ["porto", "secret"]


def test_a_token_lists_its_draft_calls_and_unpublished_reports(client, scene):
    calls = client.get("/api/v1/calls/", **bearer(scene.token)).json()
    assert sorted(c["slug"] for c in calls["results"]) == ["draft-call", "open-call"]
    report = client.get(f"/api/v1/reports/{scene.programme.slug}/ghent/", **bearer(scene.token))
    assert report.json()["status"] == "draft" and report.json()["pdf_url"] is None
    assert report.json()["sections"] == {"summary": "Ghent report text."}


def test_a_token_reads_no_personal_data(client, scene):
    for path in (
        "practices/",
        f"visits/{scene.programme.slug}/porto/",
        "calls/",
        "reports/",
        f"practices/{scene.practice.slug}/",
    ):
        body = client.get(f"/api/v1/{path}", **bearer(scene.token)).content.decode()
        assert "Private Person" not in body and "private@example.org" not in body


@pytest.mark.parametrize("how", ["unknown", "revoked", "expired", "not bearer"])
def test_a_bad_token_gets_401_with_www_authenticate(client, scene, how):
    header = f"Bearer {scene.token}"
    token = ApiToken.objects.get(programme=scene.programme)
    if how == "unknown":
        header = "Bearer cp_nothing"
    elif how == "revoked":
        api_token_revoke(token=token, by=None)
    elif how == "expired":
        token.expires_at = timezone.now() - datetime.timedelta(seconds=1)
        token.save()
    else:
        header = f"Basic {scene.token}"
    response = client.get("/api/v1/visits/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "detail" in response.json()


def test_a_signed_in_coordinator_gets_nothing_more_without_a_token(client, scene):
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, programme=scene.programme, role="coordinator")
    client.force_login(coordinator)
    assert client.get(f"/api/v1/visits/{scene.programme.slug}/ghent/").status_code == 404


def test_only_the_secrets_digest_is_kept_and_its_use_is_noted_once_a_minute(client, scene):
    token, secret = api_token_create(programme=scene.programme, name="Kiosk", by=None)
    assert secret.startswith("cp_") and secret not in str(
        ApiToken.objects.filter(pk=token.pk).values().get()
    )
    client.get("/api/v1/themes/", **bearer(secret))
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    client.get("/api/v1/practices/", **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at == first


def _coordinator_client(client, scene):
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, programme=scene.programme, role="coordinator")
    client.force_login(coordinator)
    return coordinator


def test_the_tokens_page_shows_a_new_secret_once_and_it_reads_the_api(client, scene):
    _coordinator_client(client, scene)
    page = f"/en/programmes/{scene.programme.slug}/api-tokens/"
    response = client.post(page, {"name": "Website", "expires_on": ""})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert secret not in client.get(page).content.decode()
    api = client.get(f"/api/v1/visits/{scene.programme.slug}/ghent/", **bearer(secret))
    assert api.status_code == 200
    assert AuditEntry.objects.filter(action="api_token.created").exists()


def test_a_past_expiry_day_is_refused_at_the_field_keeping_the_name(client, scene):
    _coordinator_client(client, scene)
    page = f"/en/programmes/{scene.programme.slug}/api-tokens/"
    response = client.post(page, {"name": "Website", "expires_on": "2020-01-01"})
    assert response.status_code == 400
    assert "Choose a day after today." in response.content.decode()
    assert 'value="Website"' in response.content.decode()


def test_revoking_asks_first_then_the_token_stops_working(client, scene):
    _coordinator_client(client, scene)
    token = ApiToken.objects.get(programme=scene.programme)
    url = f"/en/programmes/{scene.programme.slug}/api-tokens/{token.pk}/revoke/"
    assert "Revoke the token" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.post(url).status_code == 302
    assert client.get("/api/v1/visits/", **bearer(scene.token)).status_code == 401
    assert AuditEntry.objects.filter(action="api_token.revoked").exists()


def test_another_programmes_token_cannot_be_revoked_from_this_programmes_page(client, scene):
    _coordinator_client(client, scene)
    other = ApiToken.objects.get(programme=scene.other)
    url = f"/en/programmes/{scene.programme.slug}/api-tokens/{other.pk}/revoke/"
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None


def test_guessing_tokens_is_counted_against_the_address(client, scene, settings):
    settings.API_RATE_LIMIT_ANONYMOUS = (2, 60)
    statuses = [
        client.get("/api/v1/themes/", HTTP_AUTHORIZATION=f"Bearer cp_guess{n}").status_code
        for n in range(3)
    ]
    assert statuses == [401, 401, 429]
