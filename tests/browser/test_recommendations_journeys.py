"""Recommendations for the host: the team adds one during the visit, the host answers it a
month after, a participant reads both; the pack is linked from the visit's page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, VisitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_team_recommends_the_host_answers_later_and_a_participant_reads_it(new_page):
    today = timezone.localdate()
    visit = VisitFactory(title="Heritage walks", starts_on=today, ends_on=today)
    people = {
        role: MembershipFactory(programme=visit.programme, visit=visit, role=role).user
        for role in (Role.RAPPORTEUR, Role.HOST, Role.PARTICIPANT)
    }
    address = f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/"

    page = new_page()
    sign_in(page, people[Role.RAPPORTEUR])
    page.goto(address)
    page.get_by_role("link", name="Recommendations for the host").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add", exact=True).click()  # nothing written
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Recommendation").fill("Map the empty shops with residents")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("The recommendation is added.")).to_be_visible()

    last_month = today - datetime.timedelta(days=30)
    Visit.objects.filter(pk=visit.pk).update(starts_on=last_month, ends_on=last_month)
    page = new_page()
    sign_in(page, people[Role.HOST])
    page.goto(address + "recommendations/")
    page.get_by_label("Status").select_option(label="Partly adopted")
    page.get_by_label("Your answer").fill("Two streets mapped so far")
    page.get_by_role("button", name="Save the answer to recommendation 1").click()
    expect(page.get_by_text("Your answer is saved.")).to_be_visible()
    assert_accessible(page)

    page = new_page()
    sign_in(page, people[Role.PARTICIPANT])
    page.goto(address)
    expect(page.get_by_role("link", name="Participant pack (PDF)")).to_be_visible()
    page.get_by_role("link", name="Recommendations for the host").click()
    expect(page.get_by_text("Map the empty shops with residents")).to_be_visible()
    expect(page.get_by_text("Partly adopted")).to_be_visible()
    expect(page.get_by_text("Two streets mapped so far")).to_be_visible()
    expect(page.get_by_role("button", name="Add", exact=True)).to_have_count(0)
    assert_accessible(page)
    assert_fits_phone(page)
