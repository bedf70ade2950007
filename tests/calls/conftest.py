import datetime

import pytest

from citypeers.calls.models import Criterion
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
    VisitFactory,
)


@pytest.fixture(autouse=True)
def _private_files(private_files):
    """Files the calls' tests upload land in a folder of the test's own, never in var/."""


@pytest.fixture
def call(programme):
    """A call for one visit, Vantaa, with one place."""
    vantaa = VisitFactory(programme=programme, title="Vantaa", slug="vantaa")
    call = CallFactory(programme=programme, visits=[vantaa])
    call.selection_settings = {"mode": "merit", "visits": {str(vantaa.pk): {"capacity": 1}}}
    call.save()
    return call


@pytest.fixture
def two_visit_call(db):
    """Two visits, Vantaa and Kortrijk, in the zone of Brussels."""
    vantaa = VisitFactory(title="Vantaa", starts_on=datetime.date(2027, 3, 22))
    kortrijk = VisitFactory(title="Kortrijk", starts_on=datetime.date(2027, 4, 19))
    return CallFactory(visits=[vantaa, kortrijk], time_zone="Europe/Brussels")


@pytest.fixture
def restricted_call(programme):
    """For local authorities and heritage organisations in Finland and Belgium."""
    return CallFactory(
        programme=programme,
        eligible_countries=["FI", "BE"],
        eligible_organisation_types=["local", "heritage"],
    )


@pytest.fixture
def rubric_call(programme):
    """Two reviewers an application, on Motivation (0-5, weight 2) and Expertise (0-10)."""
    call = CallFactory(programme=programme, reviewers_per_application=2)
    Criterion.objects.create(call=call, name="Motivation", scale_max=5, weight=2, position=0)
    Criterion.objects.create(call=call, name="Expertise", scale_max=10, weight=1, position=1)
    return call


@pytest.fixture
def selection_call(programme):
    """Vantaa and Kortrijk, for Finland, Belgium and France."""
    visits = [
        VisitFactory(programme=programme, title="Vantaa", slug="vantaa"),
        VisitFactory(programme=programme, title="Kortrijk", slug="kortrijk"),
    ]
    return CallFactory(programme=programme, visits=visits, eligible_countries=["FI", "BE", "FR"])


@pytest.fixture
def host_call(programme):
    return CallFactory(programme=programme, type="hosts", title="Call for hosts")


@pytest.fixture
def city(db):
    """Tuula of the City of Tampere, whose practice "Adopt a Monument" is willing to host."""
    place = PlaceFactory(name="Tampere", country="FI")
    organisation = OrganisationFactory(name="City of Tampere", place=place)
    person = UserFactory(display_name="Tuula", organisation=organisation)
    practice = PublishedPracticeFactory(
        title="Adopt a Monument", willing_to_host=True, places=[place]
    )
    practice.organisations.add(organisation)
    return person, practice
