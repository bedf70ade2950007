"""Who may apply: the call's countries and kinds of organisation, host calls, overrides."""

import pytest

from citypeers.calls.selectors.eligibility import is_eligible
from tests.factories import OrganisationFactory, PlaceFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(restricted_call):
    """A call for local authorities and heritage organisations in Finland and Belgium."""
    return restricted_call


def test_eligibility_follows_the_calls_countries_and_kinds_of_organisation(call):
    finnish_city = OrganisationFactory(type="local", place=PlaceFactory(country="FI"))
    swiss_city = OrganisationFactory(type="local", place=PlaceFactory(country="CH"))
    university = OrganisationFactory(type="university", place=PlaceFactory(country="BE"))
    assert is_eligible(call, sent_application(call, UserFactory(organisation=finnish_city)))
    assert not is_eligible(call, sent_application(call, UserFactory(organisation=swiss_city)))
    assert not is_eligible(call, sent_application(call, UserFactory(organisation=university)))
