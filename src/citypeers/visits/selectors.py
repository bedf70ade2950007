"""Reading visits: the public page, the team's workspace, "My visits" and what a person's
home page (`/me/`) shows of their visits and tasks."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet

from citypeers.methodology.enums import PHASES
from citypeers.places.countries import country_zone
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import TEAM_ROLES
from citypeers.visits.models import VisitTask

UPCOMING_DAYS = 14


def visit_for_page(programme_slug: str, visit_slug: str) -> Visit:
    return (
        Visit.objects.select_related(
            "programme", "host_place", "plan__template_version__template", "plan__practice"
        )
        .prefetch_related("sessions__format")
        .get(programme__slug=programme_slug, slug=visit_slug)
    )


def plan_of(visit: Visit):
    try:
        return visit.plan
    except Visit.plan.RelatedObjectDoesNotExist:
        return None


@dataclass
class PhaseTasks:
    phase: object
    tasks: list = field(default_factory=list)


@dataclass
class Workspace:
    """A visit's tasks as its workspace shows them: what is overdue and what is due this week
    first (across phases), then each phase with its other tasks; past phases are folded."""

    tasks: list  # every task of the visit, by due date
    overdue: list
    this_week: list
    phases: list  # PhaseTasks of the phases still running, without the tasks shown above
    past: list  # PhaseTasks of the phases over: every task done, or every due date gone by


def end_of_week(today: datetime.date) -> datetime.date:
    """The Sunday closing today's week."""
    return today + datetime.timedelta(days=6 - today.weekday())


def workspace_of(visit: Visit, *, today: datetime.date) -> Workspace:
    tasks = list(visit.tasks.select_related("owner", "done_by").order_by("due_on", "position"))
    sunday = end_of_week(today)
    overdue = [t for t in tasks if not t.is_done and t.due_on < today]
    this_week = [t for t in tasks if not t.is_done and today <= t.due_on <= sunday]
    first = {t.pk for t in overdue + this_week}
    running, past = [], []
    for phase in PHASES:
        own = [t for t in tasks if t.phase == phase.number]
        if not own:
            continue
        rest = PhaseTasks(phase, [t for t in own if t.pk not in first])
        over = all(t.is_done for t in own) or max(t.due_on for t in own) < today
        (past if over else running).append(rest)
    return Workspace(tasks=tasks, overdue=overdue, this_week=this_week, phases=running, past=past)


def team_of(visit: Visit):
    """People who may own a task: the programme's coordinators and the visit's team."""
    memberships = Membership.objects.filter(programme_id=visit.programme_id).filter(
        Q(role=Role.COORDINATOR) | Q(visit=visit, role__in=TEAM_ROLES)
    )
    users = {m.user_id: m.user for m in memberships.select_related("user")}
    return sorted(users.values(), key=lambda user: str(user))


def current_phase(tasks: list[VisitTask]) -> int | None:
    """The phase of the first open task by due date; None once everything is done."""
    open_tasks = [task for task in tasks if not task.is_done]
    return min(open_tasks, key=lambda t: (t.due_on, t.phase)).phase if open_tasks else None


@dataclass
class VisitStatus:
    visit: Visit
    phase: object
    overdue: list
    upcoming: list
    done: int
    total: int
    planned: bool = True


def visits_run_by(user, *, today: datetime.date) -> list[VisitStatus]:
    """Each visit the person coordinates or helps run (staff: every visit), planned or not,
    with its phase and tasks."""
    if user.is_staff:
        visits = Visit.objects.all()
    else:
        memberships = Membership.objects.filter(user=user)
        visits = Visit.objects.filter(
            Q(programme__memberships__in=memberships.filter(role=Role.COORDINATOR))
            | Q(memberships__in=memberships.filter(role__in=TEAM_ROLES))
        )
    visits = (
        visits.distinct()
        .select_related("programme", "host_place", "plan")
        .prefetch_related("tasks__owner")
        .order_by("starts_on")
    )
    phases = {phase.number: phase for phase in PHASES}
    horizon = today + datetime.timedelta(days=UPCOMING_DAYS)
    statuses = []
    for visit in visits:
        tasks = sorted(visit.tasks.all(), key=lambda t: (t.due_on, t.position))
        open_tasks = [task for task in tasks if not task.is_done]
        statuses.append(
            VisitStatus(
                visit=visit,
                phase=phases.get(current_phase(tasks)),
                overdue=[task for task in open_tasks if task.due_on < today],
                upcoming=[task for task in open_tasks if today <= task.due_on <= horizon],
                done=len(tasks) - len(open_tasks),
                total=len(tasks),
                planned=plan_of(visit) is not None,
            )
        )
    return statuses


# Apps above this one give people a place in a visit (calls: a selected or confirmed
# application); they register how from their `ready()`, so "My visits" lists those visits
# without importing them, as /me/ does with `calls.selectors.personal.visits_given_to`.
PLACE_SOURCES: list[Callable[..., QuerySet[Visit]]] = []


