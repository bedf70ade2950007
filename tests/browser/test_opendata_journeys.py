"""A coordinator gives the programme's open data another licence from the programme's page; a
visitor finds it on the open data page (accessible, fits a 320 px phone) and downloads."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, ProgrammeFactory, PublishedPracticeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_chooses_the_licence_and_a_visitor_sees_it(new_page, live_server, settings):
    settings.SITE_URL = live_server.url
    programme = ProgrammeFactory(name="Heritage cities", slug="heritage-cities")
    PublishedPracticeFactory(title="Silk workshops reopened")
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user

    page = new_page()
    sign_in(page, coordinator)
    page.goto(f"/en/programmes/{programme.slug}/")
    page.get_by_role("link", name="Open data licence").click()
    assert_accessible(page)
    page.get_by_label("ODbL 1.0").check()
    page.get_by_role("button", name="Save the licence").click()
    expect(page.get_by_text("The open data licence is saved.")).to_be_visible()

    visitor = new_page()
    visitor.goto("/en/")
    visitor.get_by_role("link", name="Open data").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Open data")
    assert_accessible(visitor)
    row = visitor.get_by_role("row", name="Visits: Heritage cities")
    expect(row.get_by_role("link", name="ODbL 1.0")).to_be_visible()
    with visitor.expect_download() as download:
        visitor.locator('a[href="/data/practices.csv"]').click()
    assert download.value.suggested_filename == "citypeers-practices.csv"
    assert "Silk workshops reopened" in Path(download.value.path()).read_text(encoding="utf-8")
