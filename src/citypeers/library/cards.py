"""Library cards: the narrow row per published practice that listing and facets read."""

from collections.abc import Iterable

from citypeers.catalogue.models import Practice
from citypeers.library.card_index import cards_changed
from citypeers.library.models import PracticeCard, bars


def card_for(practice: Practice) -> PracticeCard:
    """Reads places and themes (prefetch them for many practices)."""
    places = list(practice.places.all())
    return PracticeCard(
        practice_id=practice.pk,
        published_at=practice.published_at,
        title=practice.title,
        type=practice.type,
        willing_to_host=practice.willing_to_host,
        themes=bars([theme.slug for theme in practice.themes.all()]),
        countries=bars([place.country.code for place in places if place.country]),
        sizes=bars([place.size_class.value for place in places if place.size_class]),
    )


def cards_write(practices: Iterable[Practice]) -> None:
    cards = [card_for(practice) for practice in practices]
    if not cards:
        return
    PracticeCard.objects.bulk_create(
        cards,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["practice"],
        update_fields=[
            "published_at",
            "title",
            "type",
            "willing_to_host",
            "themes",
            "countries",
            "sizes",
        ],
    )
    cards_changed(card.practice_id for card in cards)


def cards_delete(practice_ids: Iterable[int]) -> None:
    # Always a new token: deleting a practice removes its card by cascade before this runs.
    practice_ids = list(practice_ids)
    PracticeCard.objects.filter(practice_id__in=practice_ids).delete()
    cards_changed(practice_ids)


def cards_delete_all() -> None:
    PracticeCard.objects.all().delete()
    cards_changed()
