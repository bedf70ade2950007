import pytest
from django.contrib.auth.models import AnonymousUser

from citypeers.programmes.models import Role
from citypeers.programmes.permissions import is_any_coordinator, is_programme_coordinator
from tests.factories import MembershipFactory
from tests.test_permissions import SIGNED_IN

pytestmark = pytest.mark.django_db

COORDINATES = {"coordinator"}


@pytest.mark.parametrize("role", SIGNED_IN)
def test_only_the_programmes_coordinators_coordinate_it(people_by_role, programme, role):
    assert is_programme_coordinator(people_by_role[role], programme) is (role in COORDINATES)


@pytest.mark.parametrize("role", SIGNED_IN)
def test_any_coordinator_means_a_coordinator_of_some_programme(people_by_role, role):
    expected = role in {"coordinator", "coordinator_elsewhere"}
    assert is_any_coordinator(people_by_role[role]) is expected


def test_an_anonymous_visitor_has_no_role(programme):
    visitor = AnonymousUser()
    assert not is_programme_coordinator(visitor, programme)
    assert not is_any_coordinator(visitor)


def test_roles_are_read_once_per_person_and_programme(
    programme, coordinator, django_assert_num_queries
):
    with django_assert_num_queries(1):
        for _ in range(3):
            assert is_programme_coordinator(coordinator, programme)


def test_a_coordinator_of_one_visit_only_coordinates_the_programme(programme, visit):
    person = MembershipFactory(programme=programme, visit=visit, role=Role.COORDINATOR).user
    assert is_programme_coordinator(person, programme)
