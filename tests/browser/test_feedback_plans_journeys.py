"""A participant writes a transfer action plan after the visit, with two steps, and six months
later marks one of them done, with its evidence."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.feedback.models import ActionPlan
from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, VisitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ended(visit, *, days_ago: int) -> None:
    last_day = timezone.localdate() - datetime.timedelta(days=days_ago)
    Visit.objects.filter(pk=visit.pk).update(starts_on=last_day, ends_on=last_day)


def test_a_participant_writes_a_plan_and_follows_it_up_six_months_later(new_page):
    visit = VisitFactory(title="Heritage walks")
    ended(visit, days_ago=1)
    participant = MembershipFactory(
        programme=visit.programme, visit=visit, role=Role.PARTICIPANT
    ).user

    page = new_page()
    sign_in(page, participant)
    page.get_by_role("link", name="Write your transfer action plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your transfer action plan")
    assert_accessible(page)
    page.get_by_role("button", name="Submit the plan").click()  # nothing written yet
    expect(page.get_by_text("Add at least one step before you submit the plan.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("What I learnt from the practice").fill("Empty shops can host labs")
    page.get_by_label("My own challenge").fill("Our high street is half empty")
    page.get_by_label("What I will adapt, and why").fill("Shorter leases: our owners are wary")
    page.get_by_label("What", exact=True).nth(0).fill("Map the empty shops")
    page.get_by_role("button", name="Add a step").click()
    expect(page.get_by_label("What", exact=True).nth(0)).to_have_value("Map the empty shops")
    page.get_by_label("What", exact=True).nth(1).fill("Meet the owners")
    page.get_by_label("Who (a person or a unit)").nth(1).fill("Economy unit")
    page.get_by_label("Share with the host").check()
    assert_fits_phone(page)
    page.get_by_role("button", name="Submit the plan").click()
    expect(page.get_by_text("Your plan is submitted.")).to_be_visible()
    plan = ActionPlan.objects.get(person=participant)
    assert plan.is_submitted and plan.steps.count() == 2

    ended(visit, days_ago=200)  # six months on
    page.goto("/en/me/")
    page.get_by_role("link", name="Update your action plan (six-month follow-up)").click()
    expect(page.get_by_label("Where it stands").nth(0)).to_be_visible()  # the page has come
    assert_accessible(page)
    page.get_by_label("Where it stands").nth(0).select_option(label="Done")
    page.get_by_label("Evidence").nth(0).fill("The map is on the city's website")
    page.get_by_label("Link to evidence").nth(0).fill("https://example.org/empty-shops")
    assert_fits_phone(page)
    page.get_by_role("button", name="Save the follow-up").click()
    expect(page.get_by_text("Your follow-up is saved.")).to_be_visible()
    assert_accessible(page)
    step = plan.steps.get(what="Map the empty shops")
    assert step.status == "done" and step.updates.count() == 1
    page.goto("/en/me/")
    expect(page.get_by_text("Update your action plan")).to_have_count(0)
