"""The team's workspace: a visit's tasks by phase, this week and overdue first, and its team."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from citypeers.methodology.enums import PHASES
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import TEAM_ROLES


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
