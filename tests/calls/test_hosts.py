"""Host calls: who may apply, the proposed visit, and choosing a host in one step."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import Application, Call
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Role
from citypeers.visits.models import VisitTask
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def host_call(programme):
    return CallFactory(programme=programme, type="hosts", title="Call for hosts")


@pytest.fixture
def city(db):
    place = PlaceFactory(name="Tampere", country="FI")
    organisation = OrganisationFactory(name="City of Tampere", place=place)
    person = UserFactory(display_name="Tuula", organisation=organisation)
    practice = PublishedPracticeFactory(
        title="Adopt a Monument", willing_to_host=True, places=[place]
    )
    practice.organisations.add(organisation)
    return person, practice


def proposal(practice, **changes):
    start = timezone.localdate() + datetime.timedelta(weeks=10)
    data = {
        "practice": practice.pk,
        "proposed_mode": "online",
        "proposed_from": start.isoformat(),
        "proposed_until": (start + datetime.timedelta(weeks=6)).isoformat(),
        "proposed_topic": "Volunteers who adopt a monument",
        "role": "Heritage officer",
        "motivation": "We have ten years of adoptions to share.",
        "languages": ["en"],
        "consent": "on",
        "action": "submit",
    }
    return data | changes


def test_an_organisation_without_a_practice_willing_to_host_is_told_how_to_apply(client, host_call):
    client.force_login(UserFactory(organisation=OrganisationFactory()))
    url = reverse("calls:apply", args=[host_call.slug])
    page = client.get(url).text
    assert "needs a published good practice marked “willing to host”" in page
    assert reverse("catalogue:create") in page
    response = client.post(url, {"action": "submit", "role": "Officer", "consent": "on"})
    assert "This field is required." in response.text
    assert not Application.objects.filter(status="submitted").exists()


def test_a_host_proposes_its_practice_mode_period_and_topic(client, host_call, city):
    person, practice = city
    client.force_login(person)
    url = reverse("calls:apply", args=[host_call.slug])
    page = client.get(url).text
    assert "Adopt a Monument" in page and "What you want to learn" not in page
    assert client.post(url, proposal(practice)).status_code == 302
    application = Application.objects.get()
    assert (application.status, application.practice, application.proposed_mode) == (
        "submitted",
        practice,
        "online",
    )
    assert application.proposed_topic == "Volunteers who adopt a monument"


def test_a_period_that_ends_before_it_starts_is_refused_at_its_field(client, host_call, city):
    person, practice = city
    client.force_login(person)
    start = timezone.localdate() + datetime.timedelta(weeks=10)
    data = proposal(practice, proposed_until=(start - datetime.timedelta(days=1)).isoformat())
    page = client.post(reverse("calls:apply", args=[host_call.slug]), data).text
    assert "The end of the period comes before its start." in page
    assert "Volunteers who adopt a monument" in page  # what was typed is kept
    early = proposal(practice, proposed_from=timezone.localdate().isoformat())
    page = client.post(reverse("calls:apply", args=[host_call.slug]), early).text
    assert "The visit can only start after the call has closed." in page
    assert not Application.objects.exists()


def test_another_organisations_practice_cannot_be_proposed(client, host_call, city):
    _person, practice = city
    client.force_login(UserFactory(organisation=OrganisationFactory()))
    page = client.post(reverse("calls:apply", args=[host_call.slug]), proposal(practice)).text
    assert "Select a valid choice." in page
    assert not Application.objects.exists()


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
