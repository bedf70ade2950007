"""The index follows the practices (`library.signals`): publishing, unpublishing, editing,
deleting, and the places, themes and organisations they are filed under."""

import pytest

from citypeers.catalogue.models import Practice
from tests.factories import OrganisationFactory, PlaceFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_practice_not_published_is_never_found(library, found, indexed_ids):
    assert "Heritage draft" not in found("heritage")
    fortress = library["fortress"]
    fortress.status = Practice.Status.CHANGES_REQUESTED
    fortress.save()
    assert found("heritage") == ["A new life for the harbour"]
    assert fortress.pk not in indexed_ids()


def test_editing_the_title_reindexes_the_practice(library, found):
    fortress = library["fortress"]
    fortress.title = "Coastal fortress trail"
    fortress.save()
    assert found("coastal") == ["Coastal fortress trail"]
    assert found("heritage") == ["A new life for the harbour"]


def test_places_countries_themes_and_organisations_are_findable(library, found):
    harbour = library["harbour"]
    harbour.places.add(PlaceFactory(name="Rotterdam", country="NL"))
    harbour.themes.add(ThemeFactory(name="Blue economy"))
    harbour.organisations.add(OrganisationFactory(name="Port Authority"))
    assert found("rotterdam netherlands") == ["A new life for the harbour"]
    assert found("blue economy authority") == ["A new life for the harbour"]
    assert found("croatia") == ["Heritage trail of Šibenik"]


def test_links_changed_from_the_other_side_reindex_too(library, found):
    rijeka = PlaceFactory(name="Rijeka", country="HR")
    rijeka.practices.add(library["barracks"])
    assert found("rijeka") == ["Barracks for start-ups"]
    rijeka.practices.clear()
    assert found("rijeka") == []


def test_renamed_and_deleted_places_and_themes_are_reindexed(library, found):
    theme = ThemeFactory(name="Mobility")
    library["barracks"].themes.add(theme)
    theme.name = "Active travel"
    theme.save()
    assert found("mobility") == []
    assert found("travel") == ["Barracks for start-ups"]
    theme.delete()
    assert found("travel") == []


def test_deleting_a_practice_removes_it_from_the_index(library, found, indexed_ids):
    fortress_id = library["fortress"].pk
    library["fortress"].delete()
    assert fortress_id not in indexed_ids()
    assert found("heritage") == ["A new life for the harbour"]
