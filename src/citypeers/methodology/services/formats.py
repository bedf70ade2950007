"""Changing activity formats: edited in place, with their steps, in one language at a time."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import MethodologyError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.core.translated import pick, translations_of
from citypeers.methodology.models import ActivityFormat, FormatStep
from citypeers.methodology.selectors.translated_texts import with_language


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
        current = {name: getattr(activity, name) for name in figures}
        current |= {name: translations_of(activity, name) for name in texts}
        changed = {  # a text as typed in the edited language
            name: str(value.get(language, "") if name in texts else value)
            for name, value in {**figures, **texts}.items()
            if current[name] != value
        }
        for name, value in {**figures, **texts}.items():
            setattr(activity, name, value)
        if activity.pk is None:  # a new format goes last in the guide, under its own address
            activity.position = (
                ActivityFormat.objects.aggregate(last=Max("position"))["last"] or 0
            ) + 1
            name = pick(texts["name"], language)[1] or ""
            save_with_free_slug(
                activity, make_slug=lambda: _unique_format_slug(name), save=activity.save
            )
        else:
            activity.save()
        rows = list(activity.steps.order_by("position"))
        for position, step in enumerate(steps):
            row = rows[position] if position < len(rows) else FormatStep(format=activity)
            row.position, row.minutes = position, step["minutes"]
            row.text = with_language(row, "text", language, step["text"])
            row.save()
        FormatStep.objects.filter(pk__in=[row.pk for row in rows[len(steps) :]]).delete()
        log_action(activity, "format.edited", by=by, changes=changed | {"language": language})
    return activity


def _unique_format_slug(name: str) -> str:
    return unique_slug(name, taken=ActivityFormat.objects.all(), max_length=70, fallback="format")
