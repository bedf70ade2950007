"""Joining an organisation: asked, decided by its members (or coordinators), by e-mail domain."""

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail

from citypeers.core.models import AuditEntry
from citypeers.people.errors import AffiliationError
from citypeers.people.models import Affiliation
from citypeers.people.selectors import affiliations_to_decide, deciders_of
from citypeers.people.services import (
    affiliation_choose,
    affiliation_decide,
    affiliation_grant,
    affiliation_join_by_email,
    affiliation_request,
    affiliation_withdraw,
)
from citypeers.programmes.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def vantaa():
    return OrganisationFactory(name="City of Vantaa")


@pytest.fixture
def member(vantaa):
    return UserFactory(display_name="Veera", organisation=vantaa)


def _ask(person, organisation, capture):
    with capture(execute=True):
        return affiliation_request(user=person, organisation=organisation, by=person)


def test_asking_to_join_gives_nothing_until_a_member_approves(
    vantaa, member, django_capture_on_commit_callbacks
):
    petra = UserFactory(display_name="Petra")
    affiliation = _ask(petra, vantaa, django_capture_on_commit_callbacks)
    petra.refresh_from_db()
    assert petra.organisation is None and affiliation.state == "pending"
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Petra" in mail.outbox[0].body and "City of Vantaa" in mail.outbox[0].subject

    with django_capture_on_commit_callbacks(execute=True):
        affiliation_decide(affiliation=affiliation, approve=True, by=member)
    petra.refresh_from_db()
    assert petra.organisation == vantaa
    assert mail.outbox[-1].to == [petra.email]
    assert mail.outbox[-1].subject == "You are now a member of City of Vantaa"


