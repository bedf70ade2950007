import io
import re

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.services.loader import load_methodology

pytestmark = pytest.mark.django_db


@pytest.fixture
def methodology():
    return load_methodology()


def test_the_shipped_methodology_loads_once_and_keeps_edits(methodology):
    assert methodology["formats"] >= 14
    world_cafe = ActivityFormat.objects.get(slug="world-cafe")
    world_cafe.name_en = "Our café"
    world_cafe.save()
    assert load_methodology() == {"formats": 0, "templates": 0}
    assert ActivityFormat.objects.get(slug="world-cafe").name_en == "Our café"


def test_every_format_has_complete_guidance_in_english_and_french(methodology):
    for activity in ActivityFormat.objects.prefetch_related("steps"):
        for language in ("en", "fr"):
            for field in (
                "name",
                "summary",
                "purpose",
                "when",
                "materials",
                "accessibility",
                "pitfalls",
            ):
                assert getattr(activity, f"{field}_{language}"), (activity.slug, field, language)
            assert all(getattr(step, f"text_{language}") for step in activity.steps.all())
        assert sum(step.minutes for step in activity.steps.all()) == activity.default_minutes
        for mode in activity.modes:
            assert activity.variant(mode)


def test_the_guide_shows_phases_roles_and_links(client, methodology):
    page = client.get(reverse("methodology:guide")).text
    for phase in ("Catalogue", "Call for participants", "Follow-up", "Report and communicate"):
        assert phase in page
    assert "Rapporteur" in page
    assert reverse("methodology:guide_pdf") in page


def test_formats_filter_by_mode_group_size_and_duration(client, methodology):
    url = reverse("methodology:formats")
    online = client.get(url, {"mode": "online"}).text
    assert "Virtual tour" in online and "Site visit" not in online
    small_and_short = client.get(url, {"group_size": 5, "duration": 30}).text
    assert "Ask the host" in small_and_short  # 5 to 60 people, from 20 minutes
    assert "World café" not in small_and_short  # from 12 people and 45 minutes
    assert "Fishbowl" not in small_and_short


def test_a_wrong_filter_is_shown_at_its_field_and_the_others_still_apply(client, methodology):
    response = client.get(reverse("methodology:formats"), {"group_size": "lots", "mode": "online"})
    assert response.status_code == 200
    assert 'href="#id_group_size"' in response.text
    assert "Virtual tour" in response.text and "Site visit" not in response.text


def test_a_format_page_reads_in_the_visitors_language(client, methodology):
    english = client.get(reverse("methodology:format", args=["walkshop"])).text
    assert "Walkshop" in english and "Typical pitfalls" in english
    with translation.override("fr"):
        french = client.get(reverse("methodology:format", args=["walkshop"])).text
    assert "Atelier en marchant" in french
    assert client.get(reverse("methodology:format", args=["nope"])).status_code == 404


def pdf_pages(client, language: str) -> list[str]:
    with translation.override(language):
        response = client.get(reverse("methodology:guide_pdf"))
    assert response["Content-Type"] == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def pdf_text(client, language: str) -> tuple[str, int]:
    pages = pdf_pages(client, language)
    return "\n".join(pages), len(pages)


def test_the_pdf_has_contents_with_page_numbers_and_every_format(client, methodology):
    pages = pdf_pages(client, "en")
    contents = pages[1]
    assert contents.startswith("Contents")
    for activity in ActivityFormat.objects.all():
        # Each format is listed in the contents with the page it starts on, and is there.
        listed = re.search(re.escape(activity.name_en) + r" ?\.+ ?(\d+)", contents)
        assert listed, activity.name_en
        assert activity.name_en in pages[int(listed.group(1)) - 1]


def test_the_pdf_follows_the_language_and_changes_with_the_methodology(client, methodology):
    french, _pages = pdf_text(client, "fr")
    assert "Sommaire" in french or "Table des matières" in french
    assert "Atelier en marchant" in french
    ActivityFormat.objects.filter(slug="walkshop").update(name_en="Walking workshop")
    english, _pages = pdf_text(client, "en")
    assert "Walking workshop" in english
