"""The migration that gives databases loaded before the credit the Transfer lab's URBACT credit.

It ran on the column-per-language texts of its day, so it is tested on the schema of its day:
the shipped methodology is loaded, the database taken back to methodology 0004, and the
migration's functions run with the models of that state."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citypeers.methodology.services.loader import load_methodology
from tests.test_migrations import back_to_the_latest_migrations  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)
migration = importlib.import_module(
    "citypeers.methodology.migrations.0003_transfer_lab_credits_urbact"
)
OF_ITS_DAY = [("methodology", "0004_agenda_days_placement_rules")]


@pytest.fixture
def old_apps(back_to_the_latest_migrations):  # noqa: F811
    load_methodology()
    executor = MigrationExecutor(connection)
    executor.migrate(OF_ITS_DAY)
    return executor.loader.project_state(OF_ITS_DAY).apps


def as_shipped_before(apps):
    """The card as `load_methodology` left it before the credit was written."""
    card = apps.get_model("methodology", "ActivityFormat").objects.get(slug="transfer-lab")
    for language, credit in migration.CREDIT.items():
        text = getattr(card, f"purpose_{language}")
        assert text.endswith(credit)  # the shipped card and the migration say the same
        setattr(card, f"purpose_{language}", text.removesuffix(credit))
    card.save()
    return card


def test_a_card_as_shipped_gets_the_credit_in_each_language(old_apps):
    card = as_shipped_before(old_apps)
    migration.credit_urbact(old_apps, None)
    card.refresh_from_db()
    assert "URBACT's transfer method" in card.purpose_en
    assert "la méthode de transfert d'URBACT" in card.purpose_fr
    migration.credit_urbact(old_apps, None)  # run twice, credited once
    card.refresh_from_db()
    assert card.purpose_en.count("URBACT") == 2  # the sentence and its link


def test_a_coordinators_edit_is_kept_and_backwards_the_credit_goes(old_apps):
    card = as_shipped_before(old_apps)
    card.purpose_fr = "Notre propre texte."
    card.save()
    migration.credit_urbact(old_apps, None)
    card.refresh_from_db()
    assert card.purpose_fr == "Notre propre texte."
    assert "URBACT" in card.purpose_en
    migration.remove_credit(old_apps, None)
    card.refresh_from_db()
    assert "URBACT" not in card.purpose_en and card.purpose_fr == "Notre propre texte."
