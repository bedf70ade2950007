"""The team's agenda editor: sessions changed in plain forms (and swapped in place by htmx),
added and deleted, the daily time chosen; the public page shows what the team wrote."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role
from citypeers.visits.services.agenda import agenda_publish
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def _url(name, visit, *args):
    return reverse(f"visits:{name}", args=[visit.programme.slug, visit.slug, *args])


def _at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2027, 3, day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def clinic():
    return ActivityFormatFactory(
        name_en="Peer clinic", min_minutes=60, max_minutes=120, default_minutes=90
    )


@pytest.fixture
def online_visit(programme, clinic):
    """24-26 March 2027, kept in Brussels' zone, a 90-minute clinic at 08:00 each day."""
    visit = VisitFactory(
        programme=programme,
        title="Heritage walks",
        starts_on=datetime.date(2027, 3, 24),
        ends_on=datetime.date(2027, 3, 26),
    )
    VisitPlanFactory(visit=visit, time_zone="Europe/Brussels")
    for day in (1, 2, 3):
        AgendaSessionFactory(
            visit=visit, day=day, starts_at=_at(23 + day, 8), minutes=90, format=clinic
        )
    return visit


@pytest.fixture
def host(online_visit):
    user = UserFactory(time_zone="Europe/Lisbon", display_name="Helena Host")
    MembershipFactory(
        user=user, programme=online_visit.programme, visit=online_visit, role=Role.HOST
    )
    return user


def _form(session, **changes) -> dict:
    data = {
        "starts": session.starts_at.astimezone(BRUSSELS).strftime("%H:%M"),
        "minutes": session.minutes,
        "format": session.format_id,
        "title": session.title,
        "objective": "",
        "speakers": "",
        "facilitator": "",
        "place": "",
    }
    return data | changes


def test_the_editor_shows_each_day_in_the_visits_zone_and_the_readers(client, online_visit, host):
    client.force_login(host)  # in Lisbon, an hour behind Brussels
    page = client.get(_url("agenda", online_visit)).text
    assert "Day 1" in page and "Day 3" in page
    assert "08:00 (Europe/Brussels)" in page
    assert "07:00 (Europe/Lisbon)" in page
    session = online_visit.sessions.first()
    assert _url("agenda_session", online_visit, session.pk) in page
    assert _url("agenda_daily_time", online_visit) in page  # an online visit


