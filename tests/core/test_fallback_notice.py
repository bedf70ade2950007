"""A reader whose language a text lacks is told so, and the text carries its own language."""

import pytest
from django.utils import translation

from tests.factories import ActivityFormatFactory, CallFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def format_page(client, activity_format, language: str) -> str:
    with translation.override(language):
        address = activity_format.get_absolute_url()
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_a_text_missing_in_the_readers_language_is_shown_marked_in_another(client):
    activity_format = ActivityFormatFactory(
        name={"en": "Walkshop"}, purpose={"en": "To see the site together."}
    )
    page = format_page(client, activity_format, "fr")
    assert '<html lang="fr"' in page
    assert '<h1><span lang="en">Walkshop</span></h1>' in page
    assert '<div lang="en"><p>To see the site together.</p></div>' in page
    assert 'class="notice fallback-notice"' in page


def test_the_notice_links_the_page_in_each_language_the_text_has(client):
    activity_format = ActivityFormatFactory(
        name={"en": "Walkshop", "it": "Passeggiata"},
        purpose={"en": "To see the site together.", "it": "Per vedere il luogo insieme."},
    )
    page = format_page(client, activity_format, "de")
    notice = page.partition('class="notice fallback-notice"')[2].partition("</p>")[0]
    with translation.override("it"):
        italian = activity_format.get_absolute_url()
    assert f'<a href="{italian}" hreflang="it" lang="it">Italiano</a>' in notice
    assert 'hreflang="en"' in notice and 'hreflang="de"' not in notice


def test_a_text_in_the_readers_language_has_no_notice_and_no_mark(client):
    activity_format = ActivityFormatFactory(
        name={"en": "Walkshop", "fr": "Balade"},
        summary={"fr": "Une façon d'apprendre ensemble."},
        purpose={"en": "To see the site together.", "fr": "Voir le lieu ensemble."},
        when={"fr": "Le premier jour."},
    )
    page = format_page(client, activity_format, "fr")
    assert "<h1>Balade</h1>" in page and "fallback-notice" not in page
    assert '<p class="lead">Une façon' in page and '<div lang="en">' not in page


def test_a_practice_written_in_italian_is_marked_for_a_french_reader(client):
    practice = PublishedPracticeFactory(
        language="it", title="Le mura aperte", summary="La città ha riaperto le mura."
    )
    with translation.override("fr"):
        page = client.get(practice.get_absolute_url()).content.decode()
    assert 'lang="it">Le mura aperte</h1>' in page
    assert 'class="notice fallback-notice"' in page


def test_a_call_and_a_programme_in_english_only_are_marked_for_a_polish_reader(client):
    call = CallFactory(title="Heritage walks", description="Take part in a visit.")
    with translation.override("pl"):
        pages = [client.get(call.get_absolute_url()), client.get(call.programme.get_absolute_url())]
    for response in pages:
        assert response.status_code == 200
        assert 'class="notice fallback-notice"' in response.content.decode()
