"""Library cards (`library.cards`): one narrow row per published practice."""

import pytest

from citypeers.library.models import PracticeCard
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