def test_a_session_is_changed_in_a_plain_form(client, online_visit, host, clinic):
    session = online_visit.sessions.first()
    client.force_login(host)
    assert (
        "Peer clinic (60 to 120 min)"
        in client.get(_url("agenda_session", online_visit, session.pk)).text
    )
    response = client.post(
        _url("agenda_session", online_visit, session.pk),
        _form(session, title="Welcome clinic", starts="09:30", facilitator=host.pk, place="Zoom"),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#session-{session.pk}")
    session.refresh_from_db()
    assert session.title == "Welcome clinic" and session.facilitator == host
    assert session.starts_at == _at(24, 9, 30)  # typed in the visit's zone, on its own day
    page = client.get(response["Location"]).text
    assert "Welcome clinic" in page and "09:30 (Europe/Brussels)" in page


def test_htmx_swaps_the_form_and_the_saved_session_in_place(client, online_visit, host):
    session = online_visit.sessions.first()
    client.force_login(host)
    url = _url("agenda_session", online_visit, session.pk)
    form = client.get(url, headers={"HX-Request": "true"}).text
    assert form.startswith(f'<li id="session-{session.pk}"') and "<form" in form
    saved = client.post(url, _form(session, title="Opening"), headers={"HX-Request": "true"})
    assert saved.status_code == 200
    assert saved.text.startswith(f'<li id="session-{session.pk}"')
    assert "Opening" in saved.text and "<form" not in saved.text


def test_a_length_outside_the_formats_minutes_is_refused_at_the_field(client, online_visit, host):
    session = online_visit.sessions.first()
    client.force_login(host)
    response = client.post(
        _url("agenda_session", online_visit, session.pk), _form(session, minutes=150)
    )
    assert response.status_code == 200
    assert 'href="#id_minutes"' in response.text  # the error summary points at the field
    assert "Peer clinic runs 60 to 120 minutes; 150 is outside that." in response.text
    session.refresh_from_db()
    assert session.minutes == 90


def test_a_session_is_added_to_a_day_after_its_last(client, online_visit, host, clinic):
    client.force_login(host)
    url = _url("agenda_session_add", online_visit, 2)
    assert 'value="09:30"' in client.get(url).text  # after the day's clinic
    response = client.post(
        url,
        {"starts": "11:00", "minutes": "60", "format": clinic.pk, "title": "Walkshop debrief"},
    )
    assert response.status_code == 302
    added = online_visit.sessions.get(title="Walkshop debrief")
    assert (added.day, added.starts_at) == (2, _at(25, 11))


def test_a_session_is_deleted_after_a_confirmation_unless_published(
    client, online_visit, host, coordinator
):
    first, second, _third = online_visit.sessions.all()
    client.force_login(host)
    url = _url("agenda_session_delete", online_visit, first.pk)
    assert "Delete the session" in client.get(url).text
    assert online_visit.sessions.count() == 3  # asking is not deleting
    client.post(url)
    assert online_visit.sessions.count() == 2
    agenda_publish(visit=online_visit, by=coordinator, published=True)
    url = _url("agenda_session_delete", online_visit, second.pk)
    assert "Cancel the session" in client.get(url).text
    response = client.post(url, follow=True)
    assert "is cancelled: calendars show it so and its people are told." in response.text
    assert online_visit.sessions.count() == 2  # kept, cancelled
    assert f'id="session-{second.pk}"' not in response.text  # no longer on the agenda


def test_the_daily_time_is_chosen_then_confirmed(client, online_visit, host):
    MembershipFactory(
        user=UserFactory(time_zone="Europe/Helsinki"),
        programme=online_visit.programme,
        visit=online_visit,
        role=Role.EXPERT,
    )
    client.force_login(host)
    url = _url("agenda_daily_time", online_visit)
    page = client.get(url).text
    assert "Helena Host" in page  # 07:00 in Lisbon: outside her hours, named with the dates
    assert 'href="?time=10:00"' in page
    confirm = client.get(url, {"time": "10:00"}).text
    assert "Start every day at 10:00" in confirm
    assert online_visit.sessions.first().starts_at == _at(24, 8)  # not moved yet
    response = client.post(url, {"time": "10:00"})
    assert response["Location"] == _url("agenda", online_visit)
    starts = [s.starts_at for s in online_visit.sessions.order_by("starts_at")]
    assert starts == [_at(24, 10), _at(25, 10), _at(26, 10)]


def test_the_public_page_shows_what_the_team_wrote_once_published(
    client, online_visit, coordinator
):
    session = online_visit.sessions.first()
    session.title, session.objective = "Welcome clinic", "Meet the hosts"
    session.speakers, session.place = "Mayor of Ghent", "Zoom room A"
    session.save()
    page = client.get(_url("visit", online_visit)).text
    assert "Welcome clinic" not in page
    agenda_publish(visit=online_visit, by=coordinator, published=True)
    page = client.get(_url("visit", online_visit)).text
    for text in ["Welcome clinic", "Meet the hosts", "Mayor of Ghent", "Zoom room A"]:
        assert text in page


def test_a_finished_visits_agenda_is_read_only(client, online_visit, host):
    online_visit.starts_on = datetime.date(2021, 5, 10)
    online_visit.ends_on = datetime.date(2021, 5, 12)
    online_visit.save()
    session = online_visit.sessions.first()
    client.force_login(host)
    page = client.get(_url("agenda", online_visit)).text
    assert "read-only" in page
    assert _url("agenda_session", online_visit, session.pk) not in page
    refused = client.post(
        _url("agenda_session", online_visit, session.pk), _form(session, title="Late")
    )
    assert refused.status_code == 403
    session.refresh_from_db()
    assert session.title == ""


def test_the_workspace_links_the_editor(client, online_visit, host):
    client.force_login(host)
    page = client.get(_url("workspace", online_visit)).text
    assert _url("agenda", online_visit) in page
