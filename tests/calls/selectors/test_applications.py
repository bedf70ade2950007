"""The coordinators' list of sent applications, with eligibility and why not."""

import pytest

from citypeers.calls.selectors.applications import application_rows
from citypeers.calls.services.applications import application_save
from tests.factories import OrganisationFactory, PlaceFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


def test_sent_applications_oldest_first_with_their_eligibility_drafts_left_out(restricted_call):
    call = restricted_call
    finn = UserFactory(organisation=OrganisationFactory(place=PlaceFactory(country="FI")))
    swiss = UserFactory(organisation=OrganisationFactory(place=PlaceFactory(country="CH")))
    first, second = sent_application(call, finn), sent_application(call, swiss)
    application_save(
        call=call,
        applicant=UserFactory(),
        fields={},
        preferences=[],
        answers={},
        files={},
        consent=False,
        submit=False,
    )
    rows = application_rows(call)
    assert [(r["application"], r["country"], r["eligible"]) for r in rows] == [
        (first, "FI", True),
        (second, "CH", False),
    ]
    assert rows[1]["reasons"] == ["Switzerland is not among the call's countries."]


def test_host_applications_are_checked_for_a_practice_willing_to_host(host_call, city):
    person, _practice = city
    sent_application(host_call, person)
    sent_application(host_call, UserFactory(organisation=OrganisationFactory()))
    assert [row["eligible"] for row in application_rows(host_call)] == [True, False]
