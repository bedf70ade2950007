"""Reminders for a visit's tasks, reminders of the visit itself (a week and a day before),
mails about its changed agenda and the breakout groups of a big roster, done in the background
by the task worker."""

from django.db import transaction
from django.utils import timezone, translation

from citypeers.core.background import retrying_task, will_retry
from citypeers.core.notifications import mail_language, send_templated_mail
from citypeers.programmes.models import Visit
from citypeers.visits.models import BreakoutPlan
from citypeers.visits.selectors.feeds import (
    calendar_of,
    pending_agenda_changes,
    visit_people,
    visit_zone,
)
from citypeers.visits.selectors.reminders import reminder_recipients, tasks_to_remind
from citypeers.visits.selectors.visit_reminders import (
    people_to_remind,
    reminder_sessions,
    visits_to_remind,
)
from citypeers.visits.services.agenda_changes import agenda_changes_notified
from citypeers.visits.services.breakouts import breakout_plan_execute, breakout_plan_failed
from citypeers.visits.services.visit_reminders import visit_reminder_sent
from citypeers.visits.services.work import task_reminded
from citypeers.visits.texts.agenda_changes import change_lines
from citypeers.visits.texts.calendar import calendar_ics


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
def send_visit_reminders() -> int:
    """Mails the reminders due today (a week and a day before each visit's first day), in each
    person's language and zone with the visit's agenda as an .ics; returns how many it sent.
    Each mail commits with its record, so a retry or a second run sends only what is left."""
    now = timezone.now()
    sent = 0
    for visit, days_before in visits_to_remind(timezone.localdate()):
        sessions = reminder_sessions(visit)
        calendars: dict[str, bytes] = {}  # format names and links in each reader's language
        for person in people_to_remind(visit, days_before):
            attachments = []
            if sessions:
                language = mail_language(person)
                if language not in calendars:
                    with translation.override(language):
                        calendar = calendar_of(name=visit.title, sessions=sessions)
                        calendars[language] = calendar_ics(calendar, now=now)
                attachments = [(f"{visit.slug}.ics", calendars[language], "text/calendar")]
            with transaction.atomic():
                send_templated_mail(
                    to=person,
                    template="visits/email/visit_reminder",
                    context={
                        "visit": visit,
                        "days_left": (visit.starts_on - timezone.localdate()).days,
                        "sessions": sessions,
                        "zone": person.time_zone or visit_zone(visit),
                    },
                    link=(
                        "visits:visit",
                        {"programme": visit.programme.slug, "visit": visit.slug},
                    ),
                    attachments=attachments,
                )
                visit_reminder_sent(visit=visit, person=person, days_before=days_before, now=now)
            sent += 1
    return sent


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
