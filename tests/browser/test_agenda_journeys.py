"""The coordinator edits a planned online visit's agenda, chooses its daily time for people in
Lisbon, Helsinki and Brussels, publishes it and finds it on the visit's public page."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BRUSSELS = ZoneInfo("Europe/Brussels")


def test_the_coordinator_edits_chooses_the_daily_time_and_publishes_the_agenda(page):
    clinic = ActivityFormatFactory(
        name_en="Peer clinic", min_minutes=60, max_minutes=120, default_minutes=90
    )
    visit = VisitFactory(
        title="Heritage walks",
        starts_on=datetime.date(2027, 3, 24),
        ends_on=datetime.date(2027, 3, 26),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    for day in (1, 2, 3):
        starts = datetime.datetime(2027, 3, 23 + day, 8, tzinfo=BRUSSELS)
        AgendaSessionFactory(visit=visit, day=day, starts_at=starts, minutes=90, format=clinic)
    coordinator = MembershipFactory(
        user=UserFactory(time_zone="Europe/Lisbon"),
        programme=visit.programme,
        role=Role.COORDINATOR,
    ).user
    for zone in ("Europe/Lisbon", "Europe/Helsinki"):
        MembershipFactory(
            user=UserFactory(time_zone=zone),
            programme=visit.programme,
            visit=visit,
            role=Role.PARTICIPANT,
        )
    sign_in(page, coordinator)

    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/workspace/")
    page.get_by_role("link", name="Edit the agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda: Heritage walks")
    day_1 = page.get_by_role("region", name=re.compile(r"^Day 1 "))
    expect(day_1.get_by_text("08:00 (Europe/Brussels)")).to_be_visible()
    expect(day_1.get_by_text("yours:")).to_contain_text("Europe/Lisbon")
    assert_accessible(page)

    # htmx swaps the form into the session's place; the page stays where it was.
    day_1.get_by_role("link", name="Edit Peer clinic").click()
    day_1.get_by_label("Title").fill("Welcome clinic")
    day_1.get_by_label("Starts (Europe/Brussels)").fill("09:00")
    assert_accessible(page)
    day_1.get_by_role("button", name="Save").click()
    expect(day_1.get_by_role("heading", name="Welcome clinic")).to_be_visible()
    expect(day_1.get_by_text("09:00 (Europe/Brussels)")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda: Heritage walks")

    page.get_by_role("link", name="Choose the daily time").click()
    table = page.get_by_role("table", name="The best daily start times")
    expect(table.get_by_role("row").nth(1)).to_contain_text("10:00")
    assert_accessible(page)
    table.get_by_role("link", name="Choose 10:00").click()
    expect(page.get_by_role("heading", name="Move every day's sessions?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Start every day at 10:00").click()
    expect(page.get_by_text("Every day now starts at 10:00 (Europe/Brussels)")).to_be_visible()
    for number in (1, 2, 3):
        # "Day 2" alone would also name "Wednes*day 2*4 March"
        region = page.get_by_role("region", name=re.compile(rf"^Day {number} "))
        expect(region.get_by_text("10:00 (Europe/Brussels)")).to_be_visible()

    page.get_by_role("link", name="Back to the workspace").click()
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is public.")).to_be_visible()
    page.get_by_role("link", name="Heritage walks").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Heritage walks")
    agenda = page.get_by_role("region", name="Agenda")
    expect(agenda.get_by_text("Welcome clinic")).to_be_visible()
    expect(agenda.get_by_role("row").nth(1)).to_contain_text("10:00")
    assert_accessible(page)


def test_the_coordinator_gives_a_session_its_slides_and_a_participant_finds_them(new_page):
    visit = VisitFactory(title="Heritage walks", starts_on=datetime.date(2027, 3, 24))
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels", agenda_published=True)
    AgendaSessionFactory(
        visit=visit,
        title="Host presentation",
        starts_at=datetime.datetime(2027, 3, 24, 8, tzinfo=BRUSSELS),
    )
    coordinator = MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user
    participant = MembershipFactory(
        programme=visit.programme, visit=visit, role=Role.PARTICIPANT
    ).user
    address = f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/"

    page = new_page()
    sign_in(page, coordinator)
    page.goto(address + "agenda/edit/")
    page.get_by_role("link", name="Resources of Host presentation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resources of Host presentation")
    expect(page.get_by_text("No resource yet.")).to_be_visible()
    page.get_by_label("Title").fill("Slides")
    page.get_by_label("Link").fill("slides.example.org/heritage")
    page.get_by_role("button", name="Add the resource").click()
    expect(page.get_by_role("alert")).to_contain_text("A link starts with https://")
    assert_accessible(page)
    page.get_by_label("Link").fill("https://slides.example.org/heritage")
    page.get_by_label("Licence").select_option(label="CC BY 4.0")
    page.get_by_label("Public: anyone reading the published agenda").check()
    page.get_by_role("button", name="Add the resource").click()
    expect(page.get_by_text("“Slides” is added.")).to_be_visible()
    table = page.get_by_role("table", name="Resources")
    expect(table).to_contain_text("CC BY 4.0")
    expect(table).to_contain_text("Public: anyone reading the published agenda")
    assert_accessible(page)
    page.get_by_role("link", name="Back to the agenda").click()
    expect(page.get_by_role("link", name="Slides")).to_be_visible()
    expect(page.get_by_text("Public", exact=True)).to_be_visible()  # the team's badge

    page = new_page()
    sign_in(page, participant)
    page.goto(address)
    agenda = page.get_by_role("region", name="Agenda")
    expect(agenda.get_by_role("link", name="Slides")).to_have_attribute(
        "href", "https://slides.example.org/heritage"
    )
    expect(agenda.get_by_role("link", name="CC BY 4.0")).to_have_attribute(
        "href", "https://creativecommons.org/licenses/by/4.0/"
    )
    expect(agenda.get_by_text("Public", exact=True)).to_have_count(0)  # no badge for them
    assert_accessible(page)
