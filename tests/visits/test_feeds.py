"""Calendars that update: a person's subscription page and feed, a visit's own `.ics`."""

import datetime

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role
from citypeers.visits.models import CalendarFeed
from citypeers.visits.selectors.feeds import visit_people
from citypeers.visits.services.agenda_changes import session_cancel, session_change
from citypeers.visits.services.feeds import calendar_feed_renew, calendar_feed_stop
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)
from tests.races import race
from tests.visits.feeds_scene import HELSINKI, LISBON, build_scene, events_read_by_both

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def scene(programme):
    return build_scene(programme)


def feed_url(user) -> str:
    feed = CalendarFeed.objects.get(user=user, revoked_at=None)
    return reverse("visits:calendar_feed", args=[feed.token])


def feed_of(client, user) -> bytes:
    if not CalendarFeed.objects.filter(user=user, revoked_at=None).exists():
        calendar_feed_renew(user=user)
    response = client.get(feed_url(user))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


@pytest.mark.parametrize(
    ("person", "reader", "hours"),
    [("lisbon", LISBON, (9, 9)), ("helsinki", HELSINKI, (11, 11))],
    ids=["Lisbon participant", "Helsinki participant"],
)
def test_each_participant_reads_the_same_instants_at_their_own_hour(
    client, scene, person, reader, hours
):
    data = feed_of(client, getattr(scene, person))
    by_icalendar, by_vobject = events_read_by_both(data)
    # 10:00 in Brussels on both sides of 28 March 2027: 09:00 UTC, then 08:00 UTC.
    instants = [
        datetime.datetime(2027, 3, 26, 9, tzinfo=UTC),
        datetime.datetime(2027, 3, 29, 8, tzinfo=UTC),
    ]
    assert [e.decoded("DTSTART") for e in by_icalendar] == instants
    assert [e.dtstart.value for e in by_vobject] == instants
    assert tuple(e.dtstart.value.astimezone(reader).hour for e in by_vobject) == hours
    assert tuple(e.decoded("DTSTART").astimezone(reader).hour for e in by_icalendar) == hours
    assert b"DTSTART;TZID=Europe/Brussels:20270326T100000" in data
    assert b"DTSTART;TZID=Europe/Brussels:20270329T100000" in data
    assert b"BEGIN:VTIMEZONE" in data
    assert [str(e["SUMMARY"]) for e in by_icalendar] == ["Site visit", "Peer review"]


def test_a_change_raises_the_sequence_and_keeps_the_uid(client, scene):
    first, *_ = events_read_by_both(feed_of(client, scene.lisbon))[0]
    session_change(
        session=scene.before_change,
        by=None,
        starts_at=scene.before_change.starts_at + datetime.timedelta(hours=1),
    )
    by_icalendar, by_vobject = events_read_by_both(feed_of(client, scene.lisbon))
    assert str(by_icalendar[0]["UID"]) == str(first["UID"])
    assert (first["SEQUENCE"], by_icalendar[0]["SEQUENCE"]) == (0, 1)
    assert by_vobject[0].sequence.value == "1"
    assert by_vobject[0].dtstart.value == datetime.datetime(2027, 3, 26, 10, tzinfo=UTC)


def test_a_cancelled_session_stays_in_the_feed_as_cancelled(client, scene):
    session_cancel(session=scene.after_change, by=None)
    by_icalendar, by_vobject = events_read_by_both(feed_of(client, scene.helsinki))
    assert [str(e["STATUS"]) for e in by_icalendar] == ["CONFIRMED", "CANCELLED"]
    assert [e.status.value for e in by_vobject] == ["CONFIRMED", "CANCELLED"]
    assert by_icalendar[1]["SEQUENCE"] == 1


