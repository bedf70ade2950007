"""The report's sections as a page shows them: title, anchor, sanitised HTML of the markdown."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from citypeers.core.markdown import render_markdown
from citypeers.reports.enums import SECTIONS
from citypeers.reports.models import ReportVersion


@dataclass(frozen=True)
class ShownSection:
    key: str
    title: str
    guidance: str
    html: SafeString

    @property
    def anchor(self) -> str:
        return f"section-{self.key}"


def report_sections(
    version: ReportVersion | None, *, with_empty: bool = False
) -> list[ShownSection]:
    """The sections with text, in order (all of them with `with_empty`, for the team)."""
    texts = version.sections if version is not None else {}
    return [
        ShownSection(
            key=section.key,
            title=str(section.title),
            guidance=str(section.guidance),
            html=render_markdown(texts.get(section.key, "")),
        )
        for section in SECTIONS
        if with_empty or (texts.get(section.key) or "").strip()
    ]
