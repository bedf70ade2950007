"""The admin's list of calls: found by their title in any language."""

import pytest
from django.urls import reverse

from tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_staff_find_a_call_by_its_title_in_any_language(client, staff):
    staff.is_superuser = True
    staff.save()
    CallFactory(title={"en": "Heritage walks", "fr": "Promenades du patrimoine"})
    CallFactory(title="Giants of Kortrijk")
    client.force_login(staff)
    url = reverse("admin:calls_call_changelist")
    for term in ("promenades", "PATRIMOINE", "heritage"):
        page = client.get(url, {"q": term}).text
        assert "Heritage walks" in page and "Giants of Kortrijk" not in page, term
    assert "Giants of Kortrijk" in client.get(url, {"q": "kortrijk"}).text
