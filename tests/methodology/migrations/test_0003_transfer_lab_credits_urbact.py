"""The migration that gives databases loaded before the credit the Transfer lab's URBACT credit."""

import importlib

import pytest
from django.apps import apps

from citypeers.methodology.models import ActivityFormat

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "citypeers.methodology.migrations.0003_transfer_lab_credits_urbact"
)


def as_shipped_before(card: ActivityFormat) -> ActivityFormat:
    """The card as `load_methodology` left it before the credit was written."""
    for language, credit in migration.CREDIT.items():
        text = getattr(card, f"purpose_{language}")
        assert text.endswith(credit)  # the shipped card and the migration say the same
        setattr(card, f"purpose_{language}", text.removesuffix(credit))
    card.save()
    return card


def test_a_card_as_shipped_gets_the_credit_in_each_language(methodology):
    card = as_shipped_before(ActivityFormat.objects.get(slug="transfer-lab"))
    migration.credit_urbact(apps, None)
    card.refresh_from_db()
    assert "URBACT's transfer method" in card.purpose_en
    assert "la méthode de transfert d'URBACT" in card.purpose_fr
    migration.credit_urbact(apps, None)  # run twice, credited once
    card.refresh_from_db()
    assert card.purpose_en.count("URBACT") == 2  # the sentence and its link


def test_a_coordinators_edit_is_kept_and_backwards_the_credit_goes(methodology):
    card = as_shipped_before(ActivityFormat.objects.get(slug="transfer-lab"))
    card.purpose_fr = "Notre propre texte."
    card.save()
    migration.credit_urbact(apps, None)
    card.refresh_from_db()
    assert card.purpose_fr == "Notre propre texte."
    assert "URBACT" in card.purpose_en
    migration.remove_credit(apps, None)
    card.refresh_from_db()
    assert "URBACT" not in card.purpose_en and card.purpose_fr == "Notre propre texte."
