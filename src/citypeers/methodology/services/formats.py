"""Changing activity formats: edited in place, with their steps, in every language at once."""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import MethodologyError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.core.translated import described_change, pick, translations_of, with_offered
from citypeers.methodology.models import ActivityFormat, FormatStep


def format_save(
    *, activity: ActivityFormat, by, figures: dict, texts: dict, steps: list[dict]
) -> ActivityFormat:
    """Saves a format's figures, its texts and its steps (id, minutes, text).

    A text or a step's text is {language: text} in the offered languages, as typed: those
    replace the stored ones, a language the platform does not offer is kept
    (`core.translated.with_offered`). A step is matched by `id`, so deleting one does not hand
    its translations to the next.
    """
    total = sum(step["minutes"] for step in steps)
    usual = figures["default_minutes"]
    if steps and total != usual:
        raise MethodologyError(
            _("The steps add up to %(total)s minutes, but the usual length is %(usual)s.")
            % {"total": total, "usual": usual},
            field="default_minutes",
        )
    with transaction.atomic():
        # What is stored, read again: a model form has already put the typed figures on
        # `activity` while validating.
        stored = ActivityFormat.objects.filter(pk=activity.pk).first() if activity.pk else None
        changed = {}
        for name, value in figures.items():
            if stored is None or getattr(stored, name) != value:
                changed[name] = str(value)
            setattr(activity, name, value)
        for name, typed in texts.items():
            before = translations_of(stored, name) if stored else {}
            after = with_offered(before, typed)
            if after != before:
                changed[name] = described_change(before, after)
            setattr(activity, name, after)
        if activity.pk is None:  # a new format goes last in the guide, under its own address
            activity.position = (
                ActivityFormat.objects.aggregate(last=Max("position"))["last"] or 0
            ) + 1
            name = pick(translations_of(activity, "name"), settings.LANGUAGE_CODE)[1] or ""
            save_with_free_slug(
                activity, make_slug=lambda: _unique_format_slug(name), save=activity.save
            )
        else:
            activity.save()
        _save_steps(activity, steps)
        log_action(activity, "format.edited", by=by, changes=changed)
    return activity


def _save_steps(activity: ActivityFormat, steps: list[dict]) -> None:
    rows = {row.pk: row for row in activity.steps.all()}
    for position, step in enumerate(steps):
        row = rows.pop(step.get("id"), None) or FormatStep(format=activity)
        row.position, row.minutes = position, step["minutes"]
        row.text = with_offered(translations_of(row, "text"), step["text"])
        row.save()
    FormatStep.objects.filter(pk__in=list(rows)).delete()


def _unique_format_slug(name: str) -> str:
    return unique_slug(name, taken=ActivityFormat.objects.all(), max_length=70, fallback="format")
