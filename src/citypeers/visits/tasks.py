"""Reminders for a visit's tasks, mails about its changed agenda and the breakout groups of a
big roster, done in the background by the task worker."""

from django.db import transaction
from django.utils import timezone

from citypeers.core.background import retrying_task, will_retry
from citypeers.core.notifications import send_templated_mail
from citypeers.programmes.models import Visit
from citypeers.visits.models import BreakoutPlan
from citypeers.visits.selectors.feeds import pending_agenda_changes, visit_people
from citypeers.visits.selectors.reminders import reminder_recipients, tasks_to_remind
from citypeers.visits.services.agenda_changes import agenda_changes_notified
from citypeers.visits.services.breakouts import breakout_plan_execute, breakout_plan_failed
from citypeers.visits.services.work import task_reminded
from citypeers.visits.texts.agenda_changes import change_lines


@retrying_task
def send_task_reminders() -> int:
    """E-mails each reminder due today; returns how many tasks were reminded. Each task's mails
    and its "reminded" mark commit together, so a retry sends only the reminders still due."""
    today = timezone.localdate()
    reminded = 0
    for visit_task in tasks_to_remind(today):
        with transaction.atomic():
            _remind(visit_task, today)
        reminded += 1
    return reminded


def _remind(visit_task, today) -> None:
    for person in reminder_recipients(visit_task):
        send_templated_mail(
            to=person,
            template="visits/email/task_reminder",
            context={"task": visit_task, "overdue": visit_task.due_on < today},
            link=(
                "visits:workspace",
                {"programme": visit_task.visit.programme.slug, "visit": visit_task.visit.slug},
            ),
        )
    task_reminded(task=visit_task, on=today)


@retrying_task
def notify_agenda_changes(visit_id: int) -> int:
    """Mails the visit's people every change of its published agenda not mailed yet, in one
    message each; returns how many changes it told. Enqueued after each change commits: the
    first run takes them all, the later ones find nothing left and send nothing."""
    with transaction.atomic():
        visit = Visit.objects.select_related("programme").get(pk=visit_id)
        changes = list(pending_agenda_changes(visit).select_for_update())
        if not changes:
            return 0
        lines = change_lines(changes)
        for person in visit_people(visit):
            send_templated_mail(
                to=person,
                template="visits/email/agenda_changed",
                context={"visit": visit, "lines": lines, "zone": person.time_zone},
                link=("visits:visit", {"programme": visit.programme.slug, "visit": visit.slug}),
            )
        agenda_changes_notified(changes=changes, now=timezone.now())
    return len(changes)


@retrying_task
def plan_breakouts(*, plan_id: int) -> None:
    """Makes a queued breakout plan (a roster too big to solve in the click); a plan made
    again since it was queued, or made already, is left as it is."""
    plan = BreakoutPlan.objects.select_related("session__visit").filter(pk=plan_id).first()
    if plan is None or plan.status != BreakoutPlan.Status.QUEUED:
        return
    try:
        breakout_plan_execute(plan=plan)
    except BaseException:
        if not will_retry(plan_breakouts):  # never a plan the page shows as "being made" for ever
            breakout_plan_failed(plan=plan)
        raise
