import datetime

import pytest
from django.db import IntegrityError, transaction

from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, ProgrammeFactory, UserFactory, VisitFactory

pytestmark = pytest.mark.django_db


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_a_programme_cannot_end_before_it_starts():
    refused(
        lambda: ProgrammeFactory(
            starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2026, 4, 30)
        )
    )
    ProgrammeFactory(starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2026, 5, 1))


def test_a_visit_cannot_end_before_it_starts_but_may_have_no_dates():
    refused(
        lambda: VisitFactory(starts_on=datetime.date(2026, 5, 2), ends_on=datetime.date(2026, 5, 1))
    )
    VisitFactory(starts_on=None, ends_on=datetime.date(2026, 5, 1))


def test_a_visit_address_is_unique_within_its_programme_only(programme):
    VisitFactory(programme=programme, slug="tampere")
    refused(lambda: VisitFactory(programme=programme, slug="tampere"))
    VisitFactory(slug="tampere")


def test_the_same_role_twice_in_the_same_place_is_refused_by_the_database(programme, visit):
    person = UserFactory()
    MembershipFactory(user=person, programme=programme, role=Role.HOST)
    refused(lambda: MembershipFactory(user=person, programme=programme, role=Role.HOST))
    MembershipFactory(user=person, programme=programme, visit=visit, role=Role.HOST)
    refused(
        lambda: MembershipFactory(user=person, programme=programme, visit=visit, role=Role.HOST)
    )


def test_a_membership_reads_as_who_what_and_where(programme, visit):
    person = UserFactory(display_name="Aino")
    on_visit = MembershipFactory(user=person, programme=programme, visit=visit, role=Role.EXPERT)
    whole = MembershipFactory(user=person, programme=programme, role=Role.RAPPORTEUR)
    assert str(on_visit) == f"Aino · Expert · {visit.title}"
    assert str(whole) == f"Aino · Rapporteur · {programme.name}"


def test_a_programme_links_to_its_page(programme):
    assert programme.get_absolute_url() == f"/en/programmes/{programme.slug}/"
