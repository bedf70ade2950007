"""A good practice in several languages: what an editor writes is kept in each language, and
each reader gets their own (else the original)."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.catalogue import services
from citypeers.catalogue.forms import PracticeForm
from citypeers.catalogue.models import Practice
from tests.factories import PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def _page(client, practice, language: str) -> str:
    with translation.override(language):
        return client.get(practice.get_absolute_url()).text


def test_a_french_translation_by_an_editor_is_shown_to_french_readers(client, form_data, staff):
    practice = PublishedPracticeFactory(
        title="Adopt a Monument", summary="Residents adopt a monument.", slug="adopt-a-monument"
    )
    client.force_login(staff)
    with translation.override("fr"):
        edit = reverse("catalogue:edit", args=[practice.slug])
    response = client.post(
        edit,
        form_data
        | {"title_fr": "Adopter un monument", "summary_fr": "Les habitants adoptent un monument."},
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title.translations == {"en": "Adopt a Monument", "fr": "Adopter un monument"}
    assert practice.slug == "adopt-a-monument"  # a published address never changes

    client.logout()
    french = _page(client, practice, "fr")
    assert "Adopter un monument" in french and "Les habitants adoptent un monument." in french
    english = _page(client, practice, "en")
    assert "Adopt a Monument" in english and "Adopter un monument" not in english


def test_a_text_written_only_in_italian_is_shown_to_a_french_reader_marked_as_italian(client):
    practice = PublishedPracticeFactory(
        language="it", title="Adotta un monumento", tagline="I cittadini curano i siti."
    )
    page = _page(client, practice, "fr")
    assert '<h1 itemprop="name" lang="it">Adotta un monumento</h1>' in page
    assert 'lang="it">I cittadini curano i siti.</p>' in page
    assert '<meta itemprop="inLanguage" content="it">' in page


def test_an_editor_writes_two_languages_at_once_and_both_are_kept(client, form_data):
    author = PracticeFactory().submitted_by
    client.force_login(author)
    client.post(
        reverse("catalogue:create"),
        form_data | {"title_fr": "Adopter un monument", "language": "fr"},
    )
    practice = Practice.objects.get(title__en="Adopt a Monument")
    assert practice.title.translations == {"en": "Adopt a Monument", "fr": "Adopter un monument"}
    assert practice.slug == "adopter-un-monument"  # from the title in its original language


def test_the_form_puts_the_original_language_beside_the_pages(db):
    practice = PracticeFactory(language="it", title="Adotta un monumento", summary="Riassunto.")
    with translation.override("fr"):
        form = PracticeForm(instance=practice)
        first = [
            sub["language"]
            for sub in form["context"].field.widget.get_context("context", {}, {})["widget"][
                "first"
            ]
        ]
    assert first == ["fr", "it"]  # the context is still empty, in every language


def test_the_page_language_is_the_language_of_a_new_practice(db):
    with translation.override("fr"):
        assert PracticeForm().initial["language"] == "fr"


def test_a_plain_text_given_to_the_services_is_the_practices_own_language(author_and_programme):
    author, programme = author_and_programme
    practice = services.practice_create(
        by=author,
        data={
            "programme": programme,
            "title": "Adotta un monumento",
            "tagline": "t",
            "summary": "s",
            "type": "project",
            "language": "it",
        },
        places=[],
        themes=[],
    )
    assert practice.title.translations == {"it": "Adotta un monumento"}
    with translation.override("fr"):
        services.practice_update(
            practice=practice, by=author, data={"tagline": "Nuovo"}, places=[], themes=[]
        )
    practice.refresh_from_db()
    assert practice.tagline.translations == {"it": "Nuovo"}


@pytest.fixture
def author_and_programme(db):
    practice = PracticeFactory()
    return practice.submitted_by, practice.programme


def test_the_history_keeps_each_version_in_every_language(db):
    practice = PracticeFactory(title_en="Adopt a monument")
    practice.title = {"en": "Adopt a monument", "fr": "Adopter un monument"}
    practice.save()
    titles = [record.title.translations for record in practice.history.order_by("history_id")]
    assert titles == [
        {"en": "Adopt a monument"},
        {"en": "Adopt a monument", "fr": "Adopter un monument"},
    ]


def test_a_text_keeps_its_lines_and_a_title_stays_on_one(form_data):
    form = PracticeForm(
        form_data | {"summary_fr": "Les habitants\nadoptent un monument.", "title_fr": "Un\ntitre"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["summary"]["fr"] == "Les habitants\nadoptent un monument."
    assert form.cleaned_data["title"]["fr"] == "Un titre"
