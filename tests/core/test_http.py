"""`core.http`'s exports: every format `requested_export` accepts gives a file."""

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db


def _places(client, programme, visit, coordinator):
    PlaceFactory()
    return reverse("places:list")


def _members(client, programme, visit, coordinator):
    client.force_login(coordinator)
    MembershipFactory(
        programme=programme,
        visit=visit,
        role=Role.HOST,
        user=UserFactory(organisation=OrganisationFactory()),
    )
    return reverse("programmes:members", args=[programme.slug])


def _applications(client, programme, visit, coordinator):
    client.force_login(coordinator)
    call = CallFactory(programme=programme, visits=[visit])
    sent_application(call, UserFactory(organisation=OrganisationFactory()), preferences=[visit])
    return reverse("calls:applications", args=[call.slug])


PAGES = {
    "places": _places,
    "members": _members,
    "a call's applications": _applications,
}


# A place's size is a lazy translation, a member's organisation and visit are models: they
# once ended in a 500 ("Circular reference detected") instead of their text.
@pytest.mark.parametrize("page", list(PAGES))
def test_a_json_export_is_a_file_not_a_server_error(client, programme, visit, coordinator, page):
    url = PAGES[page](client, programme, visit, coordinator)
    response = client.get(url, {"export": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()


def test_a_json_export_writes_translations_and_objects_as_their_text(
    client, programme, visit, coordinator
):
    url = _members(client, programme, visit, coordinator)
    rows = client.get(url, {"export": "json"}).json()
    assert str(visit) in {row["Visit"] for row in rows}
    cells = [value for row in rows for value in row.values()]
    assert all(isinstance(value, str | int | float | bool | None) for value in cells)
