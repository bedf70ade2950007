"""A coordinator makes an API token for the programme and a tool reads with it the programme's
visit not yet public, but not another programme's; the API's docs work under our CSP."""

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.api.scene import build_scene
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_api_token_reads_a_programmes_non_public_visit_and_is_refused_anothers(page, new_page):
    scene = build_scene()
    coordinator = MembershipFactory(programme=scene.programme, role=Role.COORDINATOR).user

    sign_in(page, coordinator)
    page.goto(f"/en/programmes/{scene.programme.slug}/api-tokens/")
    assert_accessible(page)
    page.get_by_label("Name").fill("Our dashboard")
    page.get_by_role("button", name="Make the token").click()
    expect(page.get_by_role("heading", name="Your new token")).to_be_visible()
    assert_accessible(page)
    secret = page.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("cp_")
    expect(page.get_by_role("cell", name="Our dashboard", exact=True)).to_be_visible()

    # A tool in a browser of its own (no cookie), and anyone else in another.
    tool, anyone = new_page().request, new_page().request
    with_token = {"Authorization": f"Bearer {secret}"}
    own = f"/api/v1/visits/{scene.programme.slug}/{scene.draft_visit.slug}/"
    other = f"/api/v1/visits/{scene.other.slug}/{scene.other_draft_visit.slug}/"
    response = tool.get(own, headers=with_token)
    assert response.status == 200
    body = response.json()
    assert body["agenda_published"] is False
    assert [session["title"] for session in body["sessions"]] == ["Draft opening"]
    assert tool.get(other, headers=with_token).status == 404
    assert anyone.get(own).status == 404
    # The coordinator's own browser session gives the API nothing either.
    assert page.request.get(own).status == 404

    page.get_by_role("link", name="Revoke Our dashboard").click()
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.get_by_text("Token “Our dashboard” revoked.")).to_be_visible()
    refused = tool.get(own, headers=with_token)
    assert refused.status == 401 and refused.headers["www-authenticate"].startswith("Bearer")


def test_the_api_docs_render_from_our_own_files_without_breaking_the_csp(page, live_server):
    csp, outside = [], []
    page.on(
        "console",
        lambda message: csp.append(message.text) if "Content Security" in message.text else None,
    )
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else outside.append(request.url)
        ),
    )
    page.goto("/en/")
    page.get_by_role("link", name="API", exact=True).click()
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("citypeers API")
    expect(page.get_by_text("/api/v1/practices/", exact=True).first).to_be_visible()
    assert csp == [] and outside == []
