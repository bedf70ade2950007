"""Fixtures the visits' tests share: a template version and a visit planned with it."""

import pytest
from django.urls import reverse

from citypeers.programmes.models import Visit
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PlaceFactory,
    TemplateVersionFactory,
    UserFactory,
    sent_application,
)

PLAN = {
    "mode": "online",
    "start": "2027-03-22",
    "days": "4",
    "participants": "24",
    "host_tz": "Europe/Helsinki",
    "countries": "PT, FI",
    "topic": "Heritage walks",
}


@pytest.fixture
def plan_params():
    """The planner's parameters, as the planner page passes them on in the address."""
    return dict(PLAN)


@pytest.fixture
def version():
    return TemplateVersionFactory()


@pytest.fixture
def planned(client, programme, coordinator, version):
    PlaceFactory(name="Tampere", country="FI")
    client.force_login(coordinator)
    response = client.post(
        reverse("visits:create_from_plan") + "?" + "&".join(f"{k}={v}" for k, v in PLAN.items()),
        {"programme": programme.pk, "title": "Heritage walks", "host_place": "Tampere (FI)"},
    )
    visit = Visit.objects.get(slug="heritage-walks")
    assert response["Location"] == reverse("visits:workspace", args=[programme.slug, visit.slug])
    return visit


def placed(call, visit, outcome="confirmed", **person):
    """A person who applied to `call` with a challenge and access needs and was given
    `outcome` on `visit` (confirmed: their place is on the visit's roster)."""
    user = UserFactory(organisation=OrganisationFactory(), **person)
    application = sent_application(
        call,
        user,
        preferences=[visit],
        challenge="Empty shops on the high street",
        access_needs="Step-free rooms",
        languages=["pt", "en"],
    )
    application.outcome, application.outcome_visit = outcome, visit
    application.save()
    return user


@pytest.fixture
def call(programme, visit):
    return CallFactory(programme=programme, visits=[visit])
