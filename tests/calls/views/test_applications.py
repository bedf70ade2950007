"""The coordinators' list of applications: eligibility by hand, exports, choosing a host."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.eligibility import is_eligible
from citypeers.calls.services.applications import application_save
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Role
from citypeers.visits.models import VisitTask
from tests.calls.helpers import proposal
from tests.factories import OrganisationFactory, PlaceFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(restricted_call):
    """A call for local authorities and heritage organisations in Finland and Belgium."""
    return restricted_call


def test_a_coordinator_overrides_eligibility_with_a_recorded_reason(client, call, coordinator):
    swiss = sent_application(
        call,
        UserFactory(
            organisation=OrganisationFactory(type="local", place=PlaceFactory(country="CH"))
        ),
    )
    client.force_login(coordinator)
    page = client.get(reverse("calls:applications", args=[call.slug])).text
    assert "Not eligible" in page and "Switzerland is not among the call" in page
    url = reverse("calls:eligibility", args=[call.slug, swiss.pk])
    client.post(url, {"decision": "eligible", "reason": ""})
    swiss.refresh_from_db()
    assert swiss.eligibility_override is None  # a reason is needed
    client.post(url, {"decision": "eligible", "reason": "Partner city of the programme."})
    swiss.refresh_from_db()
    assert swiss.eligibility_override is True and is_eligible(call, swiss)
    assert (
        "Decided by hand: Partner city of the programme."
        in client.get(reverse("calls:applications", args=[call.slug])).text
    )


def test_the_list_exports_every_sent_application_not_drafts(client, call, coordinator):
    sent_application(call, UserFactory(display_name="Aino"))
    application_save(
        call=call,
        applicant=UserFactory(display_name="Draft Dan"),
        fields={"role": "x"},
        preferences=[],
        answers={},
        files={},
        consent=False,
        submit=False,
    )
    client.force_login(coordinator)
    export = client.get(reverse("calls:applications", args=[call.slug]), {"export": "csv"})
    text = export.content.decode()
    assert "Aino" in text and "Draft Dan" not in text
    assert Application.objects.count() == 2


def test_choosing_a_host_creates_its_planned_visit_in_one_step(
    client, host_call, city, coordinator, django_capture_on_commit_callbacks
):
    load_methodology()
    person, practice = city
    client.force_login(person)
    client.post(reverse("calls:apply", args=[host_call.slug]), proposal(practice))
    application = Application.objects.get()
    client.force_login(coordinator)
    url = reverse("calls:host_select", args=[host_call.slug, application.pk])
    refused = client.post(url, follow=True).text  # applicants may still change or withdraw
    assert "Hosts can be chosen once the call has closed." in refused
    now = timezone.now()
    Call.objects.filter(pk=host_call.pk).update(
        opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(hours=1)
    )
    page = client.get(reverse("calls:applications", args=[host_call.slug])).text
    assert "Choose as host and create the visit" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    application.refresh_from_db()
    visit = application.hosted_visit
    assert response["Location"] == reverse(
        "visits:workspace", args=[visit.programme.slug, visit.slug]
    )
    assert (visit.programme, visit.mode, visit.starts_on, visit.host_place.name) == (
        host_call.programme,
        "online",
        application.proposed_from,
        "Tampere",
    )
    assert VisitTask.objects.filter(visit=visit).count() > 20  # the template's steps, dated
    assert person.memberships.filter(visit=visit, role=Role.HOST).exists()
    assert application.outcome == "confirmed"
    [told] = mail.outbox
    assert told.to == [person.email] and "chosen to host the visit" in told.body
    again = client.post(url, follow=True).text
    assert "This host&#x27;s visit exists already." in again


def test_only_the_calls_coordinators_choose_hosts(client, host_call, city):
    person, practice = city
    client.force_login(person)
    client.post(reverse("calls:apply", args=[host_call.slug]), proposal(practice))
    application = Application.objects.get()
    url = reverse("calls:host_select", args=[host_call.slug, application.pk])
    assert client.post(url).status_code == 403
    application.refresh_from_db()
    assert application.hosted_visit is None


def test_the_host_calls_export_adds_the_proposal_columns(client, host_call, city, coordinator):
    person, practice = city
    client.force_login(person)
    client.post(reverse("calls:apply", args=[host_call.slug]), proposal(practice))
    client.force_login(coordinator)
    response = client.get(reverse("calls:applications", args=[host_call.slug]), {"export": "csv"})
    header, row = response.content.decode().splitlines()
    assert header == (
        'Application,Name,E-mail address,Organisation,Country,Status,Eligible,"Visits, in order",'
        "Sent,Good practice,Mode,From,Until,Topic"
    )
    sent = Application.objects.get()
    dates = f"{sent.proposed_from.isoformat()},{sent.proposed_until.isoformat()}"
    assert ",Submitted,yes,," in row
    assert row.endswith(f",Adopt a Monument,Online,{dates},Volunteers who adopt a monument")


def test_a_change_of_affiliation_after_sending_is_flagged_to_the_coordinators(
    client, call, coordinator
):
    from citypeers.core.models import AuditEntry
    from citypeers.people.services import affiliation_decide, affiliation_request

    tampere = OrganisationFactory(name="City of Tampere", place=PlaceFactory(country="FI"))
    vantaa = OrganisationFactory(name="City of Vantaa", place=PlaceFactory(country="FI"))
    member = UserFactory(organisation=vantaa)
    tuula = UserFactory(display_name="Tuula", organisation=tampere)
    application = sent_application(call, tuula)
    client.force_login(coordinator)
    url = reverse("calls:applications", args=[call.slug])
    assert "Affiliation changed" not in client.get(url).text

    request = affiliation_request(user=tuula, organisation=vantaa, by=tuula)
    affiliation_decide(affiliation=request, approve=True, by=member)
    page = client.get(url).text
    assert "Affiliation changed since sending: now City of Vantaa" in page
    application.refresh_from_db()
    assert application.organisation == tampere  # as sent: eligibility and quotas read it
    entry = AuditEntry.objects.get(action="application.affiliation_changed")
    assert entry.object_id == str(application.pk) and entry.actor == member
    assert entry.changes["organisation"] == "City of Tampere → City of Vantaa"
