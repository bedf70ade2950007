"""Reads about transfer action plans: when a visit's plans and follow-up open, a participant's
own plan, the plans a reader may see, who is mailed when, what /me/ asks, and the figures the
impact page counts."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from citypeers.feedback.enums import FOLLOW_UP_MONTHS, PlanMail, PlanStatus, StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep, PlanMailSent, StepUpdate
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.selectors.roster import roster_of

# The daily command catches up this many days when it missed some, and no more: a first run
# never mails the participants of visits long past.
MAIL_CATCH_UP_DAYS = 7


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it is shorter (31 Aug → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_opens_on(visit: Visit) -> datetime.date | None:
    """Plans are written from the visit's last day on (its end, else its start); undated: never."""
    return visit.ends_on or visit.starts_on


def follow_up_opens_on(visit: Visit) -> datetime.date | None:
    last_day = plan_opens_on(visit)
    return add_months(last_day, FOLLOW_UP_MONTHS) if last_day else None


def plan_of(visit: Visit, person) -> ActionPlan | None:
    """The person's plan for the visit, with its steps, or None while they have written none."""
    return (
        ActionPlan.objects.filter(visit=visit, person=person)
        .prefetch_related("steps__updates")
        .first()
    )


def _with_step_counts(plans: QuerySet[ActionPlan]) -> QuerySet[ActionPlan]:
    return plans.select_related("person").annotate(
        steps_total=Count("steps"),
        steps_done=Count("steps", filter=Q(steps__status=StepStatus.DONE)),
    )


def plans_readable_by(user, visit: Visit) -> QuerySet[ActionPlan]:
    """The visit's plans the person may read beside their own: coordinators of the programme
    and staff read all; the host and the expert read the submitted plans shared with them."""
    plans = ActionPlan.objects.filter(visit=visit)
    if not user.is_authenticated:
        return plans.none()
    roles = set(
        Membership.objects.filter(user=user, programme_id=visit.programme_id)
        .filter(Q(visit=visit) | Q(visit__isnull=True, role=Role.COORDINATOR))
        .values_list("role", flat=True)
    )
    if user.is_staff or Role.COORDINATOR in roles:
        return _with_step_counts(plans)
    shared = Q(pk__in=[])
    if Role.HOST in roles:
        shared |= Q(shared_with_host=True)
    if Role.EXPERT in roles:
        shared |= Q(shared_with_expert=True)
    return _with_step_counts(plans.filter(shared, status=PlanStatus.SUBMITTED))


def plan_detail(plan: ActionPlan) -> ActionPlan:
    """The plan with its steps, their history and its comments, for its page."""
    return (
        ActionPlan.objects.filter(pk=plan.pk)
        .select_related("person", "visit__programme")
        .prefetch_related("steps__updates", "comments__author")
        .get()
    )


def plan_participants(visit: Visit) -> list:
    """The visit's participants (confirmed places and the participant's role), by name."""
    return [entry.user for entry in roster_of(visit) if Role.PARTICIPANT in entry.roles]


def visits_to_mail(kind: str, *, today: datetime.date) -> list[Visit]:
    """The visits whose plan mail of `kind` is due today: the invitation from the day after the
    last day, the follow-up from six months after it, for MAIL_CATCH_UP_DAYS."""
    if kind == PlanMail.INVITATION:
        days = [today - datetime.timedelta(days=1 + back) for back in range(MAIL_CATCH_UP_DAYS)]
    else:
        earliest = today - datetime.timedelta(days=MAIL_CATCH_UP_DAYS - 1)
        days = _last_days_with_follow_up_between(earliest, today)
    visits = Visit.objects.filter(
        Q(ends_on__in=days) | Q(ends_on__isnull=True, starts_on__in=days)
    ).select_related("programme")
    return list(visits.order_by("pk"))


