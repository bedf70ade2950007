"""Light formats for small cities, as a coordinator uses them: planned without any call."""

import re

import pytest
from playwright.sync_api import expect

from citypeers.calls.models import Call
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.browser.test_methodology_journeys import a_monday_ahead, create_visit_from_plan
from tests.factories import MembershipFactory, PlaceFactory, ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_plans_a_two_day_bilateral_study_visit_for_three_visitors(page):
    load_methodology()
    programme = ProgrammeFactory(name="Small cities exchange")
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    PlaceFactory(name="Kortrijk", country="BE", population=79_000)
    assert not Call.objects.exists()  # no call for hosts or participants, now or later
    sign_in(page, coordinator)

    page.goto("/en/planner/")
    assert_accessible(page)
    template = page.get_by_role("group", name="Template")
    template.get_by_label("Bilateral study visit").check()
    page.get_by_label("First day of the visit").fill(a_monday_ahead(12).isoformat())
    page.get_by_label("Days", exact=True).fill("2")
    page.get_by_label("Participants", exact=True).fill("3")
    page.get_by_label("Topic").fill("Heritage in a small city")
    page.get_by_role("button", name="Plan").click()

    expect(page).to_have_url(re.compile(r"template=bilateral-study-visit"))
    expect(page.locator(".warning-group_size")).to_have_count(0)  # every format fits three
    expect(page.get_by_role("heading", name=re.compile(r"^Day \d"))).to_have_count(2)
    agenda = page.locator(".agenda")
    expect(agenda.first).to_contain_text("Site visit")
    expect(agenda.last).to_contain_text("Peer review clinic")
    expect(agenda.last).to_contain_text("Action planning")
    timeline = page.locator("section", has=page.get_by_role("heading", name="Timeline"))
    expect(timeline).not_to_contain_text("Call for participants")
    assert_accessible(page)

    create_visit_from_plan(
        page,
        programme="Small cities exchange",
        title="Heritage in Kortrijk",
        host="Kortrijk (BE)",
        template="Bilateral study visit",
    )
    expect(page.get_by_text("Send the briefing pack").first).to_be_visible()  # its tasks
    visit = Visit.objects.get(title="Heritage in Kortrijk")
    assert (visit.ends_on - visit.starts_on).days == 1  # two days
    assert visit.tasks.count() == 16 and visit.sessions.count() == 9
    assert not Call.objects.exists()
