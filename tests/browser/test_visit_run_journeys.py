"""Issue 17's "Done when", as people do it: a coordinator runs an online visit from its daily
time to the Zoom file of its groups, and a participant then finds their group and room from
`/me/`; participants in Lisbon and in Helsinki each read a session at their own hour and
subscribe to their calendar."""

import datetime
import re

import icalendar
import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from citypeers.visits.models import BreakoutPlan
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.browser.test_groups_journeys import preview_a_move, zoom_csv_of_round_1
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    ProgrammeFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)
from tests.visits.feeds_scene import BRUSSELS, HELSINKI, LISBON, build_scene
from tests.visits.groups_scene import groups_people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _online_visit_with_people():
    """An online visit of three days in Brussels' zone, in a programme whose rooms open from a
    meeting server's address, with 12 participants and 2 facilitators to put in groups."""
    programme = ProgrammeFactory(
        room_provider="url_template", room_url_template="https://meet.example.org/{room}"
    )
    visit = VisitFactory(
        programme=programme,
        title="Heritage walks",
        mode="online",
        starts_on=datetime.date(2027, 3, 24),
        ends_on=datetime.date(2027, 3, 26),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    clinic = ActivityFormatFactory(
        name_en="Peer clinic", min_minutes=60, max_minutes=120, default_minutes=90
    )
    for day in (1, 2, 3):
        starts = datetime.datetime(2027, 3, 23 + day, 8, tzinfo=BRUSSELS)
        AgendaSessionFactory(visit=visit, day=day, starts_at=starts, minutes=90, format=clinic)
    return visit, groups_people(visit, participants=12, facilitators=2)


def test_the_coordinator_runs_the_visit_and_a_participant_finds_their_group_and_room(
    page, new_page, settings, tmp_path
):
    settings.BREAKOUT_TIME_LIMIT_S = 0.5
    visit, people = _online_visit_with_people()
    coordinator = MembershipFactory(
        user=UserFactory(time_zone="Europe/Lisbon"),
        programme=visit.programme,
        role=Role.COORDINATOR,
    ).user
    sign_in(page, coordinator)

    # The daily time: the best start for the roster's zones, every day moved to it.
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/workspace/")
    page.get_by_role("link", name="Edit the agenda").click()
    page.get_by_role("link", name="Choose the daily time").click()
    assert_accessible(page)
    best = page.get_by_role("table", name="The best daily start times").get_by_role("link").first
    hour = re.fullmatch(r"Choose (\d\d:\d\d)", best.inner_text().strip()).group(1)
    best.click()
    assert_accessible(page)
    page.get_by_role("button", name=f"Start every day at {hour}").click()
    expect(page.get_by_text(f"Every day now starts at {hour} (Europe/Brussels)")).to_be_visible()

    # Published, the agenda is on the visit's page.
    page.get_by_role("link", name="Back to the workspace").click()
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is public.")).to_be_visible()
    assert_accessible(page)

    # Groups for the first session; a move previewed changes the repeats, then is saved.
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/agenda/edit/")
    page.get_by_role("link", name=re.compile(r"^Breakout groups")).first.click()
    page.get_by_label("Rounds").select_option("3")
    page.get_by_label("People per group").select_option("6")
    page.get_by_role("button", name="Make the groups").click()
    expect(page.get_by_text("The groups are made.")).to_be_visible()
    assert_accessible(page)
    plan = BreakoutPlan.objects.get(session__visit=visit)
    before, after = preview_a_move(page, plan)
    expect(page.locator("#repeats")).to_have_text(str(before))  # not saved yet
    assert_accessible(page)
    page.get_by_role("button", name="Save the move").click()
    expect(page.locator("#repeats")).to_have_text(str(after))

    lines = zoom_csv_of_round_1(page, tmp_path)
    assert lines[0] == "Pre-assign Room Name,Email Address"
    assert len(lines) == 1 + len(people)

    # A participant lands on /me/ after signing in: their groups there, and the room's link.
    participant = new_page()
    sign_in(participant, people[0])
    seats = list(plan.seats.filter(person=people[0]).order_by("round_index"))
    assert len(seats) == 3  # one group in each round
    coming = participant.get_by_role("listitem").filter(has_text="Heritage walks").first
    for seat in seats:
        expect(coming).to_contain_text(
            f"Your group in Peer clinic: Round {seat.round_index + 1}, Group {seat.group_index + 1}"
        )
    join = coming.get_by_role("link", name="Join Peer clinic")
    expect(join).to_have_count(1)  # one link per session, not one per round
    expect(join).to_have_attribute("href", re.compile(r"^https://meet\.example\.org/heritage-"))
    # Each round's group has its room, named by the group: the same group, the same room.
    for seat in seats:
        number, round_number = seat.group_index + 1, seat.round_index + 1
        room = coming.get_by_role(
            "link", name=f"Join the room of group {number} (Peer clinic, round {round_number})"
        )
        expect(room).to_have_attribute(
            "href",
            re.compile(rf"^https://meet\.example\.org/heritage-walks-peer-clinic-group-{number}-"),
        )
    assert_accessible(participant)

    # The visit's page: the same rooms under "Your breakout groups" and in the agenda's row.
    coming.get_by_role("link", name="Heritage walks").click()
    first = seats[0].group_index + 1
    name = f"Join the room of group {first} (Peer clinic, round 1)"
    yours = participant.get_by_role("region", name="Your breakout groups")
    expect(yours.get_by_role("link", name=name)).to_have_count(1)
    agenda = participant.get_by_role("region", name="Agenda")
    expect(agenda.get_by_role("link", name=name)).to_have_count(1)
    assert_accessible(participant)


def _sees_their_hour_and_subscribes(page, person, visit, zone, hour: int) -> None:
    """The visit page writes the session at `hour` in the person's zone; their calendar's
    address gives the session at the same instant."""
    sign_in(page, person)
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    agenda = page.get_by_role("region", name="Agenda")
    expect(agenda.get_by_role("columnheader", name=f"Your time ({zone.key})")).to_be_visible()
    yours = agenda.get_by_role("row").nth(1).get_by_role("cell").nth(2)  # day, visit's, yours
    expect(yours).to_contain_text(f"{hour:02d}:00\N{EN DASH}")
    assert_accessible(page)

    page.goto("/en/me/")
    page.get_by_role("link", name="Subscribe to your calendar").first.click()
    page.get_by_role("button", name="Create my subscription address").click()
    url = page.get_by_label("For web calendars").input_value()
    assert ".ics" in url
    assert_accessible(page)
    events = icalendar.Calendar.from_ical(page.request.get(url).body()).walk("VEVENT")
    first = min(event.decoded("DTSTART") for event in events)
    assert first == datetime.datetime(2027, 3, 26, 9, tzinfo=datetime.UTC)
    assert first.astimezone(zone).hour == hour


def test_participants_in_lisbon_and_helsinki_each_see_their_own_hour_and_subscribe(
    new_page, live_server, settings
):
    settings.SITE_URL = live_server.url
    scene = build_scene(ProgrammeFactory())  # 10:00 in Brussels on 26 March 2027
    _sees_their_hour_and_subscribes(new_page(), scene.lisbon, scene.visit, LISBON, 9)
    _sees_their_hour_and_subscribes(new_page(), scene.helsinki, scene.visit, HELSINKI, 11)
