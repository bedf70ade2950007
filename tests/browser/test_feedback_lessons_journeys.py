"""The methodology learns from a visit: the host records a lesson on a format the agenda used,
a coordinator proposes a change from it and marks it adopted, and the format's public page
shows the lesson and the change with the visit that motivated it."""

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import ActivityFormatFactory, MembershipFactory
from tests.feedback.lessons_scene import rate, session_in, team_member, visit_under_way

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_hosts_lesson_becomes_an_adopted_change_on_the_format_page(new_page):
    walk = ActivityFormatFactory(name_en="Neighbourhood walk", slug="neighbourhood-walk")
    visit = visit_under_way(title="Porto markets")
    rate(session_in(visit, walk, minutes=90), 4, 5, 3)
    host = team_member(visit, Role.HOST)
    coordinator = MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user

    page = new_page()
    sign_in(page, host)
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    page.get_by_role("link", name="Lessons for the methodology").click()
    expect(page.get_by_text("4.0 out of 5 (3 ratings)")).to_be_visible()
    save = page.get_by_role("button", name="Save the lesson on Neighbourhood walk")
    save.click()  # nothing written
    expect(page.get_by_text("Write at least one of the three.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What did not work").fill("Ninety minutes on foot tired everyone")
    page.get_by_label("What worked").fill("Talking to stallholders")
    save.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("The lesson is saved.")).to_be_visible()
    page.get_by_role("link", name="Methodology test report").click()
    expect(page.get_by_text("Ninety minutes on foot tired everyone")).to_be_visible()
    assert_accessible(page)

    page = new_page()
    sign_in(page, coordinator)
    page.goto("/en/methodology/proposals/")
    page.get_by_role("link", name="From the lessons on Neighbourhood walk").click()
    page.get_by_role("button", name="Propose the change").click()  # nothing filled
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title").fill("Walk for an hour at most")
    page.get_by_label("Why").fill("Porto's team found ninety minutes too long")
    page.get_by_label("The proposed change").fill("At most 60 minutes, with a seated stop")
    page.get_by_label("Porto markets").check()
    page.get_by_role("button", name="Propose the change").click()
    expect(page.get_by_text("The proposal is made.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Note").fill("Steps shortened to 60 minutes")
    page.get_by_role("button", name="Mark adopted").click()
    expect(page.get_by_text("The decision is saved.")).to_be_visible()
    expect(page.get_by_text("Adopted", exact=True)).to_be_visible()

    page = new_page()
    page.goto("/en/methodology/formats/neighbourhood-walk/")
    evidence = page.get_by_role("region", name="Evidence from visits")
    expect(evidence.get_by_role("link", name="Porto markets").first).to_be_visible()
    expect(evidence.get_by_text("Ninety minutes on foot tired everyone")).to_be_visible()
    changes = page.get_by_role("region", name="Changes made from visits")
    expect(changes.get_by_text("Walk for an hour at most")).to_be_visible()
    expect(changes.get_by_role("link", name="Porto markets")).to_be_visible()
    assert_accessible(page)
