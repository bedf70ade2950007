"""A coordinator's visits: the next round's visits, made without a plan, get one."""

import pytest
from playwright.sync_api import expect

from citypeers.demo.calls_open import load_open_call, next_round_load
from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, PlaceFactory, TemplateVersionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_gives_a_2027_demo_visit_a_plan_from_its_workspace(page):
    TemplateVersionFactory()  # the methodology's online template
    places = {
        name: PlaceFactory(name=name, country=code)
        for name, code in [("Tampere", "FI"), ("Kortrijk", "BE")]
    }
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    programme = next_round_load(coordinator)
    load_open_call(programme=programme, places=places, by=coordinator)
    tampere = Visit.objects.get(programme=programme, slug="tampere-2027")
    sign_in(page, coordinator)

    page.goto("/en/visits/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My visits")
    visit = page.get_by_role("region", name=tampere.title)
    expect(visit.get_by_text("This visit has no plan yet, so it has no tasks.")).to_be_visible()
    assert_accessible(page)
    visit.get_by_role("link", name=f"Workspace \N{EN DASH} {tampere.title}").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Workspace: {tampere.title}")
    assert_accessible(page)
    page.get_by_role("link", name="Give this visit a plan").click()

    # The planner, filled in from the visit: its first day and its four days.
    expect(page.get_by_label("First day of the visit")).to_have_value(tampere.starts_on.isoformat())
    expect(page.get_by_label("Days", exact=True)).to_have_value("4")
    assert_accessible(page)
    page.get_by_role("link", name=f"Give this plan to {tampere.title}").click()

    expect(page.get_by_text("gets 1 task, with its due date;")).to_be_visible()
    expect(page.get_by_text("gets a draft agenda of 4 days")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=f"Give this plan to {tampere.title}").click()

    expect(
        page.get_by_text("The visit is planned: its tasks and agenda are ready.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Close the call")).to_be_visible()
    expect(page.get_by_text("Give this visit a plan")).to_have_count(0)
    assert_accessible(page)
    tampere.refresh_from_db()
    assert tampere.plan.created_by == coordinator
