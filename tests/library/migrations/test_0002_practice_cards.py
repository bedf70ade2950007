"""The migration that gave the practices published before it their library cards."""

import importlib

import pytest
from django.apps import apps

from citypeers.library.cards import card_for
from citypeers.library.models import PracticeCard
from tests.factories import PlaceFactory, PracticeFactory, PublishedPracticeFactory, ThemeFactory

pytestmark = pytest.mark.django_db
CARD_FIELDS = ["published_at", "title", "type", "willing_to_host", "themes", "countries", "sizes"]


def test_the_migration_writes_the_same_cards_as_indexing_does():
    """Practices published before the cards existed get exactly the cards a save would give."""
    migration = importlib.import_module("citypeers.library.migrations.0002_practice_cards")
    published = PublishedPracticeFactory(
        places=[PlaceFactory(country="HR", population=31_115)], themes=[ThemeFactory()]
    )
    PracticeFactory()  # a draft gets no card
    expected = card_for(published)
    PracticeCard.objects.all().delete()
    migration.write_cards_of_published_practices(apps, None)
    [card] = PracticeCard.objects.all()
    assert card.practice_id == published.pk
    for field in CARD_FIELDS:
        assert getattr(card, field) == getattr(expected, field)
