"""A person's visits: those they run with their status, those they were given a place in, and
their tasks due now (for "My visits" and `/me/`)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from citypeers.core.registry import Sources
from citypeers.methodology.enums import PHASES
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import TEAM_ROLES
from citypeers.visits.models import VisitTask
from citypeers.visits.selectors.pages import plan_of, planner_query
from citypeers.visits.selectors.workspace import end_of_week

UPCOMING_DAYS = 14


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
PLACE_SOURCES: Sources[Callable[..., QuerySet[Visit]]] = Sources()

visit_places_register = PLACE_SOURCES.register


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
