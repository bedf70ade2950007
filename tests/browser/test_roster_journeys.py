"""The visit's people: a participant fills the pre-visit questionnaire from the visit's page,
and the team finds the answer on the roster."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_answers_the_questionnaire_and_the_host_reads_it_on_the_roster(new_page):
    starts_on = timezone.localdate() + datetime.timedelta(days=20)
    visit = VisitFactory(
        title="Heritage walks in Tampere",
        host_place=PlaceFactory(name="Tampere", country="FI"),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=3),
    )
    host = MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user
    lisbon = OrganisationFactory(name="Lisboa Camões", place=PlaceFactory(name="Lisbon"))
    ana = UserFactory(display_name="Ana Sousa", organisation=lisbon, languages=["pt"])
    call = CallFactory(programme=visit.programme, visits=[visit])
    application = sent_application(call, ana, preferences=[visit])
    application.outcome, application.outcome_visit = "confirmed", visit
    application.save()

    page = new_page()
    sign_in(page, ana)
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    page.get_by_role("link", name="Pre-visit questionnaire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pre-visit questionnaire: Heritage walks in Tampere"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save my answers").click()  # nothing said yet
    expect(page.get_by_text("Say what you expect from the visit")).to_be_visible()
    assert_accessible(page)  # the error summary and the form
    page.get_by_label("What you expect from the visit").fill("How walks reach residents")
    page.get_by_label("A challenge you bring").fill("Our walks reach only tourists")
    page.get_by_label("Dietary needs").fill("Vegetarian")
    page.get_by_label("Share my name, organisation, city and challenge").check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    expect(page.get_by_label("A challenge you bring")).to_have_value(
        "Our walks reach only tourists"
    )
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    page.get_by_role("link", name="People on this visit").click()
    expect(page.get_by_role("heading", name="Ana Sousa")).to_be_visible()  # consented: shown
    expect(page.get_by_text("Vegetarian")).to_have_count(0)  # needs: the team's only
    assert_accessible(page)

    page = new_page()
    sign_in(page, host)
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/workspace/")
    page.get_by_role("link", name="People on this visit").click()
    table = page.get_by_role("table", name="2 people on this visit")
    row = table.get_by_role("row").filter(has_text="Ana Sousa")
    expect(row).to_contain_text("Lisboa Camões")
    expect(row).to_contain_text("Lisbon")
    expect(row).to_contain_text("Portuguese")
    expect(row).to_contain_text("Vegetarian")
    expect(row).to_contain_text(ana.email)
    expect(page.get_by_text("1 of 2 people answered.")).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text="Our walks reach only tourists")
    ).to_be_visible()
    assert_accessible(page)
