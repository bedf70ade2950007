"""Room links: only the visit's people get one, the team moderates; the visit page's "Join",
BigBlueButton's join through our page (its `create` mocked: no server runs here) and the room
in a person's own calendar, never in the public one."""

import urllib.error
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role, RoomProvider, Visit
from citypeers.visits.selectors.rooms import calendar_rooms, join_addresses, session_links
from tests.factories import MembershipFactory, UserFactory, VisitFactory
from tests.visits.feeds_scene import build_scene
from tests.visits.test_feeds import feed_of

pytestmark = pytest.mark.django_db

JITSI = "https://meet.example.org/{room}"
BBB_API = "https://bbb.example.org/bigbluebutton/api"
URLOPEN = "citypeers.visits.services.rooms.urllib.request.urlopen"


@pytest.fixture
def scene(programme):
    return build_scene(programme)


def _rooms(programme, provider=RoomProvider.URL_TEMPLATE):
    programme.room_provider = provider
    programme.room_url_template = JITSI
    programme.bbb_api_url, programme.bbb_secret = BBB_API, "s3cret"
    programme.save()


def _answer(body: bytes):
    answer = mock.MagicMock()
    answer.__enter__.return_value.read.return_value = body
    return answer


def test_the_visits_people_get_a_link_and_its_team_moderates(programme, scene):
    _rooms(programme)
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    session = scene.before_change
    links = {
        name: session_links(session, person)
        for name, person in [
            ("participant", scene.lisbon),
            ("placed by the calls", scene.helsinki),
            ("host", host),
            ("coordinator", coordinator),
        ]
    }
    assert all(link is not None for link in links.values())
    assert [links[name].moderator for name in links] == [False, False, True, True]
    assert links["host"].join_url.startswith("https://meet.example.org/heritage-walks-")


def test_nobody_else_gets_a_link(programme, scene):
    _rooms(programme)
    elsewhere = VisitFactory(programme=programme)
    other_visits = MembershipFactory(programme=programme, visit=elsewhere, role=Role.HOST).user
    staff = UserFactory(is_staff=True)
    reviewer = MembershipFactory(programme=programme, role=Role.REVIEWER).user
    for person in (UserFactory(), staff, reviewer, other_visits):
        assert session_links(scene.before_change, person) is None
    anonymous = mock.Mock(is_authenticated=False)
    assert join_addresses(scene.visit, anonymous, [scene.before_change]) == {}


def test_no_link_for_an_onsite_visit_or_a_programme_without_rooms(programme, scene):
    assert session_links(scene.before_change, scene.lisbon) is None  # no provider yet
    _rooms(programme)
    Visit.objects.filter(pk=scene.visit.pk).update(mode=Visit.Mode.ONSITE)
    scene.before_change.visit.refresh_from_db()
    assert session_links(scene.before_change, scene.lisbon) is None


def test_the_visit_page_shows_join_to_its_people_only(client, programme, scene):
    _rooms(programme)
    url = reverse("visits:visit", args=[programme.slug, scene.visit.slug])
    assert "meet.example.org" not in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert "meet.example.org" not in client.get(url).content.decode()
    client.force_login(scene.lisbon)
    page = client.get(url).content.decode()
    assert page.count('href="https://meet.example.org/heritage-walks-') == 2
    assert ">Join<" in page


def test_bigbluebutton_joins_through_our_page_after_creating_the_meeting(client, programme, scene):
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    client.force_login(scene.lisbon)
    page = client.get(reverse("visits:visit", args=[programme.slug, scene.visit.slug]))
    join = reverse("visits:join", args=[programme.slug, scene.visit.slug, scene.after_change.pk])
    assert f'href="{join}"' in page.content.decode()
    assert "bbb.example.org" not in page.content.decode()  # signed URLs are never shown
    ok = b"<response><returncode>SUCCESS</returncode><meetingID>x</meetingID></response>"
    with mock.patch(URLOPEN, return_value=_answer(ok)) as urlopen:
        response = client.get(join)
    called = urlopen.call_args.args[0].full_url
    assert called.startswith(f"{BBB_API}/create?") and "checksum=" in called
    assert urlopen.call_args.kwargs["timeout"] <= 10
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    query = parse_qs(target.query)
    assert target.path == "/bigbluebutton/api/join"
    assert (query["role"], query["fullName"], query["userID"]) == (
        ["VIEWER"],
        ["Inês"],
        [str(scene.lisbon.pk)],
    )
    assert query["meetingID"] == parse_qs(urlsplit(called).query)["meetingID"]


@pytest.mark.parametrize(
    ("effect", "message"),
    [
        (urllib.error.URLError("connection refused"), "The meeting server did not answer."),
        (TimeoutError(), "The meeting server did not answer."),
        (
            _answer(
                b"<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey>"
            ),
            "refused to open the room (checksumError)",
        ),
        (_answer(b"<html>502 Bad Gateway</html>"), "The meeting server did not answer."),
    ],
    ids=["refused", "timeout", "FAILED", "not BigBlueButton"],
)
def test_a_failing_server_sends_the_person_back_with_the_reason(
    client, programme, scene, effect, message
):
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    client.force_login(scene.lisbon)
    join = reverse("visits:join", args=[programme.slug, scene.visit.slug, scene.after_change.pk])
    patch = {"side_effect": effect} if isinstance(effect, Exception) else {"return_value": effect}
    with mock.patch(URLOPEN, **patch):
        response = client.get(join, follow=True)
    assert response.redirect_chain[0] == (
        reverse("visits:visit", args=[programme.slug, scene.visit.slug]),
        302,
    )
    assert message in response.content.decode()


def test_join_is_refused_to_others_and_404_without_a_room(client, programme, scene):
    join = reverse("visits:join", args=[programme.slug, scene.visit.slug, scene.after_change.pk])
    client.force_login(scene.lisbon)
    assert client.get(join).status_code == 404  # the programme has no rooms
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    client.force_login(UserFactory(is_staff=True))
    with mock.patch(URLOPEN) as urlopen:
        assert client.get(join).status_code == 403
    urlopen.assert_not_called()


def test_a_persons_own_calendar_carries_the_room_the_public_one_does_not(client, programme, scene):
    _rooms(programme)
    data = feed_of(client, scene.helsinki)
    assert b"URL:https://meet.example.org/heritage-walks-" in data.replace(b"\r\n ", b"")
    assert b"LOCATION:https://meet.example.org/" in data.replace(b"\r\n ", b"")
    public = client.get(reverse("visits:visit_ics", args=[programme.slug, scene.visit.slug]))
    assert b"meet.example.org" not in public.content
    assert b"LOCATION" not in public.content


def test_a_bigbluebutton_room_in_a_calendar_is_our_join_page(programme, scene, settings):
    _rooms(programme, RoomProvider.BIGBLUEBUTTON)
    rooms = calendar_rooms(scene.lisbon, [scene.before_change])
    join = reverse("visits:join", args=[programme.slug, scene.visit.slug, scene.before_change.pk])
    assert rooms == {scene.before_change.pk: (settings.SITE_URL + join,) * 2}
    assert calendar_rooms(UserFactory(), [scene.before_change]) == {}


def test_a_changed_provider_changes_the_feeds_etag(client, programme, scene):
    before = feed_of(client, scene.lisbon)
    _rooms(programme)
    assert feed_of(client, scene.lisbon) != before
