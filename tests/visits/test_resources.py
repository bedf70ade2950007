"""A session's resources: the team adds them with a licence and a visibility, each reader sees
those meant for them on the agenda, the printable agenda and the pack."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeers.core.audit import AuditEntry
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Role
from citypeers.visits.enums import ResourceLicence, ResourceVisibility
from citypeers.visits.models import SessionResource
from citypeers.visits.permissions import resource_reach
from citypeers.visits.selectors.pack import pack_of
from citypeers.visits.selectors.resources import with_resources
from citypeers.visits.services.resources import (
    session_resource_add,
    session_resource_remove,
    session_resource_update,
)
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(visit):
    VisitPlanFactory(visit=visit, agenda_published=True)
    return AgendaSessionFactory(visit=visit, title="Host presentation")


@pytest.fixture
def three(session, coordinator):
    """Slides for anyone, a recording for the visit's people, notes for the team."""
    add = session_resource_add
    return {
        "public": add(
            session=session,
            by=coordinator,
            title="Slides",
            url="https://example.org/slides.pdf",
            licence=ResourceLicence.CC_BY,
            visibility=ResourceVisibility.PUBLIC,
        ),
        "visit": add(
            session=session,
            by=coordinator,
            title="Recording",
            url="https://example.org/recording",
            visibility=ResourceVisibility.VISIT,
        ),
        "team": add(
            session=session,
            by=coordinator,
            title="Facilitator notes",
            url="http://example.org/notes",
            licence=ResourceLicence.ALL_RIGHTS_RESERVED,
            visibility=ResourceVisibility.TEAM,
        ),
    }


def _page(visit, name="visits:visit", *more) -> str:
    return reverse(name, args=[visit.programme.slug, visit.slug, *more])


# Services


def test_a_resource_is_added_at_the_end_and_traced(session, coordinator, three):
    item = session_resource_add(
        session=session, by=coordinator, title="  ", url=" https://example.org/a/b/ "
    )

    assert (item.title, item.url) == ("example.org/a/b", "https://example.org/a/b/")
    assert (item.licence, item.visibility) == ("unknown", "visit")  # the careful defaults
    assert item.position == 3 and item.added_by == coordinator
    assert three["public"].licence_url == "https://creativecommons.org/licenses/by/4.0/"
    assert item.licence_url == ""
    assert AuditEntry.objects.filter(action="agenda.resource_added").count() == 4


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("", "Give the resource's link"),
        ("javascript:alert(1)", "starts with https://"),
        ("ftp://example.org/file", "starts with https://"),
        ("example.org/slides", "starts with https://"),
        ("https://exa mple", "not a web address"),
        ("https://example.org/" + "a" * 2000, "2000 characters at most"),
    ],
)
def test_a_link_that_is_not_a_web_address_is_refused_at_the_link(session, coordinator, url, says):
    with pytest.raises(VisitError, match=says) as refused:
        session_resource_add(session=session, by=coordinator, title="Slides", url=url)

    assert refused.value.field == "url"
    assert not SessionResource.objects.exists()


def test_an_unknown_licence_or_visibility_is_refused_at_its_field(session, coordinator):
    with pytest.raises(VisitError) as refused:
        session_resource_add(
            session=session, by=coordinator, title="S", url="https://e.org", licence="gpl"
        )
    assert refused.value.field == "licence"
    with pytest.raises(VisitError) as refused:
        session_resource_add(
            session=session, by=coordinator, title="S", url="https://e.org", visibility="all"
        )
    assert refused.value.field == "visibility"


def test_a_resource_changed_then_removed_leaves_a_trail(session, coordinator, three):
    item = three["visit"]

    session_resource_update(resource=item, by=coordinator, visibility="public", title="Video")
    item.refresh_from_db()
    assert (item.title, item.visibility, item.url) == (
        "Video",
        "public",
        "https://example.org/recording",
    )
    with pytest.raises(VisitError):
        session_resource_update(resource=item, by=coordinator, url="mailto:a@example.org")
    session_resource_remove(resource=item, by=coordinator)

    assert not SessionResource.objects.filter(pk=item.pk).exists()
    changed = AuditEntry.objects.get(action="agenda.resource_changed")
    assert changed.changes == {"title": "Video", "visibility": "public"}
    removed = AuditEntry.objects.get(action="agenda.resource_removed")
    assert removed.changes["url"] == "https://example.org/recording"


# Who sees what


def _seen(user, visit, session) -> list[str]:
    [shown] = with_resources([session], reach=resource_reach(user, visit))
    return [item.title for item in shown.shown_resources]


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", ["Slides"]),
        ("no_role", ["Slides"]),
        ("participant_elsewhere", ["Slides"]),
        ("participant", ["Slides", "Recording"]),
        ("expert", ["Slides", "Recording", "Facilitator notes"]),
        ("coordinator", ["Slides", "Recording", "Facilitator notes"]),
        ("staff", ["Slides", "Recording", "Facilitator notes"]),
    ],
)
def test_each_reader_sees_the_resources_meant_for_them(
    visit, session, three, people_by_role, role, sees
):
    people = dict(people_by_role, anonymous=AnonymousUser())
    people["participant_elsewhere"] = MembershipFactory(
        programme=visit.programme,
        visit=VisitFactory(programme=visit.programme),
        role=Role.PARTICIPANT,
    ).user

    assert _seen(people[role], visit, session) == sees


