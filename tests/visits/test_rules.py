"""Who may plan visits and who runs one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, VisitFactory

pytestmark = pytest.mark.django_db
RUNS_THE_VISIT = {"coordinator", "host", "expert", "rapporteur", "staff"}
PLANS_VISITS = {"coordinator", "coordinator_elsewhere", "staff"}


def test_who_runs_a_visit_and_who_plans_visits(people_by_role, visit):
    runs = {
        role
        for role, person in people_by_role.items()
        if person.has_perm("visits.run_visit", visit)
    }
    plans = {
        role for role, person in people_by_role.items() if person.has_perm("visits.create_visit")
    }
    assert (runs, plans) == (RUNS_THE_VISIT, PLANS_VISITS)
    assert not AnonymousUser().has_perm("visits.run_visit", visit)


def test_the_host_of_one_visit_does_not_run_another(programme, visit, people_by_role):
    other = VisitFactory(programme=programme)
    assert not people_by_role["host"].has_perm("visits.run_visit", other)
    assert people_by_role["coordinator"].has_perm("visits.run_visit", other)
    participant_role = MembershipFactory(programme=programme, visit=other, role=Role.PARTICIPANT)
    assert not participant_role.user.has_perm("visits.run_visit", other)
