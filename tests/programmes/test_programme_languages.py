"""A programme's name and description in every language: each reader gets theirs (else the
English), on its pages, in lists and in the choices that name it."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.core.translated import translations_of
from citypeers.library.views.widget_form import WidgetForm
from citypeers.newsletter.selectors import programmes_with_newsletter
from citypeers.programmes.models import Programme
from citypeers.programmes.selectors import memberships_of, programmes_list
from citypeers.visits.forms import VisitFromPlanForm
from tests.factories import MembershipFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heritage():
    return ProgrammeFactory(
        slug="heritage",
        name={"en": "Heritage in action", "fr": "Patrimoine en action"},
        description={"en": "Peer learning for cities.", "fr": "Apprendre entre villes."},
    )


def _get(client, name: str, *args, language: str) -> str:
    with translation.override(language):
        return client.get(reverse(name, args=args)).text


def test_a_french_reader_gets_the_french_name_and_description(client, heritage):
    page = _get(client, "programmes:detail", heritage.slug, language="fr")
    assert "<h1>Patrimoine en action</h1>" in page and "Apprendre entre villes." in page
    page = _get(client, "programmes:detail", heritage.slug, language="en")
    assert "<h1>Heritage in action</h1>" in page and "Patrimoine" not in page


def test_a_programme_written_in_english_only_is_shown_in_english_to_a_french_reader(client):
    ProgrammeFactory(slug="walks", name="Heritage walks")  # the active language: English
    page = _get(client, "programmes:list", language="fr")
    assert "Heritage walks" in page


def test_the_french_name_is_the_choice_a_french_reader_picks(heritage):
    ProgrammeFactory(slug="zero", name={"en": "Zero waste", "fr": "Anti-gaspillage"})
    ProgrammeFactory(slug="bridges", name={"en": "Bridges"})  # no French: the English
    with translation.override("fr"):
        choices = WidgetForm().fields["programme"].choices[1:]
    assert choices == [
        ("zero", "Anti-gaspillage"),
        ("bridges", "Bridges"),
        ("heritage", "Patrimoine en action"),
    ]  # by the names the reader reads


def test_a_coordinator_picks_the_programme_by_its_name_in_their_language(heritage):
    coordinator = MembershipFactory(programme=heritage, role="coordinator").user
    with translation.override("fr"):
        form = VisitFromPlanForm(user=coordinator)
        html = str(form["programme"])
    assert "Patrimoine en action" in html and "Heritage in action" not in html


def test_newsletters_are_listed_by_the_name_in_the_readers_language(heritage):
    ProgrammeFactory(slug="zero", name={"en": "Zero waste", "fr": "Anti-gaspillage"})
    with translation.override("fr"):
        names = [str(p.name) for p in programmes_with_newsletter()]
    assert names == ["Anti-gaspillage", "Patrimoine en action"]
    with translation.override("en"):
        names = [str(p.name) for p in programmes_with_newsletter()]
    assert names == ["Heritage in action", "Zero waste"]


def test_lists_of_programmes_need_no_name_to_order_them(heritage, coordinator):
    ProgrammeFactory(slug="another", starts_on=heritage.starts_on, name={"fr": "Autre"})
    assert [p.slug for p in programmes_list()][:2] == ["another", "heritage"]
    assert memberships_of(user=coordinator).count() == 1
    assert list(Programme.objects.values_list("slug", flat=True)) == sorted(
        Programme.objects.values_list("slug", flat=True)
    )  # the same start: by address


def test_staff_find_a_programme_by_its_name_in_any_language(client, heritage, staff):
    ProgrammeFactory(slug="zero", name={"en": "Zero waste", "fr": "Déchets zéro"})
    staff.is_superuser = True  # the admin's rights
    staff.save()
    client.force_login(staff)
    url = reverse("admin:programmes_programme_changelist")
    for term, found in [("déchets", "zero"), ("PATRIMOINE", "heritage"), ("cities", "heritage")]:
        page = client.get(url, {"q": term}).text
        assert f"/programmes/programme/{Programme.objects.get(slug=found).pk}/" in page, term
        assert page.count('class="action-select"') == 1, term


def test_an_editor_writes_two_languages_and_both_are_kept(client, heritage, staff):
    staff.is_superuser = True  # the admin's rights
    staff.save()
    client.force_login(staff)
    url = reverse("admin:programmes_programme_change", args=[heritage.pk])
    page = client.get(url).text
    assert 'name="name_fr" value="Patrimoine en action"' in page
    response = client.post(
        url,
        {
            "name_en": "Heritage in action",
            "name_fr": "Le patrimoine en action",
            "slug": "heritage",
            "description_en": "Peer learning for cities.",
            "starts_on": heritage.starts_on.isoformat(),
            "ends_on": heritage.ends_on.isoformat(),
            "room_provider": "none",
            "bbb_checksum_algorithm": "sha1",
            "data_licence": "CC-BY-4.0",
            "visits-TOTAL_FORMS": "0",
            "visits-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.text
    heritage.refresh_from_db()
    assert translations_of(heritage, "name") == {
        "en": "Heritage in action",
        "fr": "Le patrimoine en action",
    }
    assert translations_of(heritage, "description") == {"en": "Peer learning for cities."}
