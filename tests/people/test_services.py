import pytest
from django.db import transaction

from citypeers.core.models import AuditEntry
from citypeers.people.models import Organisation
from citypeers.people.services import organisations_named, user_update_profile
from tests.factories import OrganisationFactory, PlaceFactory, UserFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def test_a_profile_change_is_saved_and_the_trail_names_only_what_changed():
    person = UserFactory(display_name="Mikko", country="FI")
    user_update_profile(user=person, by=person, data={"display_name": "Mikko V.", "country": "FI"})
    person.refresh_from_db()
    assert person.display_name == "Mikko V."
    entry = AuditEntry.objects.get(action="profile.updated")
    assert entry.actor == person
    assert entry.changes == {"display_name": "Mikko V."}


def test_saving_an_unchanged_profile_leaves_no_trace():
    person = UserFactory(display_name="Mikko")
    user_update_profile(user=person, by=person, data={"display_name": "Mikko"})
    assert not AuditEntry.objects.exists()


def test_known_organisations_are_found_whatever_the_case_and_kept_in_order():
    ghent, tampere = OrganisationFactory(name="City of Ghent"), OrganisationFactory(name="Tampere")
    assert organisations_named(["tampere", "CITY OF GHENT"], by=UserFactory()) == [tampere, ghent]
    assert Organisation.objects.count() == 2


def test_among_namesakes_the_one_in_the_practices_places_wins():
    OrganisationFactory(name="Heritage Trust", place=PlaceFactory(name="Glasgow"))
    nantes = PlaceFactory(name="Nantes", country="FR")
    in_nantes = OrganisationFactory(name="Heritage Trust", place=nantes)
    assert organisations_named(["Heritage Trust"], places=[nantes], by=None) == [in_nantes]


def test_an_unknown_organisation_is_added_as_other_in_the_first_place():
    author, nantes = UserFactory(), PlaceFactory(name="Nantes", country="FR")
    [added] = organisations_named(
        ["Les Machines de l'île"], places=[nantes, PlaceFactory()], by=author
    )
    assert (added.name, added.type, added.place) == (
        "Les Machines de l'île",
        Organisation.Type.OTHER,
        nantes,
    )
    entry = AuditEntry.objects.get(action="organisation.created")
    assert entry.actor == author


def test_an_unknown_organisation_without_places_has_no_place():
    [added] = organisations_named(["Nowhere Collective"], by=None)
    assert added.place is None


@pytest.mark.django_db(transaction=True)
def test_a_new_organisation_named_twice_at_once_is_made_once():
    """Two practices naming the same new organisation at the same moment share it (on
    PostgreSQL each made its own)."""

    def name_it():
        with transaction.atomic():  # as in the practice's save
            return organisations_named(["Friends of the Mill"], by=None)

    first, second = race(name_it, name_it, hold_after="citypeers.people.services.log_action")
    assert (first.error, second.error) == (None, None)
    assert first.result == second.result
    assert Organisation.objects.filter(name="Friends of the Mill").count() == 1
