import datetime

import pytest

from citypeers.programmes.models import Role
from citypeers.programmes.selectors import (
    memberships_of,
    programme_detail,
    programme_members,
    programmes_coordinated_by,
    programmes_list,
    themes_with_counts,
)
from tests.factories import (
    MembershipFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_programmes_are_listed_newest_first_with_their_visit_counts():
    old = ProgrammeFactory(name="Old", starts_on=datetime.date(2021, 1, 1))
    new = ProgrammeFactory(name="New", starts_on=datetime.date(2026, 1, 1))
    VisitFactory.create_batch(2, programme=old)
    listed = list(programmes_list())
    assert listed == [new, old]
    assert [p.visit_count for p in listed] == [0, 2]


def test_a_programme_page_names_only_its_programme_wide_coordinators(programme, visit):
    whole = MembershipFactory(programme=programme, role=Role.COORDINATOR)
    MembershipFactory(programme=programme, visit=visit, role=Role.COORDINATOR)
    MembershipFactory(programme=programme, role=Role.REVIEWER)
    MembershipFactory(role=Role.COORDINATOR)
    detail = programme_detail(slug=programme.slug)
    assert detail.coordinator_memberships == [whole]
    assert list(detail.visits.all()) == [visit]


def test_members_are_grouped_by_role_then_visit_then_name(programme, visit):
    zoe = MembershipFactory(programme=programme, role=Role.HOST, user__display_name="Zoë")
    ana = MembershipFactory(programme=programme, role=Role.HOST, user__display_name="Ana")
    on_visit = MembershipFactory(programme=programme, visit=visit, role=Role.HOST)
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR)
    MembershipFactory(role=Role.HOST)
    assert list(programme_members(programme=programme)) == [coordinator, ana, zoe, on_visit]


def test_my_roles_are_listed_newest_programme_first():
    person = UserFactory()
    old = MembershipFactory(
        user=person,
        programme__starts_on=datetime.date(2021, 1, 1),
        programme__ends_on=datetime.date(2021, 12, 31),
    )
    new = MembershipFactory(user=person, programme__starts_on=datetime.date(2026, 1, 1))
    MembershipFactory()
    assert list(memberships_of(user=person)) == [new, old]


def test_each_theme_says_how_many_programmes_and_practices_use_it():
    used = ThemeFactory(name="Adaptive re-use")
    ThemeFactory(name="Participation")
    ProgrammeFactory().themes.add(used)
    ProgrammeFactory().themes.add(used)
    PublishedPracticeFactory(themes=[used])
    counts = {t.name: (t.programme_count, t.practice_count) for t in themes_with_counts()}
    assert counts == {"Adaptive re-use": (2, 1), "Participation": (0, 0)}


def test_a_coordinator_may_add_to_the_programmes_they_coordinate_only(programme, coordinator):
    MembershipFactory(user=coordinator, programme=programme, role=Role.HOST)
    MembershipFactory(role=Role.COORDINATOR)
    assert list(programmes_coordinated_by(coordinator)) == [programme]
    host = MembershipFactory(programme=programme, role=Role.HOST).user
    assert not programmes_coordinated_by(host).exists()


def test_staff_may_add_to_every_programme(programme, staff):
    other = ProgrammeFactory(
        starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2027, 12, 31)
    )
    assert list(programmes_coordinated_by(staff)) == [other, programme]


def test_my_roles_in_a_whole_programme_come_before_those_in_its_visits(programme, visit):
    person = UserFactory()
    on_visit = MembershipFactory(user=person, programme=programme, visit=visit, role=Role.EXPERT)
    whole = MembershipFactory(user=person, programme=programme, role=Role.RAPPORTEUR)
    assert list(memberships_of(user=person)) == [whole, on_visit]