def test_another_persons_visit_and_unpublished_agendas_are_not_in_the_feed(
    client, programme, scene
):
    elsewhere = VisitFactory(programme=programme, title="Someone else's visit")
    VisitPlanFactory(visit=elsewhere, agenda_published=True)
    AgendaSessionFactory(visit=elsewhere)
    hidden = VisitFactory(programme=programme, title="Not published yet")
    VisitPlanFactory(visit=hidden, agenda_published=False)
    AgendaSessionFactory(visit=hidden)
    MembershipFactory(programme=programme, visit=hidden, role=Role.PARTICIPANT, user=scene.lisbon)
    by_icalendar, _ = events_read_by_both(feed_of(client, scene.lisbon))
    assert {str(e["DESCRIPTION"]).split("\n")[0] for e in by_icalendar} == {"Heritage walks"}
    assert len(by_icalendar) == 2


def test_the_visits_team_and_coordinators_get_its_sessions_too(client, programme, scene):
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    for person in (host, coordinator):
        assert len(events_read_by_both(feed_of(client, person))[0]) == 2
    assert len(events_read_by_both(feed_of(client, UserFactory()))[0]) == 0


def test_no_room_link_is_written_while_no_room_provider_is_stored(client, scene):
    data = feed_of(client, scene.lisbon)
    assert b"LOCATION" not in data
    assert b"\nURL" not in data


def test_a_revoked_or_unknown_address_answers_404(client, scene):
    old = calendar_feed_renew(user=scene.lisbon)
    new = calendar_feed_renew(user=scene.lisbon)
    assert client.get(reverse("visits:calendar_feed", args=[old.token])).status_code == 404
    assert client.get(reverse("visits:calendar_feed", args=[new.token])).status_code == 200
    calendar_feed_stop(user=scene.lisbon)
    assert client.get(reverse("visits:calendar_feed", args=[new.token])).status_code == 404
    assert client.get(reverse("visits:calendar_feed", args=["x" * 43])).status_code == 404


def test_a_deactivated_accounts_address_answers_404(client, scene):
    feed = calendar_feed_renew(user=scene.lisbon)
    scene.lisbon.is_active = False
    scene.lisbon.save()
    assert client.get(reverse("visits:calendar_feed", args=[feed.token])).status_code == 404


