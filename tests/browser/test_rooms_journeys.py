"""A coordinator gives the programme its online rooms; a participant finds "Join" on the
online visit's page and the printable agenda; the visit page's JSON-LD breaks no CSP."""

import json

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, ProgrammeFactory
from tests.visits.feeds_scene import build_scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_joins_the_online_visits_room(page, live_server, settings):
    settings.SITE_URL = live_server.url
    programme = ProgrammeFactory()
    scene = build_scene(programme)
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    csp = []
    page.on(
        "console",
        lambda message: csp.append(message.text) if "Content Security" in message.text else None,
    )

    sign_in(page, coordinator)
    page.goto(f"/en/programmes/{programme.slug}/")
    page.get_by_role("link", name="Online rooms").click()
    assert_accessible(page)
    page.get_by_label("A meeting server's address (such as Jitsi Meet)").check()
    page.get_by_label("Room address").fill("http://meet.example.org/{room}")
    page.get_by_role("button", name="Save the online rooms").click()
    expect(page.get_by_text("The address must start with https://").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Room address").fill("https://meet.example.org/{room}")
    page.get_by_role("button", name="Save the online rooms").click()
    expect(page.get_by_text("The online rooms are saved.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, scene.lisbon)
    page.goto(f"/en/programmes/{programme.slug}/visits/{scene.visit.slug}/")
    join = page.get_by_role("link", name="Join Site visit")
    expect(join).to_have_attribute("href", f"https://meet.example.org/{_room(join)}")
    assert _room(join).startswith("heritage-walks-site-visit-")
    assert_accessible(page)
    event = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"

    page.get_by_role("link", name="Printable agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda: Heritage walks")
    expect(page.get_by_role("columnheader", name="Your time (Europe/Lisbon)")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    assert csp == []


def _room(link) -> str:
    return link.get_attribute("href").rsplit("/", 1)[1]
