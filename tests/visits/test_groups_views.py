"""The breakout groups page of a session: made, shown, moved after a preview, a drop-out,
the files (Zoom per round, CSV, Excel), and each participant's own group on the visit page."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from citypeers.visits.models import BreakoutPlan, BreakoutSeat
from citypeers.visits.selectors.breakouts import breakout_rounds
from citypeers.visits.services.breakouts import breakout_generate
from tests.visits.groups_scene import groups_scene

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.BREAKOUT_TIME_LIMIT_S = 0.3


def url(session, name="visits:groups"):
    visit = session.visit
    return reverse(name, args=[visit.programme.slug, visit.slug, session.pk])


@pytest.fixture
def made(visit, coordinator):
    session, people = groups_scene(visit)
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, time_limit_s=0.3)
    return session, people, plan


def test_the_coordinator_makes_the_groups_and_sees_each_round(client, visit, coordinator):
    session, people = groups_scene(visit)
    client.force_login(coordinator)
    response = client.post(
        url(session, "visits:groups_generate"), {"generate-rounds": "2", "generate-size": "6"}
    )
    assert response.status_code == 302
    page = client.get(url(session)).content.decode()
    plan = BreakoutPlan.objects.get(session=session)
    assert "Round 2" in page and "Round 3" not in page
    assert f'<dd id="repeats">{plan.repeated_pairs}</dd>' in page
    assert "Proven lower bound" in page
    assert all(str(person) in page for person in people)
    assert "Portugal" in page  # countries by name


def test_an_empty_generate_form_is_shown_again_with_its_errors(client, visit, coordinator):
    session, _people = groups_scene(visit)
    client.force_login(coordinator)
    response = client.post(url(session, "visits:groups_generate"), {"generate-size": "9"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not BreakoutPlan.objects.exists()


def test_a_move_is_previewed_before_anything_is_saved(client, made, coordinator):
    session, people, plan = made
    rounds = breakout_rounds(plan)
    seat = BreakoutSeat.objects.get(plan=plan, round_index=0, person=people[0])
    target = (seat.group_index + 1) % len(rounds.groups[0])
    data = {"move-person": people[0].pk, "move-round": "1", "move-group": str(target + 1)}
    client.force_login(coordinator)
    response = client.post(url(session, "visits:groups_move"), {**data, "preview": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Pairs meeting again: {rounds.repeated_pairs} →" in page
    assert 'name="save"' in page
    seat.refresh_from_db()
    assert seat.group_index != target  # nothing saved yet
    response = client.post(url(session, "visits:groups_move"), {**data, "save": ""})
    assert response.status_code == 302
    seat = BreakoutSeat.objects.get(plan=plan, round_index=0, person=people[0])
    assert seat.group_index == target


def test_a_drop_out_is_planned_again_from_the_round_chosen(client, made, coordinator):
    session, people, plan = made
    first_round = sorted(plan.seats.filter(round_index=0).values_list("group_index", "person"))
    client.force_login(coordinator)
    response = client.post(
        url(session, "visits:groups_dropout"),
        {"dropout-person": people[5].pk, "dropout-from_round": "2"},
    )
    assert response.status_code == 302
    assert sorted(plan.seats.filter(round_index=0).values_list("group_index", "person")) == (
        first_round
    )
    assert not plan.seats.filter(round_index__gte=1, person=people[5]).exists()


def test_the_zoom_file_of_a_round_has_zooms_header_and_everyones_room(client, made, coordinator):
    session, people, _plan = made
    client.force_login(coordinator)
    response = client.get(url(session) + "?zoom=2")
    assert response["Content-Type"].startswith("text/csv")
    assert "round-2-zoom.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    assert {email for _room, email in rows[1:]} == {p.email for p in people}
    assert all(room.startswith("Round 2 · Group ") for room, _email in rows[1:])


def test_all_rounds_download_as_csv_and_excel(client, made, coordinator):
    session, people, _plan = made
    client.force_login(coordinator)
    response = client.get(url(session) + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Round", "Group", "Name"]
    assert len(rows) == 1 + 3 * len(people)
    response = client.get(url(session) + "?export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_agenda_editor_links_each_session_to_its_groups(client, visit, coordinator):
    session, _people = groups_scene(visit, participants=0, facilitators=0)
    client.force_login(coordinator)
    page = client.get(reverse("visits:agenda", args=[visit.programme.slug, visit.slug]))
    assert url(session) in page.content.decode()


def test_a_finished_visits_groups_are_read_but_not_changed(client, made, coordinator, visit):
    session, _people, _plan = made
    visit.starts_on = visit.ends_on = datetime.date(2021, 5, 10)
    visit.save()
    client.force_login(coordinator)
    page = client.get(url(session)).content.decode()
    assert "Round 1" in page and "Move a person" not in page
    response = client.post(
        url(session, "visits:groups_generate"), {"generate-rounds": "2", "generate-size": "6"}
    )
    assert response.status_code == 403


def test_a_participant_sees_their_group_on_the_visit_page(client, made, visit):
    session, people, plan = made
    seat = BreakoutSeat.objects.get(plan=plan, round_index=1, person=people[0])
    mates = BreakoutSeat.objects.filter(plan=plan, round_index=1, group_index=seat.group_index)
    client.force_login(people[0])
    page = client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug]))
    text = page.content.decode()
    assert f"Round 2, Group {seat.group_index + 1}" in text
    assert all(str(m.person) in text for m in mates)
    client.force_login(people[1])
    assert client.get(url(session)).status_code == 403  # the groups page is the team's
