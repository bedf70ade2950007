"""Fixtures the visits' tests share: a template version and a visit planned with it."""

import pytest
from django.urls import reverse

from citypeers.programmes.models import Visit
from tests.factories import PlaceFactory, TemplateVersionFactory

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
