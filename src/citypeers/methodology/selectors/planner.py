"""What the planner reads from the database: each mode's current template version, as plain data."""

from citypeers.methodology.enums import PHASES
from citypeers.methodology.models import ActivityFormat, TemplateVersion, VisitTemplate
from citypeers.methodology.selectors.plan_data import (
    FormatInfo,
    Placement,
    PlanTemplate,
    StepInfo,
)


def format_info(activity: ActivityFormat) -> FormatInfo:
    """A format as the planner's plain data, its placement rules included."""
    return FormatInfo(
        activity.slug,
        activity.name,
        activity.stage,
        tuple(activity.modes),
        activity.min_group,
        activity.max_group,
        activity.min_minutes,
        activity.max_minutes,
        tuple(
            Placement(rule["rule"], rule.get("format", ""), tuple(rule.get("modes", ())))
            for rule in activity.placement or ()
        ),
    )


def current_versions_by_mode() -> dict[str, TemplateVersion]:
    """The current version of each mode's template (the first template of a mode wins)."""
    versions = {}
    for template in VisitTemplate.objects.order_by("pk").prefetch_related("versions"):
        current = max(template.versions.all(), key=lambda v: v.number, default=None)
        if current and template.mode not in versions:
            current.template = template
            versions[template.mode] = current
    return versions


def plan_template(version: TemplateVersion) -> PlanTemplate:
    """The version as the planner's plain data, in the active language."""
    phase_names = {phase.number: str(phase.name) for phase in PHASES}
    steps = tuple(
        StepInfo(
            step.phase,
            phase_names[step.phase],
            step.title,
            step.get_role_display(),
            step.anchor,
            step.offset_days,
            step.deliverable,
            tuple(step.checklist_items),
            role_key=step.role,
        )
        for step in version.steps.all()
    )
    formats = {activity.pk: format_info(activity) for activity in ActivityFormat.objects.all()}
    agenda: dict[str, list] = {}
    for item in version.agenda.order_by("position"):
        agenda.setdefault(item.day, []).append(
            (formats[item.format_id], item.minutes, item.leave_out)
        )
    return PlanTemplate(
        mode=version.template.mode,
        min_days=version.min_days,
        max_days=version.max_days,
        daily_minutes_max=version.daily_minutes_max,
        session_start=version.session_start,
        steps=steps,
        agenda={day: tuple(items) for day, items in agenda.items()},
        formats=tuple(formats.values()),
        first_day_start=version.first_day_start,
    )
