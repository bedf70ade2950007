"""Loads the methodology citypeers ships with (`content/`) into the database.

Adds the formats and templates that are missing and leaves the rest alone, so a coordinator's
edits survive a new load. See content/README.md for the files' schema.
"""

import datetime
from pathlib import Path

from django.db import transaction

from citypeers.core.content_files import content_languages, read_content
from citypeers.methodology.models import (
    ActivityFormat,
    AgendaItemTemplate,
    FormatStep,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)
from citypeers.methodology.models.formats import FORMAT_TEXTS

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"
LANGUAGES = content_languages(CONTENT_DIR)


def _translated(target, data: dict, fields) -> None:
    """Sets every text to its translations in every language the file has."""
    for field in fields:
        translations = {}
        for language in LANGUAGES:
            value = data.get(language, {}).get(field)
            if value is not None:
                translations[language] = value.strip() if isinstance(value, str) else value
        setattr(target, field, translations)


def format_load(*, data: dict, position: int) -> ActivityFormat | None:
    """Adds the format unless one with its address exists."""
    if ActivityFormat.objects.filter(slug=data["slug"]).exists():
        return None
    activity = ActivityFormat(
        slug=data["slug"],
        position=position,
        stage=data["stage"],
        modes=data["modes"],
        roles=data["roles"],
        min_group=data["min_group"],
        max_group=data["max_group"],
        min_minutes=data["min_minutes"],
        max_minutes=data["max_minutes"],
        default_minutes=data["default_minutes"],
        placement=data.get("placement", []),
    )
    _translated(activity, data, FORMAT_TEXTS)
    activity.save()
    for number, step in enumerate(data["en"]["steps"]):
        row = FormatStep(format=activity, position=number, minutes=step["minutes"])
        row.text = {
            language: steps[number]["text"].strip()
            for language in LANGUAGES
            if (steps := data.get(language, {}).get("steps"))
        }
        row.save()
    return activity


def template_load(*, data: dict) -> VisitTemplate | None:
    """Adds the template and its first version unless one with its address exists."""
    if VisitTemplate.objects.filter(slug=data["slug"]).exists():
        return None
    template = VisitTemplate(slug=data["slug"], mode=data["mode"])
    _translated(template, data, ("name", "summary"))
    template.save()
    version = TemplateVersion.objects.create(
        template=template,
        number=1,
        note="",
        min_days=data["min_days"],
        max_days=data["max_days"],
        default_days=data["default_days"],
        daily_minutes_max=data["daily_minutes_max"],
        default_participants=data["default_participants"],
        session_start=datetime.time.fromisoformat(data["session_start"]),
        first_day_start=(
            datetime.time.fromisoformat(data["first_day_start"])
            if data.get("first_day_start")
            else None
        ),
    )
    positions: dict[int, int] = {}
    for number, step in enumerate(data["steps"]):
        positions[step["phase"]] = positions.get(step["phase"], -1) + 1
        row = StepTemplate(
            version=version,
            key=f"s{number + 1}",
            phase=step["phase"],
            position=positions[step["phase"]],
            role=step["role"],
            anchor=step["anchor"],
            offset_days=step["offset_days"],
        )
        languages = {language: step[language] for language in LANGUAGES if step.get(language)}
        row.title = {code: texts["title"] for code, texts in languages.items()}
        row.deliverable = {code: texts["deliverable"] for code, texts in languages.items()}
        row.checklist = {code: "\n".join(texts["checklist"]) for code, texts in languages.items()}
        row.save()
    formats = {activity.slug: activity for activity in ActivityFormat.objects.all()}
    days: dict[str, int] = {}
    for number, item in enumerate(data["agenda"]):
        days[item["day"]] = days.get(item["day"], -1) + 1
        AgendaItemTemplate.objects.create(
            version=version,
            key=f"a{number + 1}",
            day=item["day"],
            position=days[item["day"]],
            format=formats[item["format"]],
            minutes=item["minutes"],
            leave_out=item.get("leave_out", 0),
        )
    return template


def load_methodology(*, content_dir: Path = CONTENT_DIR) -> dict[str, int]:
    """Adds the shipped formats, then the templates; returns how many of each were added."""
    added = {"formats": 0, "templates": 0}
    with transaction.atomic():
        for position, path in enumerate(sorted((content_dir / "formats").glob("*.toml"))):
            if format_load(data=read_content(path, content_dir), position=position):
                added["formats"] += 1
        for path in sorted((content_dir / "templates").glob("*.toml")):
            if template_load(data=read_content(path, content_dir)):
                added["templates"] += 1
    return added
