import pytest
from django.urls import reverse

from citypeers.core.errors import ThemeError
from citypeers.core.models import AuditEntry
from citypeers.library.search import parse_query, ranked_practice_ids
from citypeers.programmes.models import Theme
from citypeers.programmes.services import theme_save
from tests.factories import PublishedPracticeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_adds_a_theme_and_sees_how_much_each_is_used(client, coordinator):
    used = ThemeFactory(name="Adaptive re-use")
    PublishedPracticeFactory(themes=[used])
    client.force_login(coordinator)
    url = reverse("programmes:themes")
    response = client.post(url, {"name": "Heritage and climate", "description": "Adaptation."})
    assert response["Location"] == url
    theme = Theme.objects.get(name="Heritage and climate")
    assert theme.slug == "heritage-and-climate"
    page = client.get(url).text
    assert "Heritage and climate" in page
    assert "<td>Adaptive re-use</td><td>0</td><td>1</td>" in page


def test_a_second_theme_of_the_same_name_is_refused_at_the_field(client, coordinator):
    ThemeFactory(name="Participation")
    client.force_login(coordinator)
    response = client.post(reverse("programmes:themes"), {"name": " participation "})
    assert 'href="#id_name"' in response.text
    assert Theme.objects.count() == 1


def test_rewording_keeps_the_address_and_reaches_the_library_index(coordinator):
    theme = ThemeFactory(name="Old wording", slug="old-wording")
    practice = PublishedPracticeFactory(themes=[theme])
    theme_save(theme=theme, name="Renewed wording", description="", by=coordinator)
    theme.refresh_from_db()
    assert theme.slug == "old-wording"
    assert practice.pk in ranked_practice_ids(parse_query("renewed"))
    assert AuditEntry.objects.filter(action="theme.edited").exists()


def test_renaming_to_an_existing_name_is_refused(coordinator):
    ThemeFactory(name="Taken")
    theme = ThemeFactory(name="Free")
    with pytest.raises(ThemeError):
        theme_save(theme=theme, name="TAKEN", description="", by=coordinator)