def test_resources_of_many_sessions_come_in_one_query(visit, coordinator):
    sessions = [AgendaSessionFactory(visit=visit) for _ in range(5)]
    for session in sessions:
        for n in range(3):
            session_resource_add(
                session=session, by=coordinator, title=f"R{n}", url=f"https://e.org/{n}"
            )

    with CaptureQueriesContext(connection) as queries:
        shown = with_resources(sessions, reach=ResourceVisibility.TEAM)
        titles = [[item.title for item in s.shown_resources] for s in shown]

    assert len(queries) == 1
    assert titles == [["R0", "R1", "R2"]] * 5


# Pages


def test_the_public_page_shows_public_resources_with_their_licence(client, visit, three):
    page = client.get(_page(visit)).content.decode()

    assert '<a href="https://example.org/slides.pdf">Slides</a>' in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in page
    assert "Recording" not in page and "Facilitator notes" not in page
    assert "Team only" not in page  # the badge is the team's


def test_the_team_sees_every_resource_with_its_badge(client, visit, three, people_by_role):
    client.force_login(people_by_role["expert"])

    page = client.get(_page(visit)).content.decode()
    printed = client.get(_page(visit, "visits:agenda_print")).content.decode()

    for text in ("Slides", "Recording", "Facilitator notes", "Team only", "Visit&#x27;s people"):
        assert text in page
    assert "Facilitator notes</a> (http://example.org/notes)" in printed  # a link on paper


def test_a_participant_sees_the_recording_and_the_pack_holds_what_participants_see(
    client, visit, three, people_by_role
):
    client.force_login(people_by_role["participant"])
    page = client.get(_page(visit)).content.decode()
    assert "Recording" in page and "Facilitator notes" not in page

    pack = pack_of(visit, people_by_role["coordinator"], may_see_draft=True)
    [session] = pack.sessions
    assert [item.title for item in session.shown_resources] == ["Slides", "Recording"]


def test_the_team_adds_a_resource_and_a_bad_link_is_shown_at_its_field(
    client, visit, session, coordinator
):
    client.force_login(coordinator)
    address = _page(visit, "visits:session_resources", session.pk)
    data = {"title": "Slides", "url": "ftp://example.org/x", "licence": "cc-by-4.0"}

    refused = client.post(address, data | {"visibility": "public"})
    assert refused.status_code == 200
    assert refused.context["form"].errors == {"url": ["A link starts with https:// (or http://)."]}
    assert "There is a problem" in refused.content.decode()
    added = client.post(
        address, data | {"url": "https://example.org/x", "visibility": "public"}, follow=True
    )

    assert "“Slides” is added." in added.content.decode()
    item = SessionResource.objects.get()
    assert (item.title, item.licence, item.visibility) == ("Slides", "cc-by-4.0", "public")
    agenda = client.get(_page(visit, "visits:agenda")).content.decode()
    assert address in agenda and "Slides" in agenda


def test_a_missing_title_and_choice_are_shown_at_their_fields(client, visit, session, coordinator):
    client.force_login(coordinator)

    response = client.post(
        _page(visit, "visits:session_resources", session.pk), {"url": "https://e.org"}
    )

    assert set(response.context["form"].errors) == {"title", "licence", "visibility"}


def test_a_resource_is_removed_after_its_confirmation(client, visit, session, three, coordinator):
    client.force_login(coordinator)
    item = three["team"]
    address = _page(visit, "visits:session_resource_delete", session.pk, item.pk)

    asked = client.get(address)
    assert "Remove Facilitator notes?" in asked.content.decode()
    assert SessionResource.objects.filter(pk=item.pk).exists()
    removed = client.post(address, follow=True)

    assert "“Facilitator notes” is removed." in removed.content.decode()
    assert not SessionResource.objects.filter(pk=item.pk).exists()


def test_a_resource_of_another_session_is_not_found_there(client, visit, session, coordinator):
    other = AgendaSessionFactory(visit=visit)
    item = session_resource_add(session=other, by=coordinator, title="X", url="https://e.org")
    client.force_login(coordinator)

    address = _page(visit, "visits:session_resource_delete", session.pk, item.pk)
    assert client.post(address).status_code == 404
    assert SessionResource.objects.filter(pk=item.pk).exists()


def test_an_outsider_gets_no_resource_page(client, visit, session):
    client.force_login(UserFactory())

    assert client.get(_page(visit, "visits:session_resources", session.pk)).status_code == 403
