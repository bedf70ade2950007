"""A breakout group's online room: one per session and group number, the same in every round;
its link on "Your breakout groups", the visit's agenda, `/me/` and the groups page, and the
join page, for the visit's people only (BigBlueButton's `create` mocked: no server runs)."""

from unittest import mock
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.programmes.models import Role, RoomProvider
from citypeers.visits.models import BreakoutPlan, BreakoutSeat
from citypeers.visits.selectors.breakouts import my_breakout_groups
from citypeers.visits.selectors.rooms import group_links, session_links
from tests.factories import MembershipFactory, UserFactory, VisitFactory
from tests.visits.feeds_scene import build_scene
from tests.visits.test_feeds import feed_of

pytestmark = pytest.mark.django_db

JITSI = "https://meet.example.org/{room}"
BBB_API = "https://bbb.example.org/bigbluebutton/api"
URLOPEN = "citypeers.visits.services.rooms.urllib.request.urlopen"
OK = b"<response><returncode>SUCCESS</returncode><meetingID>x</meetingID></response>"


@pytest.fixture
def scene(programme):
    """Inês and Aino swap groups between the two rounds of the first session."""
    scene = build_scene(programme)
    plan = BreakoutPlan.objects.create(
        session=scene.before_change, rounds=2, size=2, status="done", repeated_pairs=0
    )
    for round_index, group_index, person in [
        (0, 0, scene.lisbon),
        (0, 1, scene.helsinki),
        (1, 1, scene.lisbon),
        (1, 0, scene.helsinki),
    ]:
        BreakoutSeat.objects.create(
            plan=plan, round_index=round_index, group_index=group_index, person=person
        )
    return scene


def _rooms(programme, provider=RoomProvider.URL_TEMPLATE):
    programme.room_provider = provider
    programme.room_url_template = JITSI
    programme.bbb_api_url, programme.bbb_secret = BBB_API, "s3cret"
    programme.save()


def _join_group(scene, group: int, session=None) -> str:
    session = session or scene.before_change
    visit = scene.visit
    return reverse("visits:join_group", args=[visit.programme.slug, visit.slug, session.pk, group])


def _answer(body: bytes):
    answer = mock.MagicMock()
    answer.__enter__.return_value.read.return_value = body
    return answer


def test_each_group_has_its_own_room_apart_from_the_sessions(programme, scene):
    _rooms(programme)
    session = scene.before_change
    first, second = (group_links(session, g, scene.lisbon).join_url for g in (0, 1))
    assert first.startswith("https://meet.example.org/heritage-walks-site-visit-group-1-")
    assert second.startswith("https://meet.example.org/heritage-walks-site-visit-group-2-")
    assert len({first, second, session_links(session, scene.lisbon).join_url}) == 3
    # Everyone in a group reaches the same room, whatever language they read the site in.
    with translation.override("fr"):
        assert group_links(session, 0, scene.helsinki).join_url == first


def test_the_same_group_number_keeps_its_room_across_rounds(programme, scene):
    _rooms(programme)
    rounds = {group.round_number: group for group in my_breakout_groups(scene.visit, scene.lisbon)}
    assert (rounds[1].group_number, rounds[2].group_number) == (1, 2)
    swapped = {g.round_number: g for g in my_breakout_groups(scene.visit, scene.helsinki)}
    assert rounds[1].join_url == swapped[2].join_url  # group 1, in round 1 and round 2
    assert rounds[2].join_url == swapped[1].join_url
    assert rounds[1].join_url != rounds[2].join_url


def test_on_bigbluebutton_the_team_moderates_a_group_and_the_others_attend(programme, scene):
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    session = scene.before_change
    hosts, ines = group_links(session, 0, host), group_links(session, 0, scene.lisbon)
    assert (hosts.moderator, ines.moderator) == (True, False)
    assert parse_qs(urlsplit(hosts.join_url).query)["role"] == ["MODERATOR"]
    assert parse_qs(urlsplit(ines.join_url).query)["role"] == ["VIEWER"]
    assert hosts.name == ines.name != group_links(session, 1, host).name
    assert hosts.name != session_links(session, host).name
    # Its link is our join page, which creates the meeting first.
    mine = my_breakout_groups(scene.visit, scene.lisbon)
    assert [group.join_url for group in mine] == [_join_group(scene, 1), _join_group(scene, 2)]


def test_no_group_room_without_rooms_or_for_people_outside_the_visit(programme, scene):
    assert [g.join_url for g in my_breakout_groups(scene.visit, scene.lisbon)] == ["", ""]
    _rooms(programme)
    elsewhere = MembershipFactory(
        programme=programme, visit=VisitFactory(programme=programme), role=Role.PARTICIPANT
    ).user
    for person in (UserFactory(), UserFactory(is_staff=True), elsewhere):
        assert group_links(scene.before_change, 0, person) is None


