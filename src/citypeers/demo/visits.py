"""The demo's visits get their plans from the online template, as they ran in 2021."""

import datetime

from django.utils import timezone

from citypeers.catalogue.models import Practice
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.methodology.selectors.planner import current_versions_by_mode
from citypeers.places.countries import country_zone
from citypeers.visits.models import VisitPlan, VisitTask
from citypeers.visits.services.agenda import agenda_publish
from citypeers.visits.services.plans import visit_apply_plan
from citypeers.visits.services.work import task_set_done

CHIA_PARTICIPANTS = 24


def tasks_done_before(visit, day: datetime.date, *, coordinator) -> None:
    """The visit's tasks due before `day` ticked off on their due date, as a team that kept to
    its plan would have."""
    for task in VisitTask.objects.filter(visit=visit, due_on__lt=day).select_related("owner"):
        done_at = datetime.datetime.combine(task.due_on, datetime.time(16), tzinfo=datetime.UTC)
        task_set_done(task=task, by=task.owner or coordinator, done=True, now=done_at)


def plan_demo_visits(visits, *, coordinator) -> int:
    """Plans the visits that have none yet; tasks already due count as done and the agenda is
    published, as they were in 2021. Returns how many."""
    planned = 0
    today = timezone.localdate()
    for visit in visits:
        if not plan_demo_visit(visit, coordinator=coordinator, today=today):
            continue
        tasks_done_before(visit, today, coordinator=coordinator)
        agenda_publish(visit=visit, by=coordinator, published=True)
        planned += 1
    return planned


def plan_demo_visit(visit, *, coordinator, today: datetime.date) -> bool:
    """The visit planned from the online template with its host's real practice, unless it has
    a plan (or no dates) already; says whether it was planned now."""
    version = current_versions_by_mode().get("online")
    if version is None or VisitPlan.objects.filter(visit=visit).exists() or not visit.starts_on:
        return False
    days = (visit.ends_on - visit.starts_on).days + 1 if visit.ends_on else 3
    request = PlanRequest(
        mode="online",
        start=visit.starts_on,
        days=min(max(days, version.min_days), version.max_days),
        participants=CHIA_PARTICIPANTS,
        host_tz=country_zone(visit.host_place.country.code) or "Europe/Brussels",
        host_country=visit.host_place.country.code,
        topic=visit.title,
    )
    # The real practice behind the visit, not a generated one from the same city.
    practice = Practice.objects.filter(places=visit.host_place, is_generated=False).first()
    visit_apply_plan(
        visit=visit,
        by=coordinator,
        practice=practice,
        version=version,
        request=request,
        today=today,
    )
    return True