def test_a_refused_request_gives_nothing_and_tells_the_reason(
    vantaa, member, django_capture_on_commit_callbacks
):
    petra = UserFactory()
    affiliation = _ask(petra, vantaa, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        affiliation_decide(affiliation=affiliation, approve=False, by=member, reason="Unknown here")
    petra.refresh_from_db()
    assert petra.organisation is None
    assert Affiliation.objects.get().state == "refused"
    assert "Unknown here" in mail.outbox[-1].body
    assert AuditEntry.objects.filter(action="affiliation.refused", actor=member).exists()


def test_an_outsider_cannot_decide_nor_the_person_who_asked(vantaa, member):
    petra = UserFactory()
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    outsider = UserFactory(organisation=OrganisationFactory())
    for person in (outsider, petra):
        with pytest.raises(AffiliationError):
            affiliation_decide(affiliation=affiliation, approve=True, by=person)
    petra.refresh_from_db()
    assert petra.organisation is None and affiliation.state == "pending"
    assert list(affiliations_to_decide(user=outsider)) == []
    assert list(affiliations_to_decide(user=member)) == [affiliation]


def test_a_request_is_decided_once(vantaa, member):
    petra = UserFactory()
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    affiliation_decide(affiliation=affiliation, approve=False, by=member)
    with pytest.raises(AffiliationError, match="already refused"):
        affiliation_decide(affiliation=affiliation, approve=True, by=member)
    petra.refresh_from_db()
    assert petra.organisation is None


def test_without_members_the_coordinators_of_its_programmes_decide(
    programme, coordinator, vantaa, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(programme=programme)
    practice.organisations.add(vantaa)
    elsewhere = MembershipFactory(role=Role.COORDINATOR).user
    petra = UserFactory()
    affiliation = _ask(petra, vantaa, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert deciders_of(organisation=vantaa) == [coordinator]
    assert list(affiliations_to_decide(user=coordinator)) == [affiliation]
    assert list(affiliations_to_decide(user=elsewhere)) == []
    with pytest.raises(AffiliationError):
        affiliation_decide(affiliation=affiliation, approve=True, by=elsewhere)
    affiliation_decide(affiliation=affiliation, approve=True, by=coordinator)
    petra.refresh_from_db()
    assert petra.organisation == vantaa


def test_once_it_has_members_coordinators_no_longer_decide(programme, coordinator, vantaa, member):
    practice = PracticeFactory(programme=programme)
    practice.organisations.add(vantaa)
    affiliation = affiliation_request(user=UserFactory(), organisation=vantaa, by=None)
    assert list(affiliations_to_decide(user=coordinator)) == []
    with pytest.raises(AffiliationError):
        affiliation_decide(affiliation=affiliation, approve=True, by=coordinator)


def test_staff_decide_for_an_organisation_nobody_else_can(staff, vantaa):
    petra = UserFactory()
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    assert deciders_of(organisation=vantaa) == [staff]
    affiliation_decide(affiliation=affiliation, approve=True, by=staff)
    petra.refresh_from_db()
    assert petra.organisation == vantaa


def test_a_new_request_replaces_the_waiting_one_and_can_be_withdrawn(vantaa):
    petra = UserFactory()
    first = affiliation_request(user=petra, organisation=OrganisationFactory(), by=petra)
    second = affiliation_request(user=petra, organisation=vantaa, by=petra)
    first.refresh_from_db()
    assert (first.state, second.state) == ("withdrawn", "pending")
    affiliation_withdraw(affiliation=second, by=petra)
    second.refresh_from_db()
    assert second.state == "withdrawn"
    with pytest.raises(AffiliationError):
        affiliation_withdraw(affiliation=second, by=petra)


def test_moving_to_another_organisation_keeps_the_old_one_until_approved(vantaa, member):
    espoo = OrganisationFactory(name="City of Espoo")
    petra = UserFactory(organisation=espoo)
    affiliation_grant(user=petra, organisation=espoo, by=None)
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    petra.refresh_from_db()
    assert petra.organisation == espoo
    affiliation_decide(affiliation=affiliation, approve=True, by=member)
    petra.refresh_from_db()
    assert petra.organisation == vantaa
    states = dict(Affiliation.objects.filter(user=petra).values_list("organisation", "state"))
    assert states == {espoo.pk: "ended", vantaa.pk: "approved"}


def test_choosing_no_organisation_leaves_at_once(vantaa, member):
    assert affiliation_choose(user=member, organisation=None, by=member) == "left"
    member.refresh_from_db()
    assert member.organisation is None
    assert AuditEntry.objects.filter(action="affiliation.changed", actor=member).exists()


def test_a_verified_address_at_the_organisations_domain_joins_at_once(vantaa):
    vantaa.email_domains = "vantaa.fi\n@VANTAA.example\n"
    vantaa.save()
    veikko = UserFactory(email="veikko@vantaa.fi")  # verified by the factory
    affiliation = affiliation_request(user=veikko, organisation=vantaa, by=veikko)
    veikko.refresh_from_db()
    assert (affiliation.state, affiliation.source, veikko.organisation) == (
        "approved",
        "domain",
        vantaa,
    )


def test_an_unverified_address_at_the_domain_waits_like_anyone(vantaa, member):
    vantaa.email_domains = "vantaa.fi"
    vantaa.save()
    veikko = UserFactory(email="veikko@vantaa.fi", verified=False)
    affiliation = affiliation_request(user=veikko, organisation=vantaa, by=veikko)
    assert affiliation.state == "pending"


def test_verifying_an_address_at_a_listed_domain_joins_the_organisation(vantaa, rf):
    vantaa.email_domains = "vantaa.fi"
    vantaa.save()
    veikko = UserFactory(email="veikko@example.org")
    address = EmailAddress.objects.create(user=veikko, email="veikko@vantaa.fi", verified=True)
    email_confirmed.send(sender=EmailAddress, request=rf.get("/"), email_address=address)
    veikko.refresh_from_db()
    assert veikko.organisation == vantaa


def test_a_domain_does_not_move_someone_who_already_has_an_organisation(vantaa, member):
    vantaa.email_domains = "vantaa.fi"
    vantaa.save()
    espoo = OrganisationFactory()
    person = UserFactory(organisation=espoo)
    assert affiliation_join_by_email(user=person, email="someone@vantaa.fi") is None
    person.refresh_from_db()
    assert person.organisation == espoo
