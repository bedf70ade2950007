import pytest
from django.urls import reverse

from citypeers.calls.models import Application
from citypeers.calls.selectors.eligibility import is_eligible
from citypeers.calls.services.applications import application_save
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(programme):
    return CallFactory(
        programme=programme,
        eligible_countries=["FI", "BE"],
        eligible_organisation_types=["local", "heritage"],
    )


def test_eligibility_follows_the_calls_countries_and_kinds_of_organisation(call):
    finnish_city = OrganisationFactory(type="local", place=PlaceFactory(country="FI"))
    swiss_city = OrganisationFactory(type="local", place=PlaceFactory(country="CH"))
    university = OrganisationFactory(type="university", place=PlaceFactory(country="BE"))
    assert is_eligible(call, sent_application(call, UserFactory(organisation=finnish_city)))
    assert not is_eligible(call, sent_application(call, UserFactory(organisation=swiss_city)))
    assert not is_eligible(call, sent_application(call, UserFactory(organisation=university)))


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
