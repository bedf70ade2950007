"""The demo as `citypeers demo` builds it, once for the module (in a transaction rolled back
after its last test): what a person trying the demo would find."""

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from citypeers.calls.models import Call, Question
from citypeers.calls.selectors.eligibility import hostable_practices
from citypeers.catalogue.models import Practice
from citypeers.core.models import AuditEntry
from citypeers.core.selectors import audit_chain_breaks
from citypeers.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from citypeers.methodology.models import ActivityFormat
from citypeers.people.models import User
from citypeers.places.models import Place
from citypeers.programmes.models import Membership, Programme, Theme, Visit
from citypeers.reports.models import Report
from citypeers.visits.models import (
    AgendaChange,
    Attendance,
    BreakoutPlan,
    BreakoutSeat,
    Interpreting,
    QuestionnaireAnswer,
    VisitTask,
)
from citypeers.visits.selectors.roster import roster_of

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker):
    """What the first run of the command printed; the demo stays built for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def chia_practices(printed):
    """The ten real practices as the library shows them, by host place."""
    practices = Practice.objects.filter(
        programme__slug="cultural-heritage-in-action-2021",
        is_generated=False,
        status=Practice.Status.PUBLISHED,
    ).prefetch_related("places", "organisations")
    return {practice.places.get().name: practice for practice in practices}


def test_demo_creates_the_chia_programme_and_one_account_per_role_idempotently(printed):

    def counts():
        return (
            Place.objects.count(),
            Visit.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
            Theme.objects.count(),
            Question.objects.count(),
            sorted(Call.objects.values_list("slug", "consent_version")),
            BreakoutSeat.objects.count(),
            sorted(Attendance.objects.values_list("session", "person", "status")),
            QuestionnaireAnswer.objects.count(),
            AgendaChange.objects.count(),
        )

    first = counts()
    call_command("demo", stdout=io.StringIO())
    assert counts() == first
    programme = Programme.objects.get(slug="cultural-heritage-in-action-2021")
    hosts = {visit.host_place.name for visit in programme.visits.all()}
    assert {"Vantaa", "Kortrijk", "Šibenik", "Nantes", "Central Scotland"} <= hosts
    assert programme.visits.count() == 10
    assert Place.objects.filter(country="UA").exists()  # European cities beyond the EU too
    for email, _role in DEMO_ACCOUNTS:
        assert email in printed
        assert authenticate(email=email, password=DEMO_PASSWORD) is not None
    roles = set(Membership.objects.values_list("role", flat=True))
    # The interpreter is the first 2021 visit's, kept with a participant in its groups.
    assert roles == {
        "coordinator",
        "host",
        "reviewer",
        "participant",
        "expert",
        "rapporteur",
        "interpreter",
    }
    assert User.objects.get(email="admin@example.org").is_staff
    # Each visit is planned from the online template, with its real practice and its agenda.
    vantaa = programme.visits.get(slug="vantaa")
    assert vantaa.plan.template_version.template.slug == "online"
    assert vantaa.plan.practice.title == "Developing a local cultural environment programme"
    assert vantaa.sessions.filter(day=5).exists() and vantaa.plan.agenda_published
    assert not vantaa.tasks.filter(done_at=None).exists()  # all of 2021 is done
    # The ten of 2021 and the 2027 Tampere visit in preparation.
    assert VisitTask.objects.values("visit").distinct().count() == 11
    assert ActivityFormat.objects.count() >= 14
    # An open call, so a person trying the demo can apply as participant@.
    call = Call.objects.get(slug="heritage-in-action-2027-participants")
    assert call.is_open() and call.visits.count() == 2
    # An open call for hosts that the demo's host (City of Vantaa) can answer with its practice.
    hosts_call = Call.objects.get(slug="heritage-in-action-2027-hosts")
    host = User.objects.get(email="host@example.org")
    assert hosts_call.is_open() and hostable_practices(host.organisation).exists()


def test_each_real_practice_is_published_with_at_least_two_web_sources(chia_practices, client):
    assert len(chia_practices) == 10
    for host, practice in chia_practices.items():
        links = practice.link_list
        assert len(links) >= 2, host
        assert all(re.fullmatch(r"https?://\S+", link) for link in links), host
    page = client.get(chia_practices["Vantaa"].get_absolute_url()).content.decode()
    assert 'href="https://docslib.org/doc/6981022/' in page  # the visit's analytical document


def test_the_real_practices_carry_the_corrections_of_the_public_record(chia_practices):
    budapest = chia_practices["Budapest"]
    organisations = [organisation.name for organisation in budapest.organisations.all()]
    assert organisations == ["KÉK (Contemporary Architecture Centre)"]
    assert "Open Society Archives" in budapest.summary
    assert "since 2011" in budapest.summary
    sibenik = chia_practices["Šibenik"]
    assert "St Michael's Fortress" in sibenik.summary and "Barone Fortress" in sibenik.summary
    tampere = chia_practices["Tampere"]
    assert "docslib.org/doc/1555355" in tampere.links  # its analytical document
    assert "27 May 2021" in tampere.results
    # A three-way agreement: the owner, the adopter and the museum.
    assert "the site's owner, the adopter and the museum" in " ".join(tampere.summary.split())
    assert "houses turning 100" in " ".join(budapest.summary.split())
    scotland = " ".join(chia_practices["Central Scotland"].resources.split())
    assert "Heritage Lottery Fund" in scotland and "£980,600" in scotland
    assert "opened on 3 June 2022" in " ".join(sibenik.summary.split())  # St John's, later
    assert "European Regional Development Fund" in chia_practices["Reggio nell'Emilia"].resources
    assert "Conseil nantais du patrimoine" in chia_practices["Nantes"].governance


def test_the_assumed_days_of_the_kortrijk_visit_are_shown_as_assumed(chia_practices, client):
    kortrijk = chia_practices["Kortrijk"]
    assert "still to come" in kortrijk.summary  # its identity museum, in 2021
    page = client.get(kortrijk.get_absolute_url()).content.decode()
    assert "the dates shown in this demo are an assumption" in page
    programme = Programme.objects.get(slug="cultural-heritage-in-action-2021")
    assert programme.visits.get(slug="kortrijk").starts_on.isoformat() == "2021-04-20"
    page = client.get(programme.get_absolute_url()).content.decode()
    note = "The exact days of the Kortrijk visit were not found; the demo assumes 20 to 22 April"
    assert note in page


def test_a_2021_visit_ran_with_its_confirmed_people_groups_and_attendance(printed):
    vantaa = Visit.objects.get(slug="vantaa")
    participants = [entry for entry in roster_of(vantaa) if entry.is_participant]
    assert len(participants) >= 20
    plan = BreakoutPlan.objects.get(session__visit=vantaa)
    assert plan.status == BreakoutPlan.Status.DONE
    # Attendance of every session of every day: most present, a few late or absent.
    for session in vantaa.sessions.all():
        assert Attendance.objects.filter(session=session).count() == len(participants)
    assert {session.day for session in vantaa.sessions.all()} == set(
        Attendance.objects.filter(session__visit=vantaa).values_list("session__day", flat=True)
    )
    statuses = set(
        Attendance.objects.filter(session__visit=vantaa).values_list("status", flat=True)
    )
    assert {"present", "late", "absent"} <= statuses
    # The interpreter sits with the participant they interpret for, in every round.
    interpreting = Interpreting.objects.get(visit=vantaa)
    seats = {
        who: list(plan.seats.filter(person=who).order_by("round_index").values_list("group_index"))
        for who in (interpreting.interpreter, interpreting.participant)
    }
    assert len(seats[interpreting.participant]) == plan.rounds
    assert seats[interpreting.interpreter] == seats[interpreting.participant]
    seated = set(plan.seats.filter(round_index=0).values_list("person", flat=True))
    assert interpreting.interpreter.pk in seated
    assert seated - {interpreting.interpreter.pk} <= {entry.user.pk for entry in participants}
    presentation = vantaa.sessions.get(format__slug="host-context-presentation")
    resources = {item.url: item for item in presentation.resource_items.all()}
    assert any(url.startswith("https://docslib.org/doc/6981022/") for url in resources)
    slides = next(item for item in resources.values() if item.title.startswith("Slides"))
    assert (slides.licence, slides.visibility) == ("cc-by-4.0", "public")
    recording = next(item for item in resources.values() if item.title.startswith("Recording"))
    assert recording.visibility == "visit"
    # Ran in 2021: nobody is told of a change today, and the trail says when things happened.
    assert not AgendaChange.objects.filter(visit=vantaa).exists()
    trail = AuditEntry.objects.filter(object_type="visits.agendasession", object_id=plan.session_id)
    assert {entry.at.year for entry in trail} == {2021}
    every = Visit.objects.filter(programme__slug="cultural-heritage-in-action-2021")
    assert BreakoutPlan.objects.filter(session__visit__in=every).count() == 10


def test_the_2027_visit_is_in_preparation_with_answers_and_rooms(printed, client):
    tampere = Visit.objects.get(slug="tampere-2027")
    assert tampere.plan.template_version.template.slug == "online"
    assert tampere.plan.agenda_published  # sent with the confirmations
    participant = User.objects.get(email="participant@example.org")
    roster = {entry.user.email: entry for entry in roster_of(tampere)}
    assert roster["participant@example.org"].is_participant
    answered = QuestionnaireAnswer.objects.filter(visit=tampere)
    assert set(answered.values_list("person__email", flat=True)) == {
        "participant@example.org",
        "host@example.org",
    }
    assert tampere.programme.room_url_template == "https://meet.example.org/{room}"
    address = reverse(
        "visits:visit", kwargs={"programme": tampere.programme.slug, "visit": tampere.slug}
    )
    client.force_login(participant)
    page = client.get(address).content.decode()
    assert 'href="https://meet.example.org/' in page  # a "Join" link to the room
    client.force_login(User.objects.get(email="coordinator@example.org"))
    page = client.get(address + "people/").content.decode()
    assert "textile mills" in page  # the participant's challenge, for the team


def test_the_2021_visits_have_published_reports_written_from_their_facts(printed, client):
    reports = Report.objects.filter(visit__programme__slug="cultural-heritage-in-action-2021")
    assert reports.count() == 10
    assert set(reports.values_list("status", flat=True)) == {"published"}
    assert {report.published_at.year for report in reports} == {2021}
    summaries = set()
    for report in reports.select_related("visit__host_place"):
        text = report.versions.order_by("-number").first().sections
        assert report.visit.host_place.name in text["summary"]
        assert text["recommendations"].startswith("1. ")
        assert report.versions.count() == 3  # prefilled, written, corrected after the check
        assert report.comments.get().resolved_at is not None  # the host's, resolved
        summaries.add(text["summary"])
    assert len(summaries) == 10
    vantaa = reports.get(visit__slug="vantaa")
    assert vantaa.comments.get().author.email == "host@example.org"
    trail = AuditEntry.objects.filter(object_type="reports.report", object_id=str(vantaa.pk))
    assert {entry.at.year for entry in trail} == {2021}
    page = client.get(reverse("library:search"), {"q": "Vantaa", "type": "report"})
    assert vantaa.title in page.content.decode()


def test_the_demos_past_is_in_a_trail_that_verifies(printed):
    """The demo dates its 2021 entries afterwards; the chain is recomputed over them."""
    check = audit_chain_breaks()
    assert check.intact and check.checked > 100
    assert AuditEntry.objects.filter(at__year=2021).exists()