def _last_days_with_follow_up_between(
    earliest: datetime.date, today: datetime.date
) -> list[datetime.date]:
    """The last days whose follow-up opens between `earliest` and `today` (several last days
    may share one: 29, 30 and 31 August all open on 28 February)."""
    first = add_months(earliest, -FOLLOW_UP_MONTHS) - datetime.timedelta(days=3)
    last = add_months(today, -FOLLOW_UP_MONTHS) + datetime.timedelta(days=3)
    days, day = [], first
    while day <= last:
        if earliest <= add_months(day, FOLLOW_UP_MONTHS) <= today:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def people_to_mail(visit: Visit, kind: str) -> list:
    """Who gets the plan mail of `kind` for the visit and has not had it: the invitation goes
    to every participant without a submitted plan, the follow-up to those with one."""
    already = set(
        PlanMailSent.objects.filter(visit=visit, kind=kind).values_list("person_id", flat=True)
    )
    submitted = set(
        ActionPlan.objects.filter(visit=visit, status=PlanStatus.SUBMITTED).values_list(
            "person_id", flat=True
        )
    )
    wanted = (
        (lambda pk: pk not in submitted) if kind == PlanMail.INVITATION else submitted.__contains__
    )
    return [
        person
        for person in plan_participants(visit)
        if person.pk not in already and wanted(person.pk)
    ]


@dataclass(frozen=True)
class PlanPrompt:
    """A line of /me/'s "What needs you now": write the plan, or update it at the follow-up."""

    visit: Visit
    follow_up: bool
    since: datetime.date  # the day it became due


def plan_prompts(user, *, visits: list[Visit], today: datetime.date) -> list[PlanPrompt]:
    """For the visits the person took part in: a plan to write from the day after the last day
    until the follow-up opens, when none is submitted; the follow-up to do from six months on,
    when the plan is submitted and not followed up since. One query, however many visits."""
    ended = [v for v in visits if plan_opens_on(v) and plan_opens_on(v) < today]
    if not ended:
        return []
    plans = {
        plan.visit_id: plan
        for plan in ActionPlan.objects.filter(person=user, visit__in=[v.pk for v in ended])
    }
    prompts = []
    for visit in ended:
        plan, follow_up_on = plans.get(visit.pk), follow_up_opens_on(visit)
        submitted = plan is not None and plan.is_submitted
        if not submitted and today < follow_up_on:
            prompts.append(PlanPrompt(visit, follow_up=False, since=plan_opens_on(visit)))
        elif submitted and today >= follow_up_on:
            done = plan.followed_up_at and plan.followed_up_at.date() >= follow_up_on
            if not done:
                prompts.append(PlanPrompt(visit, follow_up=True, since=follow_up_on))
    return prompts


@dataclass(frozen=True)
class PlanFigures:
    plans_submitted: int
    steps_total: int
    steps_done: int
    steps_in_progress: int
    steps_dropped: int
    steps_updated_at_follow_up: int
    quotes_consented: int


def plan_figures(visits) -> PlanFigures:
    """The plans' figures for the impact page, counted over submitted plans only."""
    plans = ActionPlan.objects.filter(visit__in=visits, status=PlanStatus.SUBMITTED)
    steps = ActionStep.objects.filter(plan__in=plans)
    counts = steps.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=StepStatus.DONE)),
        in_progress=Count("pk", filter=Q(status=StepStatus.IN_PROGRESS)),
        dropped=Count("pk", filter=Q(status=StepStatus.DROPPED)),
        updated=Count("pk", filter=Q(pk__in=StepUpdate.objects.values("step_id"))),
    )
    return PlanFigures(
        plans_submitted=plans.count(),
        steps_total=counts["total"],
        steps_done=counts["done"],
        steps_in_progress=counts["in_progress"],
        steps_dropped=counts["dropped"],
        steps_updated_at_follow_up=counts["updated"],
        quotes_consented=plans.filter(quote_consent=True).exclude(quote_to_publish="").count(),
    )
