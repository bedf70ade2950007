"""The index follows the practices (`library.signals`): publishing, unpublishing, editing,
deleting, and the places, themes and organisations they are filed under."""

import pytest
from django.core import serializers
from django.db import transaction
from django.utils import timezone

from citypeers.catalogue.models import Practice
from citypeers.library.models import LibraryState
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
)

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


def test_publishing_a_draft_makes_it_found_and_filterable(library, found):
    draft = library["draft"]
    draft.places.add(PlaceFactory(country="FI"))
    assert found("draft") == [] and found("", country="FI") == []
    draft.status, draft.published_at = Practice.Status.PUBLISHED, timezone.now()
    draft.save()
    assert found("draft") == ["Heritage draft"]
    assert found("", country="FI") == ["Heritage draft"]


def test_working_on_a_draft_leaves_every_process_library_index_as_it_is(library):
    """Every app server rebuilds its card index when the token changes: a draft's edits,
    places and themes are not in the library, so they must not cost anyone a rebuild."""
    token = LibraryState.objects.get().cards_token
    draft = library["draft"]
    draft.title = "Heritage draft, second go"
    draft.save()
    draft.places.add(PlaceFactory(country="FI"))
    draft.themes.add(ThemeFactory())
    PracticeFactory(title="Another draft")
    assert LibraryState.objects.get().cards_token == token


def test_an_unpublished_practice_leaves_the_filters_too(library, found):
    fortress = library["fortress"]
    fortress.status = Practice.Status.DRAFT
    fortress.save()
    assert found("", country="HR") == []


def test_a_save_rolled_back_leaves_the_index_as_it_was(library, found):
    fortress = library["fortress"]
    with pytest.raises(RuntimeError), transaction.atomic():
        fortress.title = "Coastal fortress trail"
        fortress.save()
        raise RuntimeError("the save fails after indexing")
    assert found("coastal") == []
    assert found("heritage")[0] == "Heritage trail of Šibenik"


def test_themes_added_or_removed_on_a_practice_change_its_filter(library, found):
    theme = ThemeFactory(slug="lighthouses", name="Lighthouses")
    harbour = library["harbour"]
    harbour.themes.add(theme)
    assert found("", theme="lighthouses") == ["A new life for the harbour"]
    harbour.themes.remove(theme)
    assert found("", theme="lighthouses") == []
    assert found("lighthouses") == []


def test_clearing_a_practices_places_removes_their_names_and_countries(library, found):
    library["fortress"].places.clear()
    assert found("croatia") == []
    assert found("", country="HR") == []


def test_a_theme_taken_from_a_practice_on_the_themes_side_is_forgotten(library, found):
    theme = ThemeFactory(name="Waterfronts", slug="waterfronts")
    theme.practices.add(library["harbour"], library["barracks"])
    assert sorted(found("waterfronts")) == ["A new life for the harbour", "Barracks for start-ups"]
    theme.practices.remove(library["barracks"])
    assert found("waterfronts") == ["A new life for the harbour"]
    assert found("", theme="waterfronts") == ["A new life for the harbour"]


def test_a_renamed_organisation_is_found_under_its_new_name(library, found):
    organisation = OrganisationFactory(name="Port Authority")
    library["harbour"].organisations.add(organisation)
    organisation.name = "Harbour Board"
    organisation.save()
    assert found("authority") == []
    assert found("board") == ["A new life for the harbour"]
    organisation.delete()
    assert found("board") == []


def test_a_place_moved_to_another_country_is_filtered_under_the_new_one(library, found):
    place = library["fortress"].places.get()
    place.country = "SI"
    place.name = "Piran"
    place.save()
    assert found("", country="HR") == []
    assert found("", country="SI") == ["Heritage trail of Šibenik"]
    assert found("piran slovenia") == ["Heritage trail of Šibenik"]


def test_a_deleted_place_no_longer_finds_or_filters_its_practices(library, found):
    library["fortress"].places.get().delete()
    assert found("croatia") == []
    assert found("", country="HR") == []


def test_a_renamed_theme_of_a_draft_leaves_the_draft_out(library, found):
    theme = ThemeFactory(name="Mobility")
    library["draft"].themes.add(theme)
    theme.name = "Active travel"
    theme.save()
    assert found("travel") == []


def test_clearing_a_theme_of_only_drafts_indexes_nothing(library, found, indexed_ids):
    theme = ThemeFactory(name="Mobility")
    PracticeFactory(themes=[theme])
    before = indexed_ids()
    theme.practices.clear()
    assert indexed_ids() == before


def test_a_fixture_load_waits_for_a_rebuild(found, indexed_ids, db):
    practice = PublishedPracticeFactory(title="Loaded later")
    data = serializers.serialize("json", [practice])
    practice.delete()
    for loaded in serializers.deserialize("json", data):
        loaded.save()  # as loaddata does: a raw save
    assert Practice.objects.filter(title__en="Loaded later").exists()
    assert indexed_ids() == set()
