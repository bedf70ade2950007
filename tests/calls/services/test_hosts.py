"""Choosing a host: every refusal says why, and one choice makes one planned visit."""

import datetime

import pytest
from django.utils import timezone

from citypeers.calls.models import Application, Call
from citypeers.calls.services.hosts import host_select
from citypeers.core.errors import CallError
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Visit
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PublishedPracticeFactory,
    UserFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db
IN_TEN_WEEKS = timezone.localdate() + datetime.timedelta(weeks=10)


def close(call):
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - datetime.timedelta(hours=1))
    call.refresh_from_db()


@pytest.fixture
def proposed(host_call, city):
    """Tuula's proposal of an online visit in ten weeks; the call has closed since."""
    person, practice = city
    application = sent_application(
        host_call,
        person,
        practice=practice,
        proposed_mode="online",
        proposed_from=IN_TEN_WEEKS,
        proposed_topic="",
    )
    close(host_call)
    return application


def refusal(call, application, coordinator, **kwargs) -> str:
    with pytest.raises(CallError) as refused:
        host_select(call=call, application=application, by=coordinator, **kwargs)
    application.refresh_from_db()
    assert application.hosted_visit is None
    return refused.value.message


def test_only_an_application_to_this_host_call_can_be_chosen(proposed, host_call, coordinator):
    participants = CallFactory(programme=host_call.programme)
    message = "Only an application to a host call can be chosen to host."
    assert refusal(participants, proposed, coordinator) == message
    other_hosts = CallFactory(programme=host_call.programme, type="hosts")
    close(other_hosts)
    assert refusal(other_hosts, proposed, coordinator) == message


def test_a_withdrawn_application_cannot_be_chosen(proposed, host_call, coordinator):
    proposed.status = "withdrawn"
    proposed.save()
    assert refusal(host_call, proposed, coordinator) == (
        "Only a sent application can be chosen to host."
    )


def test_hosts_are_chosen_after_the_close(proposed, host_call, coordinator):
    Call.objects.filter(pk=host_call.pk).update(
        closes_at=timezone.now() + datetime.timedelta(days=1)
    )
    host_call.refresh_from_db()
    assert refusal(host_call, proposed, coordinator) == (
        "Hosts can be chosen once the call has closed."
    )


def test_a_proposal_without_its_mode_cannot_be_planned(proposed, host_call, coordinator):
    proposed.proposed_mode = ""
    proposed.save()
    assert refusal(host_call, proposed, coordinator) == (
        "The application does not say which practice, mode and dates."
    )


def test_a_start_that_has_passed_asks_for_new_dates(proposed, host_call, coordinator):
    message = refusal(host_call, proposed, coordinator, today=IN_TEN_WEEKS)
    assert message.startswith(f"The proposed start, {IN_TEN_WEEKS}, has passed:")


def test_without_a_template_for_the_mode_nothing_is_planned(proposed, host_call, coordinator):
    assert refusal(host_call, proposed, coordinator) == (
        "The methodology has no template for this mode yet."
    )


def test_a_practice_without_a_place_and_a_host_without_one_cannot_host(host_call, coordinator):
    load_methodology()
    organisation = OrganisationFactory(place=None)
    practice = PublishedPracticeFactory(willing_to_host=True, places=[])
    practice.organisations.add(organisation)
    application = sent_application(
        host_call,
        UserFactory(organisation=organisation),
        practice=practice,
        proposed_mode="online",
        proposed_from=IN_TEN_WEEKS,
    )
    close(host_call)
    assert refusal(host_call, application, coordinator) == (
        "The practice names no place to host the visit in."
    )


def test_the_visit_is_named_after_the_place_and_the_practice_when_no_topic_is_given(
    proposed, host_call, coordinator, city, django_capture_on_commit_callbacks
):
    load_methodology()
    stale = Application.objects.get(pk=proposed.pk)  # a second tab, read before the click
    with django_capture_on_commit_callbacks(execute=True):
        visit = host_select(call=host_call, application=proposed, by=coordinator)
    assert visit.title == "Tampere: Adopt a Monument"
    proposed.refresh_from_db()
    assert (proposed.outcome, proposed.outcome_visit, proposed.outcome_why) == (
        "confirmed",
        visit,
        {"code": "host"},
    )
    with pytest.raises(CallError, match="visit exists already"):
        host_select(call=host_call, application=stale, by=coordinator)  # the lock's check
    with pytest.raises(CallError, match="visit exists already"):
        host_select(call=host_call, application=proposed, by=coordinator)
    assert Visit.objects.filter(host_place=visit.host_place).count() == 1
