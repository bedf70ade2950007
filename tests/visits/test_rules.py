"""Who may plan visits, who runs one, who changes its tasks, and when nobody may."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, VisitFactory, VisitPlanFactory, VisitTaskFactory

pytestmark = pytest.mark.django_db
RUNS_THE_VISIT = {"coordinator", "host", "expert", "rapporteur", "technical_host", "staff"}
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


def _who(people_by_role, perm, obj) -> set[str]:
    return {role for role, person in people_by_role.items() if person.has_perm(perm, obj)}


def test_a_task_is_changed_by_its_owner_the_host_team_and_the_coordinators(people_by_role, visit):
    hosts_task = VisitTaskFactory(visit=visit, role=Role.HOST)
    assert _who(people_by_role, "visits.change_task", hosts_task) == {
        "coordinator",
        "host",
        "staff",
    }
    given_to_the_expert = VisitTaskFactory(
        visit=visit, role=Role.HOST, owner=people_by_role["expert"]
    )
    assert _who(people_by_role, "visits.change_task", given_to_the_expert) == {
        "coordinator",
        "host",
        "expert",
        "staff",
    }
    # Nobody owns it yet: whoever holds its role on the visit may take it.
    rapporteurs_task = VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR)
    assert "rapporteur" in _who(people_by_role, "visits.change_task", rapporteurs_task)
    assert "expert" not in _who(people_by_role, "visits.change_task", rapporteurs_task)


def test_a_rapporteur_of_another_visit_changes_none_of_this_ones_tasks(programme, visit):
    elsewhere = MembershipFactory(
        programme=programme, visit=VisitFactory(programme=programme), role=Role.RAPPORTEUR
    ).user
    for task in [
        VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR),
        VisitTaskFactory(visit=visit, role=Role.HOST, owner=elsewhere),  # left this team
    ]:
        assert not elsewhere.has_perm("visits.change_task", task)
    assert not elsewhere.has_perm("visits.publish_agenda", visit)


def test_a_finished_visit_is_read_only_for_everyone(people_by_role, visit):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    visit.starts_on = visit.ends_on = yesterday
    visit.save()
    task = VisitTaskFactory(visit=visit, owner=people_by_role["host"])
    assert _who(people_by_role, "visits.change_task", task) == set()
    assert _who(people_by_role, "visits.publish_agenda", visit) == set()
    assert _who(people_by_role, "visits.run_visit", visit) == RUNS_THE_VISIT  # still readable


def test_a_visit_ends_after_its_last_day_and_an_undated_one_never(people_by_role, visit):
    coordinator, today = people_by_role["coordinator"], timezone.localdate()
    assert coordinator.has_perm("visits.publish_agenda", visit)  # no dates yet
    visit.starts_on, visit.ends_on = today - datetime.timedelta(days=2), today
    visit.save()
    assert coordinator.has_perm("visits.publish_agenda", visit)  # its last day is today
    visit.ends_on = None  # a start and no end: the start is its last day
    visit.save()
    assert not coordinator.has_perm("visits.publish_agenda", visit)


def test_a_visit_without_a_plan_is_given_one_by_its_programmes_coordinators_and_staff(
    people_by_role, visit
):
    assert _who(people_by_role, "visits.plan_visit", visit) == {"coordinator", "staff"}
    assert not AnonymousUser().has_perm("visits.plan_visit", visit)


def test_nobody_gives_a_plan_to_a_visit_that_has_one_or_is_over(people_by_role, programme):
    planned = VisitPlanFactory(visit__programme=programme).visit
    over = VisitFactory(programme=programme, starts_on=datetime.date(2021, 5, 10))
    assert _who(people_by_role, "visits.plan_visit", planned) == set()
    assert _who(people_by_role, "visits.plan_visit", over) == set()
