import pytest
from django.core import mail

from citypeers.core.errors import MembershipError, ThemeError
from citypeers.core.models import AuditEntry
from citypeers.library.search import matching_practice_ids, parse_query
from citypeers.programmes.models import Membership, Role, Theme
from citypeers.programmes.services import membership_add, membership_remove, theme_save
from tests.factories import (
    MembershipFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
)
from tests.races import race

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
    assert "/fr/me/" in message.body  # no assignment yet: what needs them, on their page


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


def test_rewording_keeps_the_address_and_reaches_the_library_index(coordinator):
    theme = ThemeFactory(name="Old wording", slug="old-wording")
    practice = PublishedPracticeFactory(themes=[theme])
    theme_save(theme=theme, name="Renewed wording", description="", by=coordinator)
    theme.refresh_from_db()
    assert theme.slug == "old-wording"
    assert practice.pk in matching_practice_ids(parse_query("renewed"))
    assert AuditEntry.objects.filter(action="theme.edited").exists()


def test_renaming_to_an_existing_name_is_refused(coordinator):
    ThemeFactory(name="Taken")
    theme = ThemeFactory(name="Free")
    with pytest.raises(ThemeError):
        theme_save(theme=theme, name="TAKEN", description="", by=coordinator)


def test_a_coordinator_of_one_visit_can_be_removed_even_if_the_only_one(programme, visit):
    on_visit = MembershipFactory(programme=programme, visit=visit, role=Role.COORDINATOR)
    Membership.objects.filter(visit=None, role=Role.COORDINATOR).delete()
    membership_remove(membership=on_visit, by=None)
    assert not Membership.objects.filter(pk=on_visit.pk).exists()


def test_removing_a_role_is_recorded_with_who_had_it(programme, coordinator):
    reviewer = MembershipFactory(programme=programme, role=Role.REVIEWER)
    membership_remove(membership=reviewer, by=coordinator)
    entry = AuditEntry.objects.get(action="membership.removed")
    assert entry.actor == coordinator
    assert entry.changes == {"person": reviewer.user.email, "role": "reviewer"}


def test_an_email_typed_with_spaces_still_finds_the_person(programme, coordinator):
    person = UserFactory(email="aino@example.org")
    membership = membership_add(
        programme=programme, email="  Aino@Example.org ", role=Role.EXPERT, by=coordinator
    )
    assert membership.user == person


def test_a_new_theme_gets_an_address_from_its_name_numbered_if_taken(coordinator):
    ThemeFactory(name="Something else", slug="participation")
    theme = theme_save(name="  Participation ", description="", by=coordinator)
    assert (theme.name, theme.slug) == ("Participation", "participation-2")
    entry = AuditEntry.objects.get(action="theme.created")
    assert entry.changes == {"name": "Participation"}


def test_a_theme_named_without_letters_still_gets_an_address(coordinator):
    assert theme_save(name="???", description="", by=coordinator).slug == "theme"


def test_a_theme_keeps_its_own_name_when_only_the_description_changes(coordinator):
    theme = ThemeFactory(name="Participation")
    theme_save(theme=theme, name="participation", description="Who takes part.", by=coordinator)
    theme.refresh_from_db()
    assert (theme.name, theme.description) == ("participation", "Who takes part.")
    assert AuditEntry.objects.get(action="theme.edited").changes == {
        "name": "en: Participation -> participation"
    }


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_removing_each_other_at_once_leave_one(programme, coordinator):
    """The second removal counts the coordinators after the first is done, and is refused
    (both went through, leaving the programme with none)."""
    other = MembershipFactory(programme=programme, role=Role.COORDINATOR)
    mine = Membership.objects.get(user=coordinator, role=Role.COORDINATOR)
    first, second = race(
        lambda: membership_remove(membership=Membership.objects.get(pk=other.pk), by=coordinator),
        lambda: membership_remove(membership=Membership.objects.get(pk=mine.pk), by=other.user),
        hold_after="citypeers.programmes.services.log_action",
    )
    assert first.error is None
    assert isinstance(second.error, MembershipError)
    assert list(Membership.objects.filter(programme=programme, role=Role.COORDINATOR)) == [mine]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_remove_removes_once(programme, coordinator):
    other = MembershipFactory(programme=programme, role=Role.COORDINATOR)
    first, second = race(
        lambda: membership_remove(membership=Membership.objects.get(pk=other.pk), by=coordinator),
        lambda: membership_remove(membership=Membership.objects.get(pk=other.pk), by=coordinator),
        hold_after="citypeers.programmes.services.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert not Membership.objects.filter(pk=other.pk).exists()
    assert AuditEntry.objects.filter(action="membership.removed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_add_gives_the_role_once_and_says_so(programme, coordinator):
    """The second click gets the friendly refusal, not the unique constraint's error page."""
    person = UserFactory(display_name="Aino")

    def add():
        return membership_add(programme=programme, email=person.email, role="host", by=coordinator)

    first, second = race(add, add, hold_after="citypeers.programmes.services.log_action")
    assert first.error is None
    assert isinstance(second.error, MembershipError) and second.error.field == "role"
    assert Membership.objects.filter(user=person, role="host").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_theme_added_twice_at_once_is_made_once_and_the_second_told_why(coordinator):
    """The second sees the first's theme and gets the message at the name (it failed on the
    unique name or address with an error page)."""

    def add():
        return theme_save(name="Participation", description="", by=coordinator)

    first, second = race(add, add, hold_after="citypeers.programmes.services.log_action")
    assert first.error is None and first.result.slug == "participation"
    assert isinstance(second.error, ThemeError) and second.error.field == "name"
    assert list(Theme.objects.values_list("slug", flat=True)) == ["participation"]
