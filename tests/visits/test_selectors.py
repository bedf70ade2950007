"""What the workspace and the dashboard read: tasks by phase, the team, each visit one runs."""

import datetime

import pytest
from django.utils import timezone

from citypeers.programmes.models import Role, Visit
from citypeers.visits.selectors import (
    current_phase,
    plan_of,
    tasks_due_for,
    team_of,
    visit_for_page,
    visits_run_by,
    visits_with_a_role,
    workspace_of,
)
from tests.factories import (
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    VisitTaskFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 3, 1)


def _in(days):
    return TODAY + datetime.timedelta(days=days)


def test_a_visit_is_found_only_under_its_own_programme(visit):
    assert visit_for_page(visit.programme.slug, visit.slug) == visit
    with pytest.raises(Visit.DoesNotExist):
        visit_for_page(VisitFactory().programme.slug, visit.slug)


def test_a_visit_not_made_from_a_plan_has_none(visit):
    assert plan_of(visit) is None
    plan = VisitPlanFactory(visit=visit)
    assert plan_of(Visit.objects.get(pk=visit.pk)) == plan


def test_the_workspace_puts_overdue_and_this_weeks_tasks_first_and_folds_past_phases(visit):
    # TODAY is a Monday: this week runs to Sunday, _in(6).
    late = VisitTaskFactory(visit=visit, phase=5, due_on=_in(-3))
    sunday = VisitTaskFactory(visit=visit, phase=6, due_on=_in(6))
    next_week = VisitTaskFactory(visit=visit, phase=6, due_on=_in(7))
    done_early = VisitTaskFactory(visit=visit, phase=4, due_on=_in(3), done_at=timezone.now())
    closed = VisitTaskFactory(visit=visit, phase=3, due_on=_in(-20))
    space = workspace_of(visit, today=TODAY)
    assert space.overdue == [closed, late] and space.this_week == [sunday]
    # Each task is shown once: those above are left out of their phase.
    assert [(g.phase.number, g.tasks) for g in space.phases] == [(6, [next_week])]
    # Phase 4 is over since all is done, 3 and 5 since their dates are gone by.
    assert [(g.phase.number, g.tasks) for g in space.past] == [(3, []), (4, [done_early]), (5, [])]


def test_the_team_is_the_coordinators_and_the_visits_own_people(programme, visit, people_by_role):
    host = people_by_role["host"]
    MembershipFactory(programme=programme, visit=visit, role=Role.EXPERT, user=host)
    MembershipFactory(programme=programme, visit=VisitFactory(programme=programme), role=Role.HOST)
    team = team_of(visit)
    own = ["coordinator", "host", "expert", "rapporteur", "technical_host"]
    assert set(team) == {people_by_role[role] for role in own} and len(team) == 5
    assert team == sorted(team, key=str)


def test_the_current_phase_is_that_of_the_first_open_task(visit):
    done = VisitTaskFactory(visit=visit, phase=3, due_on=_in(1), done_at=timezone.now())
    later = VisitTaskFactory(visit=visit, phase=6, due_on=_in(9))
    sooner = VisitTaskFactory(visit=visit, phase=5, due_on=_in(2))
    assert current_phase([done, later, sooner]) == 5
    assert current_phase([done]) is None


def test_a_coordinator_runs_each_planned_visit_of_their_programme(programme, coordinator):
    planned = VisitPlanFactory(visit__programme=programme).visit
    VisitFactory(programme=programme)  # not planned yet
    VisitPlanFactory()  # another programme's
    assert [status.visit for status in visits_run_by(coordinator, today=TODAY)] == [planned]


def test_the_visits_team_runs_it_but_participants_do_not(programme, visit, people_by_role):
    VisitPlanFactory(visit=visit)
    for role in ["host", "expert", "rapporteur"]:
        assert [s.visit for s in visits_run_by(people_by_role[role], today=TODAY)] == [visit]
    for role in ["participant", "reviewer", "no_role", "coordinator_elsewhere"]:
        assert visits_run_by(people_by_role[role], today=TODAY) == []
    staff_sees = visits_run_by(people_by_role["staff"], today=TODAY)
    assert [status.visit for status in staff_sees] == [visit]


