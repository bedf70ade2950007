import pytest

from tests.test_permissions import SIGNED_IN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", SIGNED_IN)
def test_members_are_managed_by_the_programmes_coordinators_and_staff(
    people_by_role, programme, role
):
    allowed = role in {"coordinator", "staff"}
    assert people_by_role[role].has_perm("programmes.manage_members", programme) is allowed


@pytest.mark.parametrize("role", SIGNED_IN)
@pytest.mark.parametrize("perm", ["places.add_place", "programmes.manage_themes"])
def test_places_and_themes_are_managed_by_any_coordinator_and_staff(people_by_role, role, perm):
    allowed = role in {"coordinator", "coordinator_elsewhere", "staff"}
    assert people_by_role[role].has_perm(perm) is allowed
