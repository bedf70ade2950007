"""Changing activity formats: edited in place, with their steps, in one language at a time."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import MethodologyError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.methodology.models import ActivityFormat, FormatStep
from citypeers.methodology.selectors.translated_texts import translated_value


def format_save(
    *, activity: ActivityFormat, by, language: str, figures: dict, texts: dict, steps: list[dict]
) -> ActivityFormat:
    """Saves a format's figures, its texts in `language` and its steps (minutes, text)."""
    total = sum(step["minutes"] for step in steps)
    usual = figures["default_minutes"]
    if steps and total != usual:
        raise MethodologyError(
            _("The steps add up to %(total)s minutes, but the usual length is %(usual)s.")
            % {"total": total, "usual": usual},
            field="default_minutes",
        )
    with transaction.atomic():
        changed = {
            name: str(value)
            for name, value in {**figures, **texts}.items()
            if getattr(activity, name) != value
        }
        for name, value in {**figures, **texts}.items():
            setattr(activity, name, value)
        if activity.pk is None:  # a new format goes last in the guide, under its own address
            activity.position = (
                ActivityFormat.objects.aggregate(last=Max("position"))["last"] or 0
            ) + 1
            name = texts[f"name_{language}"]
            save_with_free_slug(
                activity, make_slug=lambda: _unique_format_slug(name), save=activity.save
            )
        else:
            activity.save()
        rows = list(activity.steps.order_by("position"))
        for position, step in enumerate(steps):
            row = rows[position] if position < len(rows) else FormatStep(format=activity)
            row.position, row.minutes = position, step["minutes"]
            setattr(row, f"text_{language}", translated_value(row, "text", language, step["text"]))
            row.save()
        FormatStep.objects.filter(pk__in=[row.pk for row in rows[len(steps) :]]).delete()
        log_action(activity, "format.edited", by=by, changes=changed | {"language": language})
    return activity


def _unique_format_slug(name: str) -> str:
    return unique_slug(name, taken=ActivityFormat.objects.all(), max_length=70, fallback="format")
