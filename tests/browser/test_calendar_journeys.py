"""A participant subscribes to their calendar and downloads a visit's agenda as `.ics`."""

import datetime

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import ProgrammeFactory
from tests.visits.feeds_scene import LISBON, build_scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_subscribes_and_downloads_the_visits_ics(page, live_server, settings):
    settings.SITE_URL = live_server.url
    scene = build_scene(ProgrammeFactory())
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, scene.lisbon)

    page.goto("/en/visits/")
    page.get_by_role("link", name="Subscribe to your calendar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your calendar")
    assert_accessible(page)
    page.get_by_role("button", name="Create my subscription address").click()

    expect(page.get_by_text("Your calendar has a new address")).to_be_visible()
    address = page.get_by_label("For web calendars")
    url = address.input_value()
    assert url.startswith(f"{live_server.url}/en/calendar/") and url.endswith(".ics")
    webcal = page.get_by_label("For calendar apps").input_value()
    assert webcal == "webcal://" + url.split("://", 1)[1]
    assert_accessible(page)
    page.get_by_role("button", name="Copy the address").last.click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url

    # What a calendar app gets from the address: both sessions, at 09:00 in Lisbon.
    feed = page.request.get(url)
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    assert [e.decoded("DTSTART").astimezone(LISBON).hour for e in events] == [9, 9]

    page.goto(f"/en/programmes/{scene.visit.programme.slug}/visits/{scene.visit.slug}/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename == f"{scene.visit.slug}.ics"
    with open(download.value.path(), "rb") as file:
        events = icalendar.Calendar.from_ical(file.read()).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [
        datetime.datetime(2027, 3, 26, 9, tzinfo=datetime.UTC),
        datetime.datetime(2027, 3, 29, 8, tzinfo=datetime.UTC),
    ]
