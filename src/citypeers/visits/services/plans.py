"""Making a visit from a plan, and giving a plan to a visit that has none."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.core.translated import translations_of
from citypeers.methodology.models import ActivityFormat, StepTemplate, TemplateVersion
from citypeers.methodology.selectors.plan_data import PlanRequest, StepInfo
from citypeers.methodology.selectors.planner import plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.programmes.models import Programme, Role, Visit
from citypeers.visits.models import AgendaSession, VisitPlan, VisitTask


def _unique_slug(programme: Programme, title: str) -> str:
    return unique_slug(
        title, taken=Visit.objects.filter(programme=programme), max_length=180, fallback="visit"
    )


def visit_create_from_plan(
    *,
    programme: Programme,
    by,
    title: str,
    host_place,
    practice,
    version: TemplateVersion,
    request: PlanRequest,
    today: datetime.date | None = None,
) -> Visit:
    """A visit of `programme` with the plan's dated tasks and draft agenda."""
    if (
        not by.is_staff
        and not programme.memberships.filter(user=by, role=Role.COORDINATOR).exists()
    ):
        raise VisitError(_("You do not coordinate this programme."), field="programme")
    with transaction.atomic():
        visit = Visit(
            programme=programme,
            title=title,
            host_place=host_place,
            mode=request.mode,
            starts_on=request.start,
        )
        save_with_free_slug(
            visit, make_slug=lambda: _unique_slug(programme, title), save=visit.save
        )
        visit_apply_plan(
            visit=visit, by=by, practice=practice, version=version, request=request, today=today
        )
    return visit


def mode_mismatch(visit: Visit, mode: str) -> str:
    """Why a plan of `mode` cannot be given to the visit, or "": a visit a call may already
    advertise keeps its mode (online stays online), so a plan never changes it silently."""
    if mode == visit.mode:
        return ""
    return _(
        "This visit is %(visit_mode)s and this template plans %(plan_mode)s visits: choose a "
        "template for %(visit_mode)s visits."
    ) % {
        "visit_mode": visit.get_mode_display().lower(),
        "plan_mode": Visit.Mode(mode).label.lower(),
    }


def visit_apply_plan(
    *,
    visit: Visit,
    by,
    practice,
    version: TemplateVersion,
    request: PlanRequest,
    today: datetime.date | None = None,
) -> VisitPlan:
    """Gives an existing visit the plan's tasks and agenda, and the plan's dates.

    Tasks for coordinators go to `by`; the others wait for the visit's team to take them.
    A visit has one plan: a second is refused, also when two arrive at once.
    """
    if mismatch := mode_mismatch(visit, request.mode):
        raise VisitError(mismatch, field="template")
    plan = make_plan(plan_template(version), request, today=today or timezone.localdate())
    refusal = _("This visit has a plan already: its tasks are in its workspace.")
    before = {"starts_on": str(visit.starts_on or ""), "ends_on": str(visit.ends_on or "")}
    unplanned = (visit.mode, visit.starts_on, visit.ends_on)
    try:
        with transaction.atomic():
            if VisitPlan.objects.filter(visit=visit).exists():
                raise VisitError(refusal)
            # Only these fields are written, and saved (not updated in bulk) so the public
            # copies of the visit (feeds, API, open data) learn of it by its signal.
            visit.mode, visit.starts_on, visit.ends_on = request.mode, request.start, plan.end
            visit.save(update_fields=["mode", "starts_on", "ends_on"])
            visit_plan = VisitPlan.objects.create(
                visit=visit,
                template_version=version,
                time_zone=request.host_tz,
                participants=request.participants,
                topic=request.topic,
                practice=practice,
                countries=list(request.countries),
                created_by=by,
            )
            _tasks_and_agenda_save(visit=visit, by=by, plan=plan, version=version)
            changes = {
                "template": str(version),
                "starts_on": [before["starts_on"], request.start.isoformat()],
                "ends_on": [before["ends_on"], plan.end.isoformat()],
            }
            log_action(visit, "visit.planned", by=by, changes=changes)
    except VisitError:
        visit.mode, visit.starts_on, visit.ends_on = unplanned  # as the database still has it
        raise
    except IntegrityError:
        visit.mode, visit.starts_on, visit.ends_on = unplanned
        # On PostgreSQL a plan saved at the same moment (a double click) is not seen by the
        # check above, only by the one-to-one's unique index; SQLite's writers take turns.
        raise VisitError(refusal) from None
    return visit_plan


def _step_texts(step: StepInfo, templates: dict[str, StepTemplate]) -> dict:
    """A step's title, deliverable and checklist in every language its template has, so each
    of the visit's people reads the tasks in their own; the plan's (active) language else."""
    template = templates.get(step.key)
    if template is None:
        return {
            "title": step.title,
            "deliverable": step.deliverable,
            "checklist": "\n".join(step.checklist),
        }
    return {name: translations_of(template, name) for name in ("title", "deliverable", "checklist")}


def _tasks_and_agenda_save(*, visit: Visit, by, plan, version: TemplateVersion) -> None:
    """Every step of the plan as a dated task, its agenda as sessions."""
    formats = {activity.slug: activity for activity in ActivityFormat.objects.all()}
    templates = {step.key: step for step in version.steps.all()}
    VisitTask.objects.bulk_create(
        VisitTask(
            visit=visit,
            phase=m.step.phase,
            position=number,
            role=m.step.role_key,
            **_step_texts(m.step, templates),
            due_on=m.date,
            owner=by if m.step.role_key == Role.COORDINATOR else None,
        )
        for number, m in enumerate(plan.milestones)
    )
    AgendaSession.objects.bulk_create(
        AgendaSession(
            visit=visit,
            day=day.number,
            starts_at=session.starts,
            minutes=session.minutes,
            format=formats[session.format.slug],
            groups=session.groups,
        )
        for day in plan.days
        for session in day.sessions
    )
