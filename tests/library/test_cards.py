"""Library cards (`library.cards`): one narrow row per published practice."""

import pytest

from citypeers.library.cards import cards_delete, cards_delete_all, cards_write
from citypeers.library.models import LibraryState, PracticeCard
from tests.factories import PlaceFactory, PublishedPracticeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_published_practice_has_a_card_and_loses_it_when_unpublished():
    practice = PublishedPracticeFactory(
        places=[PlaceFactory(country="FI", population=250_000), PlaceFactory(country="BE")],
        themes=[ThemeFactory(slug="reuse")],
    )
    card = PracticeCard.objects.get(practice=practice)
    assert (card.countries, card.sizes, card.themes) == ("|BE|FI|", "|large|medium|", "|reuse|")
    practice.status = "draft"
    practice.save()
    assert not PracticeCard.objects.filter(practice=practice).exists()


def test_a_card_holds_what_the_listing_sorts_and_filters_by():
    practice = PublishedPracticeFactory(
        title="Night ferries",
        type="policy",
        willing_to_host=True,
        places=[PlaceFactory(country="FI", population=None), PlaceFactory(country="FI")],
        themes=[ThemeFactory(slug="water"), ThemeFactory(slug="mobility")],
    )
    card = PracticeCard.objects.get(practice=practice)
    assert (card.title, card.type, card.willing_to_host) == ("Night ferries", "policy", True)
    assert card.published_at == practice.published_at
    # A place without a population has no size; each value once, sorted.
    assert (card.themes, card.countries, card.sizes) == ("|mobility|water|", "|FI|", "|medium|")


def test_a_practice_without_places_or_themes_has_empty_facets():
    card = PracticeCard.objects.get(practice=PublishedPracticeFactory())
    assert (card.themes, card.countries, card.sizes) == ("", "", "")


def test_saving_a_practice_again_updates_its_one_card():
    practice = PublishedPracticeFactory(title="Ferries")
    practice.title = "Night ferries"
    practice.willing_to_host = True
    practice.save()
    [card] = PracticeCard.objects.all()
    assert (card.title, card.willing_to_host) == ("Night ferries", True)


def test_writing_no_card_leaves_the_library_state_alone():
    PublishedPracticeFactory()
    token = LibraryState.objects.get().cards_token
    cards_write([])
    assert LibraryState.objects.get().cards_token == token


def test_every_card_write_and_delete_gives_a_new_token():
    tokens = []
    practice = PublishedPracticeFactory()
    tokens.append(LibraryState.objects.get().cards_token)
    cards_delete([practice.pk])
    tokens.append(LibraryState.objects.get().cards_token)
    cards_write([practice])
    tokens.append(LibraryState.objects.get().cards_token)
    cards_delete_all()
    tokens.append(LibraryState.objects.get().cards_token)
    assert len(set(tokens)) == 4
    assert not PracticeCard.objects.exists()


def test_a_card_reads_as_its_title():
    card = PracticeCard.objects.get(practice=PublishedPracticeFactory(title="Night ferries"))
    assert str(card) == "Night ferries"
