import datetime
import threading
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from citypeers.core.audit import (
    SIGN_IN_ADDRESS,
    address_key,
    log_action,
    log_sign_in_failure,
    prune_before,
    redact_about_person,
)
from citypeers.core.audit_chain import REDACTED, chained
from citypeers.core.models import AuditEntry, AuditTrailIsAppendOnly
from citypeers.core.selectors import audit_chain_breaks
from tests.factories import PlaceFactory, UserFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def _raw_update(sql: str, params: list) -> None:
    """What someone with database access, bypassing the application, would run."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT set_config('citypeers.audit_rewrite', 'on', true)")
        cursor.execute(sql, params)


def _trail(count: int, **kwargs) -> list[AuditEntry]:
    place = PlaceFactory(name="Ghent")
    return [log_action(place, f"place.step{n}", **kwargs) for n in range(count)]


def test_each_entry_chains_on_the_one_before_and_the_trail_verifies():
    entries = _trail(3)
    assert entries[1].chain_hash != entries[0].chain_hash
    check = audit_chain_breaks()
    assert (check.intact, check.checked, check.redacted) == (True, 3, 0)
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "verifies: 3 entries, 0 of them redacted" in out.getvalue()


def test_an_entry_edited_in_the_database_is_found_with_its_number():
    entries = _trail(3)
    _raw_update(
        "UPDATE core_auditentry SET action = %s WHERE id = %s", ["place.nothing", entries[1].pk]
    )
    check = audit_chain_breaks()
    assert check.first_break.pk == entries[1].pk
    assert check.checked == 1 and "content was changed" in check.reason
    with pytest.raises(CommandError, match=f"#{entries[1].pk} .*content was changed"):
        call_command("verify_audit")


def test_an_entry_deleted_in_the_database_breaks_the_chain_at_the_next_one():
    entries = _trail(3)
    _raw_update("DELETE FROM core_auditentry WHERE id = %s", [entries[1].pk])
    check = audit_chain_breaks()
    assert check.first_break.pk == entries[2].pk and "chain is broken" in check.reason


def test_the_application_refuses_to_change_or_delete_an_entry():
    entry = _trail(1)[0]
    entry.action = "place.nothing"
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(action="place.nothing")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEntry.objects.bulk_create([AuditEntry(action="x")])
    assert AuditEntry.objects.get().action == "place.step0"


def test_erasure_blanks_what_the_trail_says_about_a_person_and_the_chain_still_verifies():
    person, other = UserFactory(email="ana@example.org"), UserFactory()
    place = PlaceFactory(name="Ana's town")
    by_her = log_action(place, "place.created", by=person, changes={"name": "Ana's town"})
    about_her = log_action(person, "profile.updated", by=other, changes={"name": "Ana"})
    about_her_place = log_action(place, "place.renamed", by=other)
    log_sign_in_failure(email="ANA@example.org")
    role_gone = log_action(other, "membership.removed", by=other, changes={"person": person.email})
    unrelated = log_action(PlaceFactory(name="Lyon"), "place.created", by=other)

    assert redact_about_person(user=person, object_refs=[("places.place", str(place.pk))]) == 5

    for entry in (by_her, about_her, about_her_place, role_gone):
        entry.refresh_from_db()
        assert (entry.object_repr, entry.changes) == (REDACTED, {"redacted": True})
        assert entry.redacted_at is not None
    assert by_her.actor == person  # the tombstone still says it was one person's act
    unrelated.refresh_from_db()
    assert unrelated.object_repr != REDACTED and unrelated.redacted_at is None
    failure = AuditEntry.objects.get(action="auth.sign_in_failed")
    assert failure.object_repr == REDACTED
    record = AuditEntry.objects.get(action="audit.redacted")
    assert record.changes == {"entries": 5}
    check = audit_chain_breaks()
    assert (check.intact, check.redacted) == (True, 5)
    assert not AuditEntry.objects.filter(object_repr__icontains="ana").exists()


def test_a_redacted_entry_given_content_again_does_not_verify():
    person = UserFactory()
    entry = log_action(person, "profile.updated", by=person, changes={"name": "Ana"})
    redact_about_person(user=person, object_refs=[])
    _raw_update("UPDATE core_auditentry SET object_repr = %s WHERE id = %s", ["Bob", entry.pk])
    assert audit_chain_breaks().first_break.pk == entry.pk


def test_a_failed_sign_in_keeps_the_address_only_masked_and_hashed():
    entry = log_sign_in_failure(email="ana.lopez@example.org")
    assert entry.object_repr == "a***@example.org"
    assert (entry.object_type, entry.object_id) == (
        SIGN_IN_ADDRESS,
        address_key("Ana.Lopez@example.org"),
    )
    assert "lopez" not in str(AuditEntry.objects.values().get()).lower()


def _days_ago(days: int):
    """The trail's clock (the one thing mocked) set back `days`."""
    return mock.patch(
        "citypeers.core.audit.timezone.now",
        return_value=timezone.now() - datetime.timedelta(days=days),
    )


def test_retention_prunes_the_oldest_entries_and_the_rest_still_verifies():
    with _days_ago(3000):
        old = _trail(2)
    with _days_ago(10):
        recent = _trail(2)
    cutoff = timezone.now() - datetime.timedelta(days=50)

    assert prune_before(cutoff) == 2

    remaining = set(AuditEntry.objects.values_list("pk", flat=True))
    assert {e.pk for e in recent} <= remaining and not {e.pk for e in old} & remaining
    assert AuditEntry.objects.filter(action="audit.pruned").exists()
    assert audit_chain_breaks().intact
    assert prune_before(cutoff) == 0


def test_the_daily_clean_up_prunes_the_trail_past_its_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    with _days_ago(31):
        _trail(1)
    _trail(1)
    out = StringIO()
    call_command("prune_old_records", stdout=out)
    assert "1 audit entries older than 30 days deleted" in out.getvalue()
    assert AuditEntry.objects.filter(action="place.step0").count() == 1
    assert audit_chain_breaks().intact


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_append_one_after_the_other_without_forking_the_chain():
    place = PlaceFactory(name="Tartu")
    first, second = race(
        lambda: log_action(place, "place.first"),
        lambda: log_action(place, "place.second"),
        hold_after="citypeers.core.audit.digest_of",  # inside the first writer's transaction
    )
    assert first.error is None and second.error is None
    assert second.result.chain_hash == chained(
        first.result.chain_hash, second.result.content_digest
    )
    assert audit_chain_breaks().intact


@pytest.mark.django_db(transaction=True)
def test_many_writers_at_once_leave_one_unbroken_chain():
    place = PlaceFactory(name="Tartu")

    def write_five(n: int) -> None:
        try:
            for step in range(5):
                log_action(place, f"place.writer{n}.step{step}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write_five, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    check = audit_chain_breaks()
    assert (check.intact, check.checked) == (True, 20)
    hashes = AuditEntry.objects.values_list("chain_hash", flat=True)
    assert len(set(hashes)) == 20


def test_on_postgresql_the_database_itself_refuses_to_change_an_entry():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no such trigger; the application refuses there")
    entry = _trail(1)[0]
    refused = pytest.raises(DatabaseError, match="append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET action = 'x.y' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get().action == "place.step0"
