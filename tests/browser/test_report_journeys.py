"""The visit's report: the rapporteur drafts it from the prefilled version, the host comments
on a section during the factual check, the rapporteur corrects it and marks it final, the
coordinator publishes it, and the public finds it in the library."""

import datetime

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, VisitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_report_is_drafted_checked_published_and_found(new_page):
    day = datetime.date(2026, 5, 12)
    visit = VisitFactory(title="Living quays", starts_on=day, ends_on=day)
    people = {
        role: MembershipFactory(programme=visit.programme, visit=visit, role=role).user
        for role in (Role.RAPPORTEUR, Role.HOST)
    }
    coordinator = MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user
    address = f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/"

    page = new_page()
    sign_in(page, people[Role.RAPPORTEUR])
    page.goto(address)
    page.get_by_role("link", name="Start the visit's report").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start the report").click()
    expect(page.get_by_text("The report is started")).to_be_visible()
    page.get_by_label("Title").fill("")  # a title is needed: the error summary says so
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Title: This field is required.").click()
    expect(page.get_by_label("Title")).to_be_focused()
    page.keyboard.type("Quays that came back to life")
    page.get_by_label("Executive summary").fill("The harbour market reopened in **2019**.")
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    page.get_by_role("button", name="Send to the host for a factual check").click()
    expect(page.get_by_text("Sent to the host for the factual check.")).to_be_visible()

    page = new_page()
    sign_in(page, people[Role.HOST])
    page.goto(address + "report/")
    page.get_by_role("link", name="Comment on the report").click()
    page.get_by_label("Section").select_option(label="Executive summary")
    page.get_by_label("Your comment").fill("It reopened in 2018, not 2019.")
    page.get_by_role("button", name="Save the comment").click()
    expect(page.get_by_text("Your comment is saved.")).to_be_visible()
    assert_accessible(page)

    page = new_page()
    sign_in(page, people[Role.RAPPORTEUR])
    page.goto(address + "report/edit/")
    page.get_by_label("Executive summary").fill("The harbour market reopened in **2018**.")
    page.get_by_role("button", name="Save a new version").click()
    page.get_by_role("link", name="Versions").click()
    page.get_by_role("link", name="What changed from version 2 to 3").click()
    expect(page.locator("del").first).to_contain_text("removed:")
    expect(page.locator("ins").first).to_contain_text("added:")
    assert_accessible(page)
    page.goto(address + "report/comments/")
    page.get_by_role("button", name="Mark resolved").click()
    expect(page.get_by_text("The comment is marked resolved.")).to_be_visible()
    page.goto(address + "report/")
    page.get_by_role("button", name="Mark final").click()
    expect(page.get_by_text("The report is final.")).to_be_visible()

    page = new_page()
    sign_in(page, coordinator)
    page.goto(address + "report/")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The report is published.")).to_be_visible()

    page = new_page()
    page.goto("/en/library/?q=harbour+market")
    expect(page.get_by_text("1 visit report found")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Quays that came back to life").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quays that came back to life")
    expect(page.locator("strong", has_text="2018")).to_be_visible()
    expect(page.get_by_text("Where the report stands")).to_have_count(0)
    assert_accessible(page)
    expect(page.get_by_role("link", name="Download the report (PDF)")).to_be_visible()
