"""Reading the methodology: filtered formats, template versions and what changed between two."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from citypeers.methodology.enums import PHASES, DayKind
from citypeers.methodology.models import (
    ActivityFormat,
    AgendaItemTemplate,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)
from citypeers.methodology.planning import FormatInfo, PlanTemplate, StepInfo


def formats_matching(
    *, mode: str = "", group_size: int | None = None, duration: int | None = None
) -> list[ActivityFormat]:
    """Formats that work in `mode`, for a group of `group_size`, within `duration` minutes."""
    formats = ActivityFormat.objects.all()
    if group_size:
        formats = formats.filter(min_group__lte=group_size, max_group__gte=group_size)
    if duration:
        formats = formats.filter(min_minutes__lte=duration)
    # `modes` is a JSON list; filtering it in Python keeps SQLite and PostgreSQL alike.
    return [activity for activity in formats if not mode or mode in activity.modes]


def format_with_steps(slug: str) -> ActivityFormat:
    return ActivityFormat.objects.prefetch_related("steps").get(slug=slug)


def templates_with_current_versions() -> list[VisitTemplate]:
    templates = list(VisitTemplate.objects.prefetch_related("versions"))
    for template in templates:
        template.current = max(template.versions.all(), key=lambda v: v.number, default=None)
    return templates


def current_version(template: VisitTemplate) -> TemplateVersion:
    return template.versions.order_by("-number").first()


@dataclass
class PhasePlan:
    phase: object
    steps: list = field(default_factory=list)


@dataclass
class DayPlan:
    kind: str
    label: str
    items: list = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)


def version_content(version: TemplateVersion) -> tuple[list[PhasePlan], list[DayPlan]]:
    """The version's steps by phase (every phase, even without steps) and agenda by day."""
    steps = list(version.steps.all())
    phases = [PhasePlan(phase, [s for s in steps if s.phase == phase.number]) for phase in PHASES]
    agenda = list(version.agenda.select_related("format"))
    days = [
        DayPlan(kind, label, [item for item in agenda if item.day == kind])
        for kind, label in DayKind.choices
    ]
    return phases, days


def version_of(template_slug: str, number: int) -> TemplateVersion:
    return TemplateVersion.objects.select_related("template", "created_by").get(
        template__slug=template_slug, number=number
    )


def versions_of(template: VisitTemplate) -> QuerySet[TemplateVersion]:
    return template.versions.select_related("created_by").order_by("-number")


def versions_with_content(template: VisitTemplate, numbers) -> dict[int, TemplateVersion]:
    versions = template.versions.filter(number__in=numbers).prefetch_related(
        Prefetch("steps", StepTemplate.objects.order_by("phase", "position")),
        Prefetch("agenda", AgendaItemTemplate.objects.select_related("format")),
    )
    return {version.number: version for version in versions}


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
    formats = {
        activity.pk: FormatInfo(
            activity.slug,
            activity.name,
            activity.stage,
            tuple(activity.modes),
            activity.min_group,
            activity.max_group,
            activity.min_minutes,
            activity.max_minutes,
        )
        for activity in ActivityFormat.objects.all()
    }
    agenda: dict[str, list] = {}
    for item in version.agenda.order_by("position"):
        agenda.setdefault(item.day, []).append((formats[item.format_id], item.minutes))
    return PlanTemplate(
        mode=version.template.mode,
        min_days=version.min_days,
        max_days=version.max_days,
        daily_minutes_max=version.daily_minutes_max,
        session_start=version.session_start,
        steps=steps,
        agenda={day: tuple(items) for day, items in agenda.items()},
        formats=tuple(formats.values()),
    )