def test_someone_with_two_roles_sees_the_visit_once(programme, visit, coordinator):
    VisitPlanFactory(visit=visit)
    MembershipFactory(programme=programme, visit=visit, role=Role.HOST, user=coordinator)
    assert len(visits_run_by(coordinator, today=TODAY)) == 1


def test_a_visits_status_counts_overdue_upcoming_and_done_tasks(visit, coordinator):
    VisitPlanFactory(visit=visit)
    overdue = VisitTaskFactory(visit=visit, phase=4, due_on=_in(-1))
    today = VisitTaskFactory(visit=visit, phase=5, due_on=TODAY)
    last_upcoming = VisitTaskFactory(visit=visit, phase=6, due_on=_in(14))
    VisitTaskFactory(visit=visit, phase=6, due_on=_in(15))
    VisitTaskFactory(visit=visit, phase=3, due_on=_in(-30), done_at=timezone.now())
    [status] = visits_run_by(coordinator, today=TODAY)
    assert status.overdue == [overdue]
    assert status.upcoming == [today, last_upcoming]
    assert (status.done, status.total, status.phase.number) == (1, 5, 4)


def test_a_visit_with_every_task_done_has_no_phase(visit, coordinator):
    VisitPlanFactory(visit=visit)
    VisitTaskFactory(visit=visit, done_at=timezone.now())
    [status] = visits_run_by(coordinator, today=TODAY)
    assert (status.phase, status.done, status.total) == (None, 1, 1)


def test_visits_come_in_the_order_they_start(programme, coordinator):
    later = VisitPlanFactory(visit__programme=programme, visit__starts_on=_in(60)).visit
    sooner = VisitPlanFactory(visit__programme=programme, visit__starts_on=_in(30)).visit
    assert [s.visit for s in visits_run_by(coordinator, today=TODAY)] == [sooner, later]
    assert visits_run_by(UserFactory(), today=TODAY) == []


def test_my_tasks_are_those_i_own_and_unowned_ones_of_my_role_due_this_week_or_before(
    programme, visit
):
    host = MembershipFactory(programme=programme, visit=visit, role=Role.HOST).user
    monday = datetime.date(2027, 3, 1)
    sunday = monday + datetime.timedelta(days=6)
    overdue = VisitTaskFactory(visit=visit, due_on=monday - datetime.timedelta(days=3))
    this_week = VisitTaskFactory(visit=visit, due_on=sunday, owner=host)
    VisitTaskFactory(visit=visit, due_on=sunday + datetime.timedelta(days=1))  # next week
    VisitTaskFactory(visit=visit, due_on=monday, owner=UserFactory())  # someone else's
    VisitTaskFactory(visit=visit, due_on=monday, role=Role.RAPPORTEUR)  # not my role
    VisitTaskFactory(visit=VisitFactory(programme=programme), due_on=monday)  # another visit
    VisitTaskFactory(visit=visit, due_on=monday, done_at=timezone.now())
    assert tasks_due_for(host, today=monday + datetime.timedelta(days=2)) == [overdue, this_week]


def test_a_coordinators_unowned_coordinator_tasks_are_theirs(programme, visit, coordinator):
    task = VisitTaskFactory(visit=visit, role=Role.COORDINATOR, due_on=datetime.date(2027, 3, 1))
    VisitTaskFactory(visit=visit, role=Role.HOST, due_on=datetime.date(2027, 3, 1))
    assert tasks_due_for(coordinator, today=datetime.date(2027, 3, 1)) == [task]


def test_my_visits_are_those_of_my_team_and_those_given_to_me(programme, visit):
    expert = MembershipFactory(programme=programme, visit=visit, role=Role.EXPERT).user
    given = VisitFactory(programme=programme)
    VisitFactory(programme=programme)  # no role in it
    also = Visit.objects.filter(pk=given.pk)
    assert set(visits_with_a_role(expert, also=also)) == {visit, given}
    assert visits_with_a_role(expert, also=Visit.objects.none()) == [visit]
