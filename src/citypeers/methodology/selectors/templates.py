"""Reading visit templates: their current versions, and a version's steps by phase and agenda."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from citypeers.core.languages import offered_languages
from citypeers.core.translated import translations_of
from citypeers.methodology.enums import PHASES, DayKind
from citypeers.methodology.models import (
    AgendaItemTemplate,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)
from citypeers.methodology.models.templates import STEP_TEXTS


def templates_with_current_versions() -> list[VisitTemplate]:
    """Every template with its `current` version: the modes' main templates, then light ones."""
    templates = sorted(VisitTemplate.objects.prefetch_related("versions"), key=lambda t: t.is_light)
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
    """The version's steps by phase (every phase, even without steps) and agenda by kind of
    day (the kinds it uses)."""
    steps = list(version.steps.all())
    phases = [PhasePlan(phase, [s for s in steps if s.phase == phase.number]) for phase in PHASES]
    agenda = list(version.agenda.select_related("format"))
    days = [
        DayPlan(kind, label, [item for item in agenda if item.day == kind])
        for kind, label in DayKind.choices
        if any(item.day == kind for item in agenda)
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


@dataclass
class LanguageCoverage:
    """The offered languages a version's steps are complete in, and those they miss: each
    (code, name)."""

    complete: list[tuple[str, str]]
    missing: list[tuple[str, str]]

    @property
    def total(self) -> int:
        return len(self.complete) + len(self.missing)


def steps_coverage(version: TemplateVersion) -> LanguageCoverage:
    """A language is complete when every text of every step is written in it; a text written
    in no language (a step without a deliverable) asks for none."""
    texts = [translations_of(step, name) for step in version.steps.all() for name in STEP_TEXTS]
    texts = [translations for translations in texts if translations]
    coverage = LanguageCoverage([], [])
    for code, name in offered_languages():
        done = all(translations.get(code) for translations in texts)
        (coverage.complete if done else coverage.missing).append((code, name))
    return coverage
