"""What the workspace and "My visits" read: tasks by phase, the team, each visit one runs or
takes part in."""

import datetime

import pytest
from django.utils import timezone

from citypeers.calls.models import Application
from citypeers.programmes.models import Role, Visit
from citypeers.visits.selectors.mine import (
    FOLD_PAST_AFTER,
    current_phase,
    my_visits,
    tasks_due_for,
    visits_placed,
    visits_run_by,
    visits_with_a_role,
)
from citypeers.visits.selectors.pages import plan_of, planner_query, visit_for_page
from citypeers.visits.selectors.workspace import team_of, workspace_of
from tests.factories import (
    CallFactory,
    MembershipFactory,
    PlaceFactory,
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


def test_a_coordinator_runs_each_visit_of_their_programme_planned_or_not(programme, coordinator):
    planned = VisitPlanFactory(visit__programme=programme, visit__starts_on=_in(30)).visit
    unplanned = VisitFactory(programme=programme, starts_on=_in(60))  # made without a plan
    VisitPlanFactory()  # another programme's
    statuses = visits_run_by(coordinator, today=TODAY)
    assert [(s.visit, s.planned) for s in statuses] == [(planned, True), (unplanned, False)]


def test_the_visits_team_runs_it_but_participants_do_not(programme, visit, people_by_role):
    VisitPlanFactory(visit=visit)
    for role in ["host", "expert", "rapporteur"]:
        assert [s.visit for s in visits_run_by(people_by_role[role], today=TODAY)] == [visit]
    for role in ["participant", "reviewer", "no_role", "coordinator_elsewhere"]:
        assert visits_run_by(people_by_role[role], today=TODAY) == []
    staff_sees = visits_run_by(people_by_role["staff"], today=TODAY)
    assert {status.visit for status in staff_sees} == set(Visit.objects.all())  # every one


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


def _place_in(visit, person, outcome="confirmed"):
    """The calls gave `person` a place in `visit` (selected: waiting for their answer)."""
    call = CallFactory(programme=visit.programme, visits=[visit])
    return Application.objects.create(
        call=call,
        applicant=person,
        status=Application.Status.SUBMITTED,
        outcome=outcome,
        outcome_visit=visit,
    )


def test_the_visits_one_was_given_a_place_in_come_from_the_calls(programme):
    person = UserFactory()
    confirmed, selected, declined = VisitFactory.create_batch(3, programme=programme)
    _place_in(confirmed, person)
    _place_in(selected, person, outcome="selected")
    _place_in(declined, person, outcome="declined")
    _place_in(VisitFactory(programme=programme), UserFactory())  # someone else's
    assert set(visits_placed(person)) == {confirmed, selected}


def test_my_visits_are_those_i_run_and_those_i_take_part_in_each_once(programme):
    person = UserFactory()
    hosted = VisitFactory(programme=programme, starts_on=_in(40))  # no plan
    MembershipFactory(user=person, programme=programme, visit=hosted, role=Role.HOST)
    joined = VisitFactory(programme=programme, starts_on=_in(10), ends_on=_in(12))
    _place_in(joined, person)
    MembershipFactory(user=person, programme=programme, visit=joined, role=Role.PARTICIPANT)
    VisitFactory(programme=programme, starts_on=_in(5))  # not mine
    mine = my_visits(person, today=TODAY)
    assert [(entry.visit, entry.status is not None) for entry in mine.upcoming] == [
        (joined, False),  # taking part: no status to show
        (hosted, True),
    ]
    assert mine.upcoming[1].status.planned is False
    assert mine.past == []


def test_my_visits_come_soonest_first_undated_last_then_past_ones_most_recent_first(
    programme, coordinator
):
    undated = VisitFactory(programme=programme, title="A undated")
    later = VisitFactory(programme=programme, starts_on=_in(30))
    running = VisitFactory(programme=programme, starts_on=_in(-1), ends_on=_in(1))
    long_ago = VisitFactory(programme=programme, starts_on=_in(-400), ends_on=_in(-398))
    last_month = VisitFactory(programme=programme, starts_on=_in(-30))
    mine = my_visits(coordinator, today=TODAY)
    assert [entry.visit for entry in mine.upcoming] == [running, later, undated]
    assert [entry.visit for entry in mine.past] == [last_month, long_ago]
    assert mine.fold_past is False


def test_many_past_visits_are_folded(programme, coordinator):
    for days_ago in range(FOLD_PAST_AFTER + 1):
        VisitFactory(programme=programme, starts_on=_in(-10 - days_ago))
    mine = my_visits(coordinator, today=TODAY)
    assert len(mine.past) == FOLD_PAST_AFTER + 1 and mine.fold_past


def test_the_planner_is_filled_in_from_the_visit(programme):
    visit = VisitFactory(
        programme=programme,
        title="Tampere: industrial heritage",
        mode="hybrid",
        host_place=PlaceFactory(name="Tampere", country="FI"),
        starts_on=datetime.date(2027, 5, 3),
        ends_on=datetime.date(2027, 5, 6),
    )
    assert planner_query(visit) == (
        "mode=hybrid&topic=Tampere%3A+industrial+heritage&start=2027-05-03&days=4"
        f"&host_tz=Europe%2FHelsinki&visit={visit.pk}"
    )
    undated = VisitFactory(programme=programme, host_place=visit.host_place)
    assert "start=" not in planner_query(undated) and "days=" not in planner_query(undated)
