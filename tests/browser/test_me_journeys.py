"""Each role's way in from their own page, `/me/`, on a 320 px wide phone."""

import datetime

import pytest
from django.utils import timezone
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
    VisitTaskFactory,
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


def test_a_coordinator_finds_the_call_that_waits_for_the_selection_and_opens_it(page):
    call = CallFactory(title="Call for participants 2027")
    sent_application(call, UserFactory(display_name="Aino Applicant"))
    close(call)
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    VisitFactory(
        programme=call.programme,
        title="Adaptive re-use in Pécs",
        starts_on=timezone.localdate() + datetime.timedelta(days=60),
    )
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, coordinator)
    expect(page.get_by_role("region", name="What needs you now")).to_contain_text(
        "Adaptive re-use in Pécs"  # the programme's visits coming up
    )
    assert_accessible(page)  # axe-core, and no sideways scroll at 320 px
    page.get_by_role(
        "link", name="Run the selection of “Call for participants 2027” and publish its decisions"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selection")
    assert_accessible(page)


@pytest.mark.parametrize("role", [Role.HOST, Role.EXPERT, Role.RAPPORTEUR])
def test_someone_of_a_visits_team_goes_from_my_page_to_their_task_this_week(page, role):
    visit = VisitFactory(
        title="Heritage walks in Vantaa",
        starts_on=timezone.localdate() + datetime.timedelta(days=20),
    )
    member = MembershipFactory(programme=visit.programme, visit=visit, role=role).user
    VisitTaskFactory(
        visit=visit, role=role, title="Send the briefing pack", due_on=timezone.localdate()
    )
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, member)
    needs_me = page.get_by_role("region", name="What needs you now")
    expect(needs_me).to_contain_text("Tasks due this week")
    expect(needs_me).to_contain_text("Heritage walks in Vantaa")  # coming up, too
    expect(page.get_by_role("link", name="Plan a visit")).to_have_count(0)  # coordinators plan
    assert_accessible(page)
    needs_me.get_by_role("link", name="Send the briefing pack").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workspace")
    expect(page.get_by_role("region", name="To do now")).to_contain_text("Send the briefing pack")
    assert_accessible(page)


def test_staff_with_no_role_are_pointed_to_the_outbox(page):
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, UserFactory(is_staff=True))
    empty = page.get_by_role("region", name="What needs you now")
    expect(empty).to_contain_text("Nothing waits for you now.")
    empty.get_by_role("link", name="Outbox").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Outbox")
    assert_accessible(page)
