"""The visit page's schema.org `Event` (JSON-LD) and the printable agenda."""

import json
import re

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import VisitPlan
from tests.factories import MembershipFactory, UserFactory
from tests.visits.feeds_scene import build_scene

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _event(client, visit) -> dict:
    page = client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug]))
    (found,) = JSON_LD.findall(page.content.decode())
    return json.loads(found)


@pytest.mark.parametrize(
    ("mode", "attendance", "location"),
    [
        (Visit.Mode.ONLINE, "OnlineEventAttendanceMode", ["VirtualLocation"]),
        (Visit.Mode.ONSITE, "OfflineEventAttendanceMode", ["Place"]),
        (Visit.Mode.HYBRID, "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
    ],
)
def test_the_event_says_how_one_attends_and_where(client, programme, mode, attendance, location):
    scene = build_scene(programme)
    Visit.objects.filter(pk=scene.visit.pk).update(mode=mode)
    event = _event(client, scene.visit)
    assert event["@type"] == "Event"
    assert event["eventAttendanceMode"] == f"https://schema.org/{attendance}"
    places = event["location"] if isinstance(event["location"], list) else [event["location"]]
    assert [place["@type"] for place in places] == location
    page = reverse("visits:visit", args=[programme.slug, scene.visit.slug])
    for place in places:
        if place["@type"] == "VirtualLocation":
            assert place["url"].endswith(page)  # the page, never a room link
        else:
            assert place["address"]["addressLocality"] == scene.visit.host_place.name
    # From the first session (26 March, 10:00 in Brussels) to the last one's end, with offsets.
    assert event["startDate"] == "2027-03-26T10:00:00+01:00"
    assert event["endDate"] == "2027-03-29T11:30:00+02:00"
    assert event["organizer"] == {
        "@type": "Organization",
        "name": programme.name,
        "url": event["organizer"]["url"],
    }
    assert event["name"] == "Heritage walks"


def test_a_title_cannot_close_the_script_element(client, programme):
    scene = build_scene(programme)
    Visit.objects.filter(pk=scene.visit.pk).update(title="Walks </script><script>alert(1)")
    scene.visit.refresh_from_db()
    page = client.get(reverse("visits:visit", args=[programme.slug, scene.visit.slug]))
    assert "<script>alert(1)" not in page.content.decode()
    assert _event(client, scene.visit)["name"] == "Walks </script><script>alert(1)"


def test_an_unpublished_agenda_gives_the_visits_days_only(client, programme):
    scene = build_scene(programme, published=False)
    event = _event(client, scene.visit)
    assert "startDate" not in event  # the factory's visit has no dates


def test_the_printable_agenda_shows_both_zones_once_published(client, programme):
    scene = build_scene(programme)
    url = reverse("visits:agenda_print", args=[programme.slug, scene.visit.slug])
    anonymous = client.get(url).content.decode()
    assert "Site visit" in anonymous and "Peer review" in anonymous
    assert "10:00\u201311:30" in anonymous  # Brussels, before and after the change to summer time
    assert "Your time" not in anonymous
    client.force_login(scene.helsinki)
    mine = client.get(url).content.decode()
    assert "Your time (Europe/Helsinki)" in mine
    assert "11:00\u201312:30" in mine


def test_the_printable_agenda_is_for_the_team_before_it_is_published(client, programme):
    scene = build_scene(programme, published=False)
    url = reverse("visits:agenda_print", args=[programme.slug, scene.visit.slug])
    assert client.get(url).status_code == 404
    client.force_login(scene.lisbon)
    assert client.get(url).status_code == 404
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    client.force_login(host)
    page = client.get(url).content.decode()
    assert "Not published yet" in page
    VisitPlan.objects.filter(visit=scene.visit).update(agenda_published=True)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200