def visit_places_register(source: Callable[..., QuerySet[Visit]]) -> None:
    """Called from an app's `ready()`; registering the same source twice keeps one."""
    if source not in PLACE_SOURCES:
        PLACE_SOURCES.append(source)


def visits_placed(user) -> QuerySet[Visit]:
    """The visits the registered apps gave the person a place in."""
    given = Q(pk__in=[])
    for source in PLACE_SOURCES:
        given |= Q(pk__in=source(user).values("pk"))
    return Visit.objects.filter(given)


@dataclass
class MyVisit:
    """One line of "My visits": the visit, and its status when the person runs it."""

    visit: Visit
    status: VisitStatus | None  # None: the person takes part in it, without running it

    @property
    def last_day(self) -> datetime.date | None:
        return self.visit.ends_on or self.visit.starts_on

    @property
    def planner_query(self) -> str:
        return planner_query(self.visit)


@dataclass
class MyVisits:
    upcoming: list  # running or to come, the soonest first; undated ones last
    past: list  # the most recent first
    fold_past: bool  # many past visits: shown folded


FOLD_PAST_AFTER = 3


def my_visits(user, *, today: datetime.date) -> MyVisits:
    """Every visit the person has a role in: those they run (with their status) and those they
    take part in; each once."""
    mine = {
        status.visit.pk: MyVisit(status.visit, status)
        for status in visits_run_by(user, today=today)
    }
    for visit in visits_with_a_role(user, also=visits_placed(user)):
        mine.setdefault(visit.pk, MyVisit(visit, None))
    past = [entry for entry in mine.values() if entry.last_day and entry.last_day < today]
    upcoming = [entry for entry in mine.values() if entry not in past]
    upcoming.sort(
        key=lambda e: (e.visit.starts_on is None, e.visit.starts_on or today, e.visit.title)
    )
    past.sort(key=lambda entry: (entry.last_day, entry.visit.starts_on), reverse=True)
    return MyVisits(upcoming=upcoming, past=past, fold_past=len(past) > FOLD_PAST_AFTER)


def planner_query(visit: Visit) -> str:
    """The planner's parameters (a query string) that plan this visit as it stands (mode, first
    day, number of days, host's zone, topic), and `visit`, naming it for the planner's "give
    this plan" button."""
    query = {"mode": visit.mode, "topic": visit.title[:200]}  # a topic is 200 at most
    if visit.starts_on:
        query["start"] = visit.starts_on.isoformat()
        if visit.ends_on and visit.ends_on >= visit.starts_on:
            query["days"] = str((visit.ends_on - visit.starts_on).days + 1)
    if zone := country_zone(visit.host_place.country.code):
        query["host_tz"] = zone
    return urlencode(query | {"visit": str(visit.pk)})


REMIND_DAYS_BEFORE = 3
REPEAT_OVERDUE_EVERY = datetime.timedelta(days=7)


def tasks_to_remind(today: datetime.date):
    """Open tasks due within three days not yet reminded, and overdue ones once a week."""
    soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    candidates = VisitTask.objects.filter(done_at=None, due_on__lte=soon).select_related(
        "visit__programme", "owner"
    )
    return [
        task
        for task in candidates
        if task.reminded_on is None
        or (task.due_on < today and task.reminded_on <= today - REPEAT_OVERDUE_EVERY)
    ]


def reminder_recipients(task: VisitTask) -> list:
    """The owner; else whoever holds the task's role for the visit; else its coordinators."""
    if task.owner:
        return [task.owner]
    holders = Membership.objects.filter(visit=task.visit, role=task.role).select_related("user")
    if not holders:
        holders = Membership.objects.filter(
            programme=task.visit.programme, role=Role.COORDINATOR
        ).select_related("user")
    return list({membership.user for membership in holders})


def tasks_due_for(user, *, today: datetime.date) -> list[VisitTask]:
    """Open tasks due by the end of this week (Sunday) or overdue that are the person's: those
    they own, and unowned ones whose role they hold for the visit (as the reminders go)."""
    holds_role = Membership.objects.filter(
        user=user, role=OuterRef("role"), programme_id=OuterRef("visit__programme_id")
    ).filter(Q(visit_id=OuterRef("visit_id")) | Q(visit__isnull=True, role=Role.COORDINATOR))
    return list(
        VisitTask.objects.filter(done_at=None, due_on__lte=end_of_week(today))
        .filter(Q(owner=user) | Q(owner__isnull=True) & Exists(holds_role))
        .select_related("visit__programme")
        .order_by("due_on", "visit__title", "position")
    )


def visits_with_a_role(user, *, also: QuerySet[Visit]) -> list[Visit]:
    """Every visit the person has a role in: in its team, in a programme they coordinate, or
    the visits of `also` (those the calls gave them a place in), earliest first."""
    coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR)
    visits = Visit.objects.filter(
        Q(memberships__user=user)
        | Q(programme_id__in=coordinated.values("programme_id"))
        | Q(pk__in=also.values("pk"))
    )
    return list(
        visits.distinct()
        .select_related("programme", "host_place")
        .order_by("programme__starts_on", "starts_on", "title")
    )
