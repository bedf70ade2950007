"""The coordinator opens the programme's impact page from /me/ and reads the figures, the map
and the quotes, then a visit's."""

import pytest
from playwright.sync_api import expect

from citypeers.feedback.selectors.impact import impact_count
from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory
from tests.feedback.impact_scene import impact_scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_reads_the_programmes_impact_from_me(new_page):
    programme, visits = impact_scene(people=5, visits=2)
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    impact = impact_count(programme).whole

    page = new_page()
    sign_in(page, coordinator)
    page.get_by_role("link", name=f"The programme's impact · {programme.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Impact: {programme.name}")
    facts = page.locator("#impact-plan-facts")
    expect(facts).to_contain_text(
        f"{impact.plans.plans_submitted} of {impact.participants} participants"
    )
    expect(facts).to_contain_text(f"{impact.plans.steps_done} of {impact.plans.steps_total}")

    # The map is drawn (an SVG image that loaded), with its numbers in the table beside it.
    map_image = page.locator("#impact-map")
    assert "Map of Europe" in map_image.get_attribute("alt")
    # Waited for: a busy machine loads the map's SVG after the page.
    page.wait_for_function(
        "() => { const map = document.getElementById('impact-map');"
        " return map.complete && map.naturalWidth > 0; }"
    )
    first = impact.countries[0]
    expect(page.locator("#impact-countries tbody tr").first).to_contain_text(first.name)
    expect(page.locator("#impact-countries tbody tr")).to_have_count(len(impact.countries))

    quote = impact.quotes[0]
    expect(page.get_by_text(quote.text)).to_be_visible()
    expect(page.get_by_role("heading", name="1. Reaction")).to_be_visible()
    expect(page.get_by_role("heading", name="4. Results")).to_be_visible()
    expect(page.get_by_text("Anna Secret")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=visits[0].title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Impact: {visits[0].title}")
    assert_accessible(page)
