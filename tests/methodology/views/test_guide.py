"""The guide's page."""

import pytest
from django.urls import reverse

from tests.factories import TemplateVersionFactory

pytestmark = pytest.mark.django_db


def test_the_guide_shows_phases_roles_and_links(client, methodology):
    page = client.get(reverse("methodology:guide")).text
    for phase in ("Catalogue", "Call for participants", "Follow-up", "Report and communicate"):
        assert phase in page
    assert "Rapporteur" in page
    assert reverse("methodology:guide_pdf") in page


def test_the_guide_links_each_template_and_counts_the_formats(client):
    version = TemplateVersionFactory(template__name_en="Online visit")  # and three formats
    page = client.get(reverse("methodology:guide")).text
    assert "Online visit" in page and version.template.get_absolute_url() in page
    assert "3 activity formats" in page


def test_the_guide_names_every_role_the_cards_need_each_with_its_tasks(client, methodology):
    roles = client.get(reverse("methodology:guide")).text.split('id="roles-heading"')[1]
    roles = roles.split("</section>")[0]
    for role in ("Facilitator", "Expert", "Technical host", "Interpreter", "Table host"):
        assert f"<dt>{role}</dt>" in roles
    assert "<dt>Note-taker</dt>" in roles and "<dt>Local stakeholders</dt>" in roles
    assert "Expert or facilitator" not in roles  # two jobs, two people
    assert "Runs the online room" in roles  # the technical host's tasks
    french = client.get("/fr/methodology/").text
    assert "<dt>Hôte de table</dt>" in french


def test_the_light_templates_are_listed_apart_with_their_people_and_days(client, methodology):
    templates = client.get(reverse("methodology:guide")).text.split('id="templates-heading"')[1]
    main, light = templates.split("Light formats for small cities")
    assert "Onsite peer-learning visit" in main and "Bilateral study visit" not in main
    assert "Onsite: 1 to 2 days, about 3 people." in light  # the bilateral study visit
    assert "Online: 1 day, about 8 people." in light  # the 90-minute clinic
    assert "Choose an expert mission when a city has a precise question" in light
    french = client.get("/fr/methodology/").text
    assert "Formats légers pour les petites villes" in french
