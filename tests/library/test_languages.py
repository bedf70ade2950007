"""The library in several languages: a practice is found by the words of every language it is
written in, and listed by its title in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def _library(client, language: str, **params) -> str:
    with translation.override(language):
        url = reverse("library:search")
    return client.get(url, params).text


@pytest.fixture
def italian(db):
    return PublishedPracticeFactory(
        language="it",
        title="Adotta un monumento",
        tagline="I cittadini si prendono cura dei siti.",
        summary="Un patto tra il comune e i volontari del quartiere.",
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_practice_written_in_italian_is_found_by_an_italian_word(client, italian, language):
    page = _library(client, language, q="volontari")
    assert 'lang="it">Adotta un monumento</a>' in page
    # Quoted in the language the word was found in, and marked as Italian for screen readers.
    assert '<p lang="it">' in page and "<mark>volontari</mark>" in page


def test_a_practice_is_found_by_the_words_of_a_translation_and_of_its_original(client, italian):
    italian.title = {**italian.title.translations, "en": "Adopt a monument"}
    italian.summary = {**italian.summary.translations, "en": "A pact with the volunteers."}
    italian.save()
    with translation.override("fr"):
        for word in ("adopt", "volunteers", "adotta", "quartiere"):
            assert library_listing(query=LibraryQuery(q=word)).practice_ids == [italian.pk], word


def test_a_card_shows_the_title_in_the_readers_language_else_the_original(client, italian):
    italian.title = {"it": "Adotta un monumento", "fr": "Adopter un monument"}
    italian.save()
    french_page = _library(client, "fr")
    assert ">Adopter un monument</a>" in french_page  # in the reader's language: no lang
    # The tagline has no French: the original is shown, marked as Italian for screen readers.
    assert '<p lang="it">I cittadini si prendono cura dei siti.</p>' in french_page


def test_the_title_order_follows_the_readers_language(client):
    PublishedPracticeFactory(title_en="Apple orchards", title_fr="Vergers de pommiers")
    PublishedPracticeFactory(title_en="Vineyards", title_fr="Anciennes vignes")
    english = _library(client, "en", sort="title")
    french = _library(client, "fr", sort="title")
    assert english.index("Apple orchards") < english.index("Vineyards")
    assert french.index("Anciennes vignes") < french.index("Vergers de pommiers")
