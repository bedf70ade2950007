import pytest
from django.core import mail

from citypeers.core.errors import MembershipError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Membership, Role
from citypeers.programmes.services import membership_add, membership_remove
from tests.factories import MembershipFactory, UserFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_adding_a_role_tells_the_person_by_email_in_their_language(
    programme, coordinator, django_capture_on_commit_callbacks
):
    person = UserFactory(languages=["fr", "en"], display_name="Hélène")
    with django_capture_on_commit_callbacks(execute=True):
        membership_add(
            programme=programme, email=person.email.upper(), role=Role.REVIEWER, by=coordinator
        )
    assert Membership.objects.filter(user=person, programme=programme, role=Role.REVIEWER).exists()
    [message] = mail.outbox
    assert message.to == [person.email]
    assert message.subject == f"Votre rôle dans {programme.name} : Évaluateur"
    assert "Bonjour Hélène" in message.body
    assert f"/fr/programmes/{programme.slug}/" in message.body


def test_adding_a_role_is_recorded_in_the_audit_trail(programme, coordinator):
    person = UserFactory()
    membership = membership_add(
        programme=programme, email=person.email, role=Role.HOST, by=coordinator
    )
    entry = AuditEntry.objects.get(action="membership.added", object_id=str(membership.pk))
    assert entry.actor == coordinator
    assert entry.changes["person"] == person.email


def test_a_role_given_without_notify_mails_nobody_but_is_recorded(
    programme, coordinator, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        membership = membership_add(
            programme=programme, email=person.email, role=Role.HOST, by=coordinator, notify=False
        )
    assert queued == [] and mail.outbox == []
    assert AuditEntry.objects.filter(action="membership.added", object_id=str(membership.pk))


def test_a_person_without_an_account_is_refused_at_the_email_field(
    programme, coordinator, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(MembershipError) as refusal,
    ):
        membership_add(programme=programme, email="nobody@example.org", role="host", by=coordinator)
    assert refusal.value.field == "email"
    assert mail.outbox == []


def test_a_visit_of_another_programme_is_refused(programme, coordinator):
    person = UserFactory()
    foreign_visit = VisitFactory()
    with pytest.raises(MembershipError) as refusal:
        membership_add(
            programme=programme,
            email=person.email,
            role="host",
            visit=foreign_visit,
            by=coordinator,
        )
    assert refusal.value.field == "visit"


def test_the_same_role_twice_is_refused(programme, visit, coordinator):
    person = UserFactory()
    membership_add(
        programme=programme, email=person.email, role="host", visit=visit, by=coordinator
    )
    with pytest.raises(MembershipError) as refusal:
        membership_add(
            programme=programme, email=person.email, role="host", visit=visit, by=coordinator
        )
    assert refusal.value.field == "role"
    # The same role on the whole programme is a different membership and is accepted.
    membership_add(programme=programme, email=person.email, role="host", by=coordinator)


def test_the_last_coordinator_cannot_be_removed(programme, coordinator):
    only = Membership.objects.get(user=coordinator, role=Role.COORDINATOR)
    with pytest.raises(MembershipError):
        membership_remove(membership=only, by=coordinator)
    assert Membership.objects.filter(pk=only.pk).exists()


def test_a_coordinator_can_be_removed_when_another_remains(programme, coordinator):
    second = MembershipFactory(programme=programme, role=Role.COORDINATOR)
    membership_remove(membership=second, by=coordinator)
    assert not Membership.objects.filter(pk=second.pk).exists()
    assert AuditEntry.objects.filter(action="membership.removed").count() == 1
