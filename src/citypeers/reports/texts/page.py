"""The report's sections as a page shows them: title, anchor, sanitised HTML of the markdown."""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.safestring import SafeString

from citypeers.core.markdown import render_markdown
from citypeers.reports.enums import SECTIONS
from citypeers.reports.models import ReportVersion

CACHE_SECONDS = 60 * 60 * 24 * 30


@dataclass(frozen=True)
class ShownSection:
    key: str
    title: str
    guidance: str
    html: SafeString

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"


def _rendered(version: ReportVersion | None) -> dict[str, SafeString]:
    """Each section's markdown as safe HTML, rendered once per version: a version never
    changes, and rendering a long report's markdown is most of its page's time."""
    if version is None:
        return {}
    return cache.get_or_set(
        f"report-html:{version.pk}",
        lambda: {key: render_markdown(text) for key, text in version.sections.items()},
        CACHE_SECONDS,
    )


def report_sections(
    version: ReportVersion | None, *, with_empty: bool = False
) -> list[ShownSection]:
    """The sections with text, in order (all of them with `with_empty`, for the team)."""
    texts = version.sections if version is not None else {}
    html = _rendered(version)
    return [
        ShownSection(
            key=section.key,
            title=str(section.title),
            guidance=str(section.guidance),
            html=html.get(section.key) or SafeString(""),
        )
        for section in SECTIONS
        if with_empty or (texts.get(section.key) or "").strip()
    ]
