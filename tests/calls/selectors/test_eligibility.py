"""Who may apply: the call's countries and kinds of organisation, host calls, overrides."""

import pytest

from citypeers.calls.selectors.eligibility import (
    applicant_country,
    city_size_of,
    hostable_practices,
    hosting_organisations,
    ineligibility_reasons,
    is_eligible,
)
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
    sent_application,
)

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


def test_the_reasons_name_the_country_and_the_kinds_the_call_is_for(call):
    swiss = OrganisationFactory(type="university", place=PlaceFactory(country="CH"))
    application = sent_application(call, UserFactory(organisation=swiss))
    assert ineligibility_reasons(call, application) == [
        "Switzerland is not among the call's countries.",
        "The call is for: Local authority, Heritage organisation.",
    ]


def test_without_an_organisation_the_profiles_country_counts(call):
    finn = sent_application(call, UserFactory(country="FI"))
    assert applicant_country(finn) == "FI"
    assert ineligibility_reasons(call, finn) == [
        "The call is for: Local authority, Heritage organisation."
    ]
    nowhere = sent_application(call, UserFactory(country=""))
    assert ineligibility_reasons(call, nowhere)[0] == (
        "An unknown country is not among the call's countries."
    )


def test_an_open_call_takes_everyone(programme):
    open_call = CallFactory(programme=programme)
    assert ineligibility_reasons(open_call, sent_application(open_call, UserFactory())) == []


def test_a_coordinators_decision_outweighs_the_rules_both_ways(call):
    finn = sent_application(
        call,
        UserFactory(
            organisation=OrganisationFactory(type="local", place=PlaceFactory(country="FI"))
        ),
    )
    finn.eligibility_override = False
    assert not is_eligible(call, finn)
    swiss = sent_application(
        call, UserFactory(organisation=OrganisationFactory(place=PlaceFactory(country="CH")))
    )
    swiss.eligibility_override = True
    assert is_eligible(call, swiss, reasons=["Switzerland is not among the call's countries."])


def test_the_city_size_quotas_use(db):
    small = OrganisationFactory(place=PlaceFactory(population=20_000))
    unknown = OrganisationFactory(place=PlaceFactory(population=None))
    call = CallFactory()
    assert city_size_of(sent_application(call, UserFactory(organisation=small))) == "small"
    assert city_size_of(sent_application(call, UserFactory(organisation=unknown))) == "unknown"
    assert city_size_of(sent_application(call, UserFactory())) == "unknown"


def test_only_organisations_with_a_published_practice_willing_to_host_may_host(host_call, city):
    person, practice = city
    application = sent_application(host_call, person)
    assert ineligibility_reasons(host_call, application) == []
    assert list(hostable_practices(person.organisation)) == [practice]
    assert hosting_organisations() == {person.organisation.pk}
    other = sent_application(host_call, UserFactory(organisation=OrganisationFactory(name="Town")))
    expected = [
        "Host calls are open to organisations with a published good practice marked "
        "“willing to host”; Town has none yet."
    ]
    assert ineligibility_reasons(host_call, other) == expected
    assert ineligibility_reasons(host_call, other, hosting=hosting_organisations()) == expected
    alone = sent_application(host_call, UserFactory())
    assert "your organisation has none yet" in ineligibility_reasons(host_call, alone)[0]
    assert not hostable_practices(None).exists()


def test_a_practice_not_willing_to_host_does_not_open_a_host_call(host_call):
    organisation = OrganisationFactory()
    practice = PublishedPracticeFactory(willing_to_host=False)
    practice.organisations.add(organisation)
    assert not hostable_practices(organisation).exists()
    application = sent_application(host_call, UserFactory(organisation=organisation))
    assert ineligibility_reasons(host_call, application) != []