def test_an_unchanged_feed_answers_304_and_a_change_gives_a_new_etag(client, scene):
    calendar_feed_renew(user=scene.lisbon)
    first = client.get(feed_url(scene.lisbon))
    assert "private" in first["Cache-Control"]
    assert first["Last-Modified"]
    again = client.get(feed_url(scene.lisbon), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    session_change(session=scene.after_change, by=None, minutes=60)
    changed = client.get(feed_url(scene.lisbon), headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_the_same_sessions_give_the_same_bytes(client, scene):
    # DTSTAMP is the newest change, not the clock, so the ETag names one content.
    calendar_feed_renew(user=scene.lisbon)
    assert client.get(feed_url(scene.lisbon)).content == client.get(feed_url(scene.lisbon)).content


def test_a_published_visit_has_a_public_ics_without_room_links(client, scene):
    url = reverse("visits:visit_ics", args=[scene.visit.programme.slug, scene.visit.slug])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{scene.visit.slug}.ics"'
    by_icalendar, by_vobject = events_read_by_both(response.content)
    assert len(by_icalendar) == len(by_vobject) == 2
    assert b"X-WR-CALNAME:Heritage walks" in response.content
    assert b"LOCATION" not in response.content


def test_an_unpublished_agenda_has_no_ics(client, programme):
    scene = build_scene(programme, published=False)
    url = reverse("visits:visit_ics", args=[scene.visit.programme.slug, scene.visit.slug])
    assert client.get(url).status_code == 404
    unplanned = VisitFactory(programme=programme)
    assert (
        client.get(reverse("visits:visit_ics", args=[programme.slug, unplanned.slug])).status_code
        == 404
    )


def test_the_calendar_page_offers_an_address_then_shows_it(client, settings, scene):
    settings.SITE_URL = "https://citypeers.example.org"
    client.force_login(scene.lisbon)
    page = client.get(reverse("visits:calendar")).content.decode()
    assert "Create my subscription address" in page
    assert client.post(reverse("visits:calendar_renew")).status_code == 302
    token = CalendarFeed.objects.get(user=scene.lisbon).token
    page = client.get(reverse("visits:calendar")).content.decode()
    assert f'value="https://citypeers.example.org/en/calendar/{token}.ics"' in page
    assert f'value="webcal://citypeers.example.org/en/calendar/{token}.ics"' in page


def test_a_new_address_asks_first_then_revokes_the_old_one(client, scene):
    old = calendar_feed_renew(user=scene.lisbon)
    client.force_login(scene.lisbon)
    confirm = client.get(reverse("visits:calendar_renew")).content.decode()
    assert "Your current address will stop working" in confirm
    assert CalendarFeed.objects.get(pk=old.pk).revoked_at is None  # asking changed nothing
    client.post(reverse("visits:calendar_renew"))
    old.refresh_from_db()
    assert old.revoked_at is not None
    new = CalendarFeed.objects.get(user=scene.lisbon, revoked_at=None)
    assert new.token != old.token and len(new.token) >= 43
    assert new.token in client.get(reverse("visits:calendar")).content.decode()


def test_stopping_the_subscription_asks_first_then_ends_it(client, scene):
    feed = calendar_feed_renew(user=scene.lisbon)
    client.force_login(scene.lisbon)
    assert "will stop working" in client.get(reverse("visits:calendar_stop")).content.decode()
    client.post(reverse("visits:calendar_stop"))
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    assert (
        "Create my subscription address" in client.get(reverse("visits:calendar")).content.decode()
    )


def test_the_calendar_page_is_for_signed_in_people(client):
    response = client.get(reverse("visits:calendar"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_visit_page_and_my_visits_link_the_calendars(client, scene):
    client.force_login(scene.lisbon)
    visit_page = client.get(
        reverse("visits:visit", args=[scene.visit.programme.slug, scene.visit.slug])
    )
    ics = reverse("visits:visit_ics", args=[scene.visit.programme.slug, scene.visit.slug])
    assert ics in visit_page.content.decode()
    assert reverse("visits:calendar") in client.get(reverse("visits:dashboard")).content.decode()


def test_a_change_goes_to_the_visits_people_and_no_one_else(programme, scene):
    host = MembershipFactory(programme=programme, visit=scene.visit, role=Role.HOST).user
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    elsewhere = MembershipFactory(
        programme=programme, visit=VisitFactory(programme=programme), role=Role.PARTICIPANT
    ).user
    people = visit_people(scene.visit)
    assert set(people) == {scene.lisbon, scene.helsinki, host, coordinator}
    assert elsewhere not in people


IN_THE_FEED = {"coordinator", "host", "participant", "expert", "rapporteur", "technical_host"}


@pytest.mark.parametrize(
    "role",
    [
        "coordinator",
        "host",
        "participant",
        "expert",
        "rapporteur",
        "technical_host",
        "reviewer",
        "staff",
        "coordinator_elsewhere",
        "no_role",
        "removed_reviewer",
        "rapporteur_elsewhere",
    ],
)
def test_a_feed_holds_the_visit_for_its_people_only(client, people_by_role, visit, role):
    VisitPlanFactory(visit=visit, agenda_published=True)
    AgendaSessionFactory(visit=visit)
    events, _ = events_read_by_both(feed_of(client, people_by_role[role]))
    assert len(events) == (1 if role in IN_THE_FEED else 0)


@pytest.mark.django_db(transaction=True)
def test_two_new_addresses_asked_at_once_leave_one_working():
    """A double click: the second waits for the first and revokes it, instead of failing on the
    one-active-address constraint."""
    person = UserFactory()
    first, second = race(
        lambda: calendar_feed_renew(user=person),
        lambda: calendar_feed_renew(user=person),
        hold_after="citypeers.visits.services.feeds.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert list(CalendarFeed.objects.filter(user=person, revoked_at=None)) == [second.result]