def test_join_group_sends_a_participant_to_the_groups_room(client, programme, scene):
    _rooms(programme)
    client.force_login(scene.lisbon)
    response = client.get(_join_group(scene, 2))
    assert response.status_code == 302
    assert response["Location"] == group_links(scene.before_change, 1, scene.lisbon).join_url
    assert "-group-2-" in response["Location"]


def test_join_group_creates_the_bigbluebutton_meeting_then_joins_it(client, programme, scene):
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    client.force_login(scene.lisbon)
    with mock.patch(URLOPEN, return_value=_answer(OK)) as urlopen:
        response = client.get(_join_group(scene, 1))
    created = parse_qs(urlsplit(urlopen.call_args.args[0].full_url).query)
    assert created["name"] == ["Heritage walks · Site visit · Group 1"]
    joined = parse_qs(urlsplit(response["Location"]).query)
    assert response["Location"].startswith(f"{BBB_API}/join?")
    assert (joined["meetingID"], joined["role"]) == (created["meetingID"], ["VIEWER"])


def test_join_group_is_404_without_groups_or_for_a_group_the_session_lacks(
    client, programme, scene
):
    _rooms(programme)
    client.force_login(scene.lisbon)
    for group in (0, 3):
        assert client.get(_join_group(scene, group)).status_code == 404
    assert client.get(_join_group(scene, 1, session=scene.after_change)).status_code == 404


def test_join_group_is_refused_outside_the_visit(client, programme, scene):
    _rooms(programme)
    url = _join_group(scene, 1)
    assert "meet.example.org" not in client.get(url).get("Location", "")  # to the login page
    elsewhere = MembershipFactory(
        programme=programme, visit=VisitFactory(programme=programme), role=Role.PARTICIPANT
    ).user
    client.force_login(elsewhere)
    assert client.get(url).status_code in (403, 404)


def test_the_visit_page_and_me_show_ones_group_room(client, programme, scene):
    _rooms(programme)
    group_1 = group_links(scene.before_change, 0, scene.lisbon).join_url
    group_2 = group_links(scene.before_change, 1, scene.lisbon).join_url
    page = reverse("visits:visit", args=[programme.slug, scene.visit.slug])
    assert "-group-1-" not in client.get(page).text
    client.force_login(UserFactory())
    assert "-group-1-" not in client.get(page).text
    client.force_login(scene.lisbon)
    text = client.get(page).text
    # "Your breakout groups", then the agenda's row of the session.
    assert text.count(f'href="{group_1}"') == text.count(f'href="{group_2}"') == 2
    assert "Join the room of group 2" in text
    assert "Your group, round 2: Group 2" in text
    me = client.get("/en/me/").text
    assert f'href="{group_1}"' in me and f'href="{group_2}"' in me


def test_the_groups_page_gives_the_team_each_groups_room(client, programme, scene):
    _rooms(programme)
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    client.force_login(host)
    visit, session = scene.visit, scene.before_change
    text = client.get(reverse("visits:groups", args=[programme.slug, visit.slug, session.pk])).text
    for group in (0, 1):
        # Each group in each of the two rounds.
        assert text.count(f'href="{group_links(session, group, host).join_url}"') == 2


def test_ones_calendar_says_ones_group_per_round_and_its_room(client, programme, scene):
    _rooms(programme)
    before = feed_of(client, scene.lisbon)
    group_2 = group_links(scene.before_change, 1, scene.lisbon).join_url
    BreakoutSeat.objects.filter(person=scene.lisbon, round_index=1).update(group_index=0)
    data = feed_of(client, scene.lisbon)
    assert data != before  # a move reaches the subscribed calendar
    event = next(
        e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if "Site" in e["SUMMARY"]
    )
    description = str(event["DESCRIPTION"])
    group_1 = group_links(scene.before_change, 0, scene.lisbon).join_url
    assert description.endswith(
        "Your group, round 1: Group 1\n"
        f"Your breakout room: {group_1}\n"
        "Your group, round 2: Group 1\n"
        f"Your breakout room: {group_1}"
    )
    assert group_2 not in description
    # LOCATION stays the session's room: everyone starts there.
    assert str(event["LOCATION"]) == session_links(scene.before_change, scene.lisbon).join_url
    public = client.get(reverse("visits:visit_ics", args=[programme.slug, scene.visit.slug]))
    assert b"Your group" not in public.content
