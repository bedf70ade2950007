"""A coordinator writes a news item and schedules it a few seconds ahead; a visitor's news list
does not show it until its time has come, then does, with no job run in between."""

import datetime
import time
import zoneinfo

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "The Tampere call is open"


def test_a_scheduled_news_item_appears_to_visitors_when_its_time_comes(new_page):
    programme = ProgrammeFactory(name="Heritage Peers 2027")
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    coordinator.time_zone = "Europe/Helsinki"
    coordinator.save()

    page = new_page()
    sign_in(page, coordinator)
    page.goto("/en/news/manage/")
    page.get_by_role("link", name="Write a news item").click()
    page.get_by_role("button", name="Save the draft").click()  # empty: the summary says so
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("Apply by 30 June to host or join a visit.")
    page.get_by_label("Text").fill("The call is **open**.\n\n<script>alert(1)</script>")
    page.get_by_label("Programme").select_option(label="Heritage Peers 2027")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_text("In your time zone: Europe/Helsinki.")).to_be_visible()

    helsinki = zoneinfo.ZoneInfo("Europe/Helsinki")
    at = datetime.datetime.now(helsinki).replace(microsecond=0) + datetime.timedelta(seconds=6)
    page.get_by_label("Publish at").fill(at.strftime("%Y-%m-%dT%H:%M:%S"))
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_text("Scheduled.")).to_be_visible()
    expect(page.get_by_text("Scheduled for")).to_be_visible()

    visitor = new_page()
    visitor.goto("/en/news/")
    expect(visitor.get_by_text("No news yet.")).to_be_visible()
    assert visitor.get_by_role("link", name=TITLE).count() == 0

    deadline = time.monotonic() + 30
    while visitor.get_by_role("link", name=TITLE).count() == 0:
        assert time.monotonic() < deadline, "the scheduled item never appeared"
        visitor.wait_for_timeout(1000)
        visitor.reload()
    assert datetime.datetime.now(helsinki) >= at
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".prose strong")).to_have_text("open")
    assert visitor.locator(".prose script").count() == 0
    assert_accessible(visitor)
