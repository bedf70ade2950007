"""A coordinator reads who did what in their programme, filters it and downloads it."""

import pytest
from playwright.sync_api import expect

from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from citypeers.programmes.services import membership_add
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, ProgrammeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_reads_filters_and_downloads_the_programmes_trail(new_page):
    programme = ProgrammeFactory(name="Heritage Cities")
    coordinator = MembershipFactory(
        programme=programme, role=Role.COORDINATOR, user=UserFactory(display_name="Kaisa Coord")
    ).user
    aino = UserFactory(display_name="Aino Virtanen")
    membership_add(programme=programme, email=aino.email, role="host", by=coordinator)

    page = new_page()
    sign_in(page, coordinator)
    page.goto(f"/en/programmes/{programme.slug}/")
    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    expect(page.get_by_text("The trail verifies")).to_be_visible()
    expect(page.get_by_role("cell", name="membership.added")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("From").fill("2026-03-05")
    page.get_by_label("Until").fill("2026-03-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("The end comes before the start.").first).to_be_visible()
    assert_accessible(page)  # the error summary and the filters

    page.get_by_label("From").fill("2099-01-01")
    page.get_by_label("Until").fill("")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("No entry matches these filters.")).to_be_visible()
    page.get_by_role("link", name="Show everything").click()
    page.get_by_label("Kind of action").select_option(label="Roles")
    page.get_by_label("Person").select_option(label="Kaisa Coord")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("cell", name="membership.added")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    assert download.value.suggested_filename == f"{programme.slug}-audit.csv"
    assert AuditEntry.objects.filter(action="export.audit", actor=coordinator).exists()
