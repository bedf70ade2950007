"""What the planner reads from the database: every template's current version, as plain data."""

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


def current_versions() -> dict[str, TemplateVersion]:
    """The current version of every template that has one, by the template's address: the
    modes' main templates first, then the light ones, each in the order they were added."""
    templates = sorted(
        VisitTemplate.objects.order_by("pk").prefetch_related("versions"),
        key=lambda template: template.is_light,
    )
    versions = {}
    for template in templates:
        current = max(template.versions.all(), key=lambda v: v.number, default=None)
        if current:
            current.template = template
            versions[template.slug] = current
    return versions


def main_versions(versions: dict[str, TemplateVersion]) -> dict[str, TemplateVersion]:
    """Of `versions` (as `current_versions` orders them), each mode's main template's: the one
    named after the mode, else the mode's first."""
    by_mode: dict[str, TemplateVersion] = {}
    for version in versions.values():
        by_mode.setdefault(version.template.mode, version)
    return by_mode


def current_versions_by_mode() -> dict[str, TemplateVersion]:
    """The current version of each mode's main template, for callers that know only a mode
    (a host's proposed mode, the demo); the planner lets people choose any template."""
    return main_versions(current_versions())


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
            key=step.key,
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
