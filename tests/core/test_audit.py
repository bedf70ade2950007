import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import ProtectedError
from django.http import HttpResponse
from django.test import RequestFactory

from citypeers.core.audit import log_action
from citypeers.core.audit_context import AuditContextMiddleware, Origin
from citypeers.core.models import AuditEntry
from tests.factories import PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_trail_records_who_did_what_to_which_object():
    person, place = UserFactory(), PlaceFactory(name="Kortrijk", country="BE")
    log_action(place, "place.created", by=person, changes={"name": "Kortrijk"})
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id) == (
        person,
        "place.created",
        "places.place",
        str(place.pk),
    )
    assert entry.object_repr == "Kortrijk (BE)"
    assert entry.changes == {"name": "Kortrijk"}
    assert str(entry) == "place.created Kortrijk (BE)"


@pytest.mark.parametrize("field", ["password", "new_password", "API_SECRET", "reset_token"])
def test_the_trail_masks_sensitive_values(field):
    entry = log_action(UserFactory(), "profile.updated", changes={field: "hunter2", "name": "Ana"})
    assert entry.changes == {field: "***", "name": "Ana"}
    entry.refresh_from_db()
    assert "hunter2" not in str(entry.changes)


@pytest.mark.parametrize("by", [None, AnonymousUser()], ids=["system", "anonymous"])
def test_an_action_without_a_signed_in_person_has_no_actor(by):
    assert log_action(PlaceFactory(), "place.created", by=by).actor is None


def test_a_long_object_name_is_shortened_to_fit_the_trail():
    place = PlaceFactory(name="N" * 200)
    entry = log_action(place, "place.created")
    entry.refresh_from_db()
    assert entry.object_repr == "N" * 200
    assert entry.changes == {}


def test_a_person_in_the_trail_is_kept_not_deleted_so_the_trail_still_names_them():
    person = UserFactory()
    log_action(PlaceFactory(), "place.created", by=person)
    with pytest.raises(ProtectedError):
        person.delete()  # erasure makes them an anonymised tombstone instead


def test_an_origin_given_explicitly_is_recorded_rather_than_the_requests():
    """During a request the request's address and browser won over the origin a caller named,
    so an entry said it came from where it did not."""
    place = PlaceFactory()
    named = Origin("198.51.100.23", "Import script")
    entries = []

    def view(request):
        entries.append(log_action(place, "place.imported", origin=named))
        entries.append(log_action(place, "place.updated"))
        return HttpResponse()

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox")
    AuditContextMiddleware(view)(request)
    explicit, from_request = (AuditEntry.objects.get(pk=entry.pk) for entry in entries)
    assert (explicit.ip_address, explicit.user_agent) == ("198.51.100.23", "Import script")
    assert (from_request.ip_address, from_request.user_agent) == ("203.0.113.7", "Firefox")
