"""Each role's way in from their own page, `/me/`, on a 320 px wide phone."""

import datetime

import pytest
from playwright.sync_api import expect

from citypeers.calls.models import Application, Criterion
from citypeers.calls.services.review import reviewers_assign
from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.calls.helpers import close
from tests.factories import (
    CallFactory,
    MembershipFactory,
    ProgrammeFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_goes_from_my_page_to_scoring_in_two_clicks(page):
    call = CallFactory(title="Call for participants 2027", reviewers_per_application=1)
    Criterion.objects.create(call=call, name="Motivation", scale_max=5, weight=1)
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    reviewer = MembershipFactory(programme=call.programme, role=Role.REVIEWER).user
    sent_application(call, UserFactory(display_name="Aino Applicant"), motivation="Peers.")
    close(call)
    reviewers_assign(call=call, by=coordinator)
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, reviewer)  # signing in lands on /me/
    expect(page.get_by_text("1 of 1 applications still to score")).to_be_visible()
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px
    page.get_by_role("link", name="Review the applications of Call for participants 2027").click()
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px
    page.get_by_role("link", name="Aino Applicant").click()
    expect(page.get_by_role("button", name="Save the scores")).to_be_visible()
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px


def test_a_participant_selected_in_2021_finds_their_visit_from_my_page(page):
    programme = ProgrammeFactory(
        name="Heritage & Cities 2021",
        starts_on=datetime.date(2021, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    vantaa = VisitFactory(
        programme=programme,
        title="Heritage walks in Vantaa",
        starts_on=datetime.date(2021, 3, 22),
        ends_on=datetime.date(2021, 3, 24),
    )
    call = close(CallFactory(programme=programme, visits=[vantaa]))
    person = UserFactory(display_name="Petra", languages=["en"])
    Application.objects.create(
        call=call,
        applicant=person,
        status=Application.Status.SUBMITTED,
        outcome="confirmed",
        outcome_visit=vantaa,
    )
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, person)
    expect(page.get_by_text("No visit coming up for you.")).to_be_visible()  # it is past
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px
    page.get_by_role("region", name="Your programmes").get_by_role(
        "link", name="Heritage walks in Vantaa"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heritage walks in Vantaa")
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px
