"""Attendance: the facilitator shares a session's check-in link, a participant checks in with
it, and the facilitator sees them present and marks someone who did not come."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_checks_in_and_the_facilitator_sees_them_present(new_page):
    now = timezone.now()
    visit = VisitFactory(
        title="Heritage walks in Tampere",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Helsinki", agenda_published=True)
    session = AgendaSessionFactory(
        visit=visit,
        title="Walkshop in Hervanta",
        starts_at=now + datetime.timedelta(minutes=5),
        minutes=90,
    )
    facilitator = MembershipFactory(
        programme=visit.programme,
        visit=visit,
        role=Role.FACILITATOR,
        user=UserFactory(display_name="Fiona Facilitator"),
    ).user
    ana, bo = (
        MembershipFactory(
            programme=visit.programme,
            visit=visit,
            role=Role.PARTICIPANT,
            user=UserFactory(display_name=name, time_zone="Europe/Lisbon"),
        ).user
        for name in ("Ana Sousa", "Bo Berg")
    )

    team = new_page()
    sign_in(team, facilitator)
    team.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/agenda/edit/")
    team.get_by_role("link", name="Attendance of Walkshop in Hervanta").click()
    expect(team.get_by_role("heading", level=1)).to_have_text("Attendance: Walkshop in Hervanta")
    assert_accessible(team)
    link = team.get_by_role("link", name="/check-in/").get_attribute("href")

    page = new_page()
    sign_in(page, ana)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check in: Walkshop in Hervanta")
    assert_accessible(page)
    page.get_by_role("button", name="I am here").click()
    expect(page.get_by_text("You are checked in. Welcome!")).to_be_visible()
    expect(page.get_by_text("You are marked: Present")).to_be_visible()
    assert_accessible(page)

    team.reload()
    table = team.get_by_role("table", name="3 people on this visit")
    expect(table.get_by_role("row").filter(has_text="Ana Sousa")).to_contain_text(
        "Present (checked in at"
    )
    team.get_by_label("Attendance of Bo Berg").select_option("absent")
    team.get_by_role("button", name="Save attendance of Bo Berg").click()
    expect(team.get_by_text("Attendance of Bo Berg saved.")).to_be_visible()
    expect(table.get_by_role("row").filter(has_text="Bo Berg")).to_contain_text(
        "Absent (marked by Fiona Facilitator"
    )
    assert_accessible(team)
    assert session.attendance.get(person=bo).status == "absent"
