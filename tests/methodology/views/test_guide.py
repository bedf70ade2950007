"""The guide's page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_guide_shows_phases_roles_and_links(client, methodology):
    page = client.get(reverse("methodology:guide")).text
    for phase in ("Catalogue", "Call for participants", "Follow-up", "Report and communicate"):
        assert phase in page
    assert "Rapporteur" in page
    assert reverse("methodology:guide_pdf") in page
