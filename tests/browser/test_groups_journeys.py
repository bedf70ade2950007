"""The coordinator makes the breakout groups of a session for a visit of 12 participants,
moves a person after previewing the figures, saves, and downloads round 1's Zoom file; a
participant finds their group on the visit's page. An interpreter set on the roster sits with
their participant; someone marked absent after the groups were made is planned out of them."""

import re

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from citypeers.visits.enums import AttendanceStatus
from citypeers.visits.models import BreakoutPlan
from citypeers.visits.selectors.breakouts import breakout_moved, breakout_rounds
from citypeers.visits.services.attendance import attendance_mark
from citypeers.visits.services.breakouts import breakout_generate
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory, UserFactory, VisitFactory, VisitPlanFactory
from tests.visits.groups_scene import groups_scene

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_move_that_changes_the_repeats(plan):
    """(person, round, group) from 1, and the repeats before and after: a move the solver's
    figures say changes the repeated pairs."""
    rounds = breakout_rounds(plan)
    for r, row in enumerate(rounds.groups):
        for group in row:
            for person in group:
                for to in range(len(row)):
                    moved = breakout_moved(
                        rounds=rounds, person=person, round_index=r, group_index=to
                    )
                    if moved.repeated_pairs != rounds.repeated_pairs:
                        return person, r + 1, to + 1, rounds.repeated_pairs, moved.repeated_pairs
    raise AssertionError("no move changes the repeats")


def preview_a_move(page, plan) -> tuple[int, int]:
    """On the groups page, previews a move that changes the repeats (not saved): the repeats
    before and after, as the preview shows them."""
    person, round_number, group_number, before, after = a_move_that_changes_the_repeats(plan)
    move = page.get_by_role("region", name="Move a person")
    move.get_by_label("Person").select_option(label=person.name)
    move.get_by_label("Round").select_option(str(round_number))
    move.get_by_label("To group").select_option(str(group_number))
    move.get_by_role("button", name="Preview").click()
    expect(page.get_by_text(f"Pairs meeting again: {before} → {after}")).to_be_visible()
    return before, after


def zoom_csv_of_round_1(page, tmp_path) -> list[str]:
    """The lines of round 1's Zoom pre-assignment file, downloaded from the groups page."""
    with page.expect_download() as download:
        page.get_by_role("link", name="Zoom pre-assignment CSV for round 1").click()
    saved = tmp_path / "zoom.csv"
    download.value.save_as(saved)
    return saved.read_text(encoding="utf-8").splitlines()


def test_the_coordinator_makes_moves_and_downloads_the_groups(page, new_page, settings, tmp_path):
    settings.BREAKOUT_TIME_LIMIT_S = 0.5
    visit = VisitFactory(title="Heritage walks")
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    session, people = groups_scene(visit, participants=12, facilitators=2)
    coordinator = MembershipFactory(
        user=UserFactory(), programme=visit.programme, role=Role.COORDINATOR
    ).user
    sign_in(page, coordinator)

    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/agenda/edit/")
    page.get_by_role("link", name=re.compile(r"^Breakout groups")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Breakout groups")
    assert_accessible(page)
    page.get_by_label("Rounds").select_option("3")
    page.get_by_label("People per group").select_option("6")
    page.get_by_role("button", name="Make the groups").click()
    expect(page.get_by_text("The groups are made.")).to_be_visible()
    expect(page.get_by_role("table", name="Groups of round 3")).to_be_visible()
    expect(page.get_by_text("Proven lower bound")).to_be_visible()
    assert_accessible(page)

    before, after = preview_a_move(page, BreakoutPlan.objects.get(session=session))
    expect(page.locator("#repeats")).to_have_text(str(before))  # not saved yet
    assert_accessible(page)
    page.get_by_role("button", name="Save the move").click()
    expect(page.get_by_text("The move is saved.")).to_be_visible()
    expect(page.locator("#repeats")).to_have_text(str(after))
    assert_fits_phone(page)

    lines = zoom_csv_of_round_1(page, tmp_path)
    assert lines[0] == "Pre-assign Room Name,Email Address"
    assert len(lines) == 1 + len(people)

    # A participant finds their group on the visit's page.
    participant = new_page()
    sign_in(participant, people[0])
    participant.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    groups = participant.get_by_role("region", name="Your breakout groups")
    expect(groups).to_contain_text("Round 1, Group")
    assert_accessible(participant)


def test_an_interpreter_is_kept_with_their_participant_and_an_absence_is_replanned(page, settings):
    settings.BREAKOUT_TIME_LIMIT_S = 0.5
    visit = VisitFactory(title="Heritage walks")
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    session, people = groups_scene(visit, participants=10, facilitators=2, interpreters=1)
    participant, interpreter, absent = people[0], people[-1], people[5]
    coordinator = MembershipFactory(
        user=UserFactory(), programme=visit.programme, role=Role.COORDINATOR
    ).user
    sign_in(page, coordinator)

    # On the roster, the team says whom the interpreter interprets for.
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/people/")
    form = page.get_by_role("group", name=str(interpreter))
    form.get_by_label("Interprets for").select_option(label=str(participant))
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Whom {interpreter} interprets for is saved.")).to_be_visible()
    expect(page.get_by_role("cell", name=f"Interprets for {participant}")).to_be_visible()
    assert_accessible(page)

    # The groups seat them together; someone marked absent since is listed, then re-planned.
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator)
    attendance_mark(session=session, person=absent, status=AttendanceStatus.ABSENT, by=coordinator)
    page.goto(
        f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/sessions/{session.pk}/groups/"
    )
    expect(page.get_by_text(f"{interpreter} (interprets for {participant})").first).to_be_visible()
    notice = page.get_by_role("region", name="Marked absent, still in the groups")
    expect(notice).to_contain_text(str(absent))
    assert_accessible(page)
    notice.get_by_role("button", name=f"Plan again without {absent}").click()
    expect(page.get_by_text("The later rounds are planned again without them.")).to_be_visible()
    expect(page.get_by_role("region", name="Marked absent, still in the groups")).to_have_count(0)
    assert not plan.seats.filter(person=absent).exists()
