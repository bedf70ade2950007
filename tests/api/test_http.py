"""What every read of the API answers beside its data: validators and 304, cache and CORS
headers, 429 with Retry-After, JSON errors, the OpenAPI 3.1 document and the docs."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from citypeers.api.middleware import HeadAsGetMiddleware
from citypeers.catalogue.models import Practice
from citypeers.catalogue.services import practice_publish
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_every_read_has_validators_and_public_caching(client, scene):
    response = client.get("/api/v1/practices/")
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60"
    assert {"Authorization", "Origin"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_token_reader_gets_private_caching_and_another_etag(client, scene):
    public = client.get("/api/v1/visits/")
    private = client.get("/api/v1/visits/", **bearer(scene.token))
    assert private["Cache-Control"].startswith("private")
    assert private["ETag"] != public["ETag"]
    again = client.get("/api/v1/visits/", HTTP_IF_NONE_MATCH=private["ETag"])
    assert again.status_code == 200, "the public never gets a 304 for what a token saw"


def test_a_conditional_request_gets_304_without_a_database_query(client, scene):
    first = client.get("/api/v1/practices/?page_size=10")
    with CaptureQueriesContext(connection) as queries:
        by_tag = client.get("/api/v1/practices/?page_size=10", HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(
            "/api/v1/practices/?page_size=10", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        )
    assert by_tag.status_code == by_date.status_code == 304
    assert by_tag["ETag"] == first["ETag"] and by_tag.content == b""
    assert len(queries) == 0
    other_page = client.get("/api/v1/practices/?page_size=5", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_page.status_code == 200


def test_a_change_through_a_service_gives_a_new_etag(
    client, scene, django_capture_on_commit_callbacks
):
    before = client.get("/api/v1/practices/")
    draft = scene.draft_practice
    Practice.objects.filter(pk=draft.pk).update(status="submitted")
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        practice_publish(practice=draft, by=None)
    after = client.get("/api/v1/practices/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"] and after.json()["count"] == 2


def test_over_the_limit_a_reader_gets_429_with_retry_after(client, scene, settings):
    settings.API_RATE_LIMIT_ANONYMOUS = (2, 60)
    settings.API_RATE_LIMIT_TOKEN = (3, 60)
    statuses = [client.get("/api/v1/themes/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = client.get("/api/v1/themes/")
    assert 1 <= int(limited["Retry-After"]) <= 60 and "detail" in limited.json()
    # A token counts apart from the address.
    assert client.get("/api/v1/themes/", **bearer(scene.token)).status_code == 200


def test_cors_lets_any_site_read_without_credentials(client, scene):
    response = client.get("/api/v1/themes/", HTTP_ORIGIN="https://example.net")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/themes/",
        HTTP_ORIGIN="https://example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight.status_code == 200
    assert "authorization" in preflight["Access-Control-Allow-Headers"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/en/", HTTP_ORIGIN="https://example.net")
    assert "Access-Control-Allow-Origin" not in page


def test_unknown_addresses_under_the_api_answer_json_404(client, db):
    response = client.get("/api/v1/nothing/here/")
    assert response.status_code == 404 and response.json()["detail"]


def test_the_schema_is_openapi_3_1_with_the_token_scheme_and_429(client, db):
    schema = client.get("/api/v1/schema/").json()
    assert schema["openapi"].startswith("3.1")
    assert schema["components"]["securitySchemes"]["ApiToken"]["scheme"] == "bearer"
    operation = schema["paths"]["/api/v1/practices/"]["get"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert {"304", "401", "404", "422"} <= set(operation["responses"])


def test_the_docs_are_served_from_our_static_files_under_our_csp(client, db):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_footer_links_the_api_docs(client, db):
    assert 'href="/api/v1/docs/"' in client.get("/en/").content.decode()


def test_conditional_requests_answered_304_are_not_counted_by_the_rate_limit(
    client, scene, settings
):
    settings.API_RATE_LIMIT_ANONYMOUS = (1, 60)
    first = client.get("/api/v1/themes/")
    statuses = {
        client.get("/api/v1/themes/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        for _ in range(3)
    }
    assert statuses == {304}
    assert client.get("/api/v1/themes/?page=2").status_code == 429


def test_calls_and_news_change_their_etag_with_the_minute_as_time_opens_calls(
    client, scene, monkeypatch
):
    first = client.get("/api/v1/calls/")
    monkeypatch.setattr("time.time", lambda: 4_000_000_000.0)
    assert client.get("/api/v1/calls/")["ETag"] != first["ETag"]
    assert client.get("/api/v1/themes/")["ETag"] == client.get("/api/v1/themes/")["ETag"]


def test_head_gives_the_headers_of_the_get_without_its_body(client, scene):
    get = client.get("/api/v1/practices/")
    head = client.head("/api/v1/practices/")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == str(len(get.content))
    assert client.head("/api/v1/practices/", HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304


def test_head_is_answered_as_a_get_with_the_body_left_out():
    seen = []

    def view(request):
        seen.append(request.method)
        return HttpResponse(b'{"count": 0}', content_type="application/json")

    answer = HeadAsGetMiddleware(view)(RequestFactory().head("/api/v1/themes/"))
    assert seen == ["GET"]
    assert answer.content == b"" and answer["Content-Length"] == "12"
    elsewhere = HeadAsGetMiddleware(view)(RequestFactory().head("/en/library/"))
    assert seen[-1] == "HEAD" and elsewhere.content == b'{"count": 0}'
