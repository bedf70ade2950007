"""A visit made from a plan, and the team keeping its tasks and agenda."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from citypeers.core.errors import VisitError
from citypeers.core.models import AuditEntry
from citypeers.methodology.models import StepTemplate
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import VisitPlan
from citypeers.visits.services.agenda import agenda_publish
from citypeers.visits.services.plans import visit_apply_plan, visit_create_from_plan
from citypeers.visits.services.work import task_assign, task_reminders_queue, task_set_done
from tests.factories import (
    MembershipFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    VisitTaskFactory,
)
from tests.races import race

pytestmark = pytest.mark.django_db
REQUEST = PlanRequest(
    mode="online",
    start=datetime.date(2027, 3, 22),
    days=4,
    participants=24,
    host_tz="Europe/Helsinki",
    countries=("PT", "FI"),
    topic="Heritage walks",
)


def _create(programme, by, version, *, title="Heritage walks", practice=None):
    return visit_create_from_plan(
        programme=programme,
        by=by,
        title=title,
        host_place=PlaceFactory(name="Tampere", country="FI"),
        practice=practice,
        version=version,
        request=REQUEST,
        today=datetime.date(2026, 6, 1),
    )


def _audit(visit):
    return list(
        AuditEntry.objects.filter(object_id=str(visit.pk), object_type="programmes.visit")
        .order_by("pk")
        .values_list("action", "changes")
    )


def test_the_plan_is_kept_with_the_visit(programme, coordinator, version):
    practice = PublishedPracticeFactory(willing_to_host=True)
    visit = _create(programme, coordinator, version, practice=practice)
    plan = visit.plan
    assert (plan.template_version, plan.time_zone, plan.participants) == (
        version,
        "Europe/Helsinki",
        24,
    )
    assert (plan.topic, plan.practice, plan.countries) == ("Heritage walks", practice, ["PT", "FI"])
    assert (plan.created_by, plan.agenda_published) == (coordinator, False)
    assert (visit.host_place.name, visit.mode) == ("Tampere", "online")
    assert _audit(visit) == [
        (
            "visit.planned",
            {
                "template": str(version),
                "starts_on": ["2027-03-22", "2027-03-22"],
                "ends_on": ["", "2027-03-25"],
            },
        ),
    ]


def test_coordinator_steps_are_the_creators_and_the_others_wait_for_the_team(
    programme, coordinator, version
):
    StepTemplate.objects.create(
        version=version,
        key="s2",
        phase=6,
        position=0,
        role="host",
        anchor="start",
        offset_days=-7,
        title="Book the rooms",
        checklist="Main hall\nBreakout rooms",
    )
    visit = _create(programme, coordinator, version)
    tasks = {task.title: task for task in visit.tasks.all()}
    assert (tasks["Close the call"].owner, tasks["Close the call"].role) == (
        coordinator,
        "coordinator",
    )
    rooms = tasks["Book the rooms"]
    assert (rooms.owner, rooms.role, rooms.phase) == (None, "host", 6)
    assert rooms.due_on == datetime.date(2027, 3, 15)  # a week before the start
    assert rooms.checklist_items == ["Main hall", "Breakout rooms"]


def test_only_the_programmes_coordinators_and_staff_add_visits_to_it(
    programme, people_by_role, version
):
    for role in ["coordinator_elsewhere", "host", "no_role"]:
        with pytest.raises(VisitError) as refusal:
            _create(programme, people_by_role[role], version)
        assert refusal.value.field == "programme"
        assert refusal.value.message == "You do not coordinate this programme."
    assert not Visit.objects.filter(title="Heritage walks").exists()
    assert _create(programme, people_by_role["staff"], version).plan.created_by.is_staff


def test_two_visits_with_one_title_get_their_own_addresses(programme, coordinator, version):
    assert _create(programme, coordinator, version).slug == "heritage-walks"
    assert _create(programme, coordinator, version).slug == "heritage-walks-2"
    assert _create(programme, coordinator, version, title="???").slug == "visit"


def test_an_existing_visit_takes_the_plans_dates_but_never_another_mode(coordinator, version):
    apply = {"by": coordinator, "practice": None, "version": version, "request": REQUEST}
    onsite = VisitFactory(mode="onsite", starts_on=None)
    with pytest.raises(VisitError) as refused:  # an online plan would turn it online silently
        visit_apply_plan(visit=onsite, today=datetime.date(2026, 6, 1), **apply)
    assert refused.value.field == "template"
    visit = VisitFactory(mode="online", starts_on=None)
    visit_apply_plan(visit=visit, today=datetime.date(2026, 6, 1), **apply)
    visit.refresh_from_db()
    assert (visit.mode, visit.starts_on, visit.ends_on) == (
        "online",
        datetime.date(2027, 3, 22),
        datetime.date(2027, 3, 25),
    )
    assert visit.sessions.count() == 4


def test_a_task_can_be_recorded_as_done_at_the_time_it_was_done(coordinator):
    task = VisitTaskFactory(title="Send the briefing pack")
    then = datetime.datetime(2021, 3, 1, 16, tzinfo=datetime.UTC)
    task_set_done(task=task, by=coordinator, done=True, now=then)
    task.refresh_from_db()
    assert (task.done_at, task.done_by) == (then, coordinator)


def test_a_task_done_records_who_and_when_and_reopening_forgets_both(coordinator):
    task = VisitTaskFactory(title="Book the rooms")
    before = timezone.now()
    task_set_done(task=task, by=coordinator, done=True)
    task.refresh_from_db()
    assert task.done_by == coordinator and before <= task.done_at <= timezone.now()
    task_set_done(task=task, by=coordinator, done=False)
    task.refresh_from_db()
    assert (task.done_at, task.done_by, task.is_done) == (None, None, False)
    assert _audit(task.visit) == [
        ("task.done", {"task": "Book the rooms"}),
        ("task.reopened", {"task": "Book the rooms"}),
    ]


def test_a_task_is_given_an_owner_and_given_back(coordinator):
    task = VisitTaskFactory(title="Book the rooms")
    host = UserFactory(display_name="Helmi")
    task_assign(task=task, by=coordinator, owner=host)
    task.refresh_from_db()
    assert task.owner == host
    task_assign(task=task, by=coordinator, owner=None)
    task.refresh_from_db()
    assert task.owner is None
    assert _audit(task.visit) == [
        ("task.assigned", {"task": "Book the rooms", "owner": "Helmi"}),
        ("task.assigned", {"task": "Book the rooms", "owner": ""}),
    ]


def test_the_agenda_is_published_and_hidden_again(coordinator):
    plan = VisitPlanFactory()
    agenda_publish(visit=plan.visit, by=coordinator, published=True)
    assert VisitPlan.objects.get(pk=plan.pk).agenda_published
    agenda_publish(visit=plan.visit, by=coordinator, published=False)
    assert not VisitPlan.objects.get(pk=plan.pk).agenda_published
    assert [action for action, _changes in _audit(plan.visit)] == [
        "agenda.published",
        "agenda.hidden",
    ]


def test_queueing_the_reminders_sends_todays(programme):
    task = VisitTaskFactory(visit__programme=programme, due_on=timezone.localdate())
    host = MembershipFactory(programme=programme, visit=task.visit, role=Role.HOST).user
    assert task_reminders_queue()
    assert [message.to for message in mail.outbox] == [[host.email]]


@pytest.mark.django_db(transaction=True)
def test_two_visits_of_one_title_created_at_once_each_get_an_address(
    programme, coordinator, version
):
    """The second takes the next free address (on PostgreSQL it met the first's on the unique
    index and failed with an error page)."""
    first, second = race(
        lambda: _create(programme, coordinator, version),
        lambda: _create(programme, coordinator, version),
        hold_after="citypeers.visits.services.plans.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert (first.result.slug, second.result.slug) == ("heritage-walks", "heritage-walks-2")


def _apply(visit, by, version):
    return visit_apply_plan(
        visit=Visit.objects.get(pk=visit.pk),
        by=by,
        practice=None,
        version=version,
        request=REQUEST,
        today=datetime.date(2026, 6, 1),
    )


def test_a_visit_with_a_plan_is_refused_a_second_one_and_keeps_its_tasks(coordinator, version):
    visit = VisitFactory(starts_on=None)
    _apply(visit, coordinator, version)
    tasks, sessions = visit.tasks.count(), visit.sessions.count()
    with pytest.raises(VisitError, match="has a plan already"):
        _apply(visit, coordinator, version)
    assert (visit.tasks.count(), visit.sessions.count()) == (tasks, sessions)
    assert AuditEntry.objects.filter(action="visit.planned").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_plans_given_to_one_visit_at_once_make_one_and_refuse_the_other(coordinator, version):
    """A double click: the second gets the friendly refusal, not the one-to-one's error page,
    and the visit's tasks are not doubled."""
    visit = VisitFactory(starts_on=None)
    first, second = race(
        lambda: _apply(visit, coordinator, version),
        lambda: _apply(visit, coordinator, version),
        hold_after="citypeers.visits.services.plans.log_action",
    )
    assert first.error is None
    assert isinstance(second.error, VisitError)
    assert VisitPlan.objects.filter(visit=visit).count() == 1
    assert (visit.tasks.count(), visit.sessions.count()) == (1, 4)  # the template's one step
