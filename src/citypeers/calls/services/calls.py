"""Making and changing calls: their settings, questions, decision texts, copies."""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citypeers.calls.models import Call, Question
from citypeers.core.audit import log_action
from citypeers.core.errors import CallError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.core.translated import TranslatedField, translations_of

QUESTION_FIELDS = [
    "kind",
    "label",
    "help_text",
    "required",
    "choices",
    "word_limit",
    "max_file_mb",
    "file_types",
]


# Addresses beside a call's own (`calls/new/`, the open calls' feed `calls/feed/`) that a call
# titled "New" or "Feed" must not hide.
RESERVED_SLUGS = frozenset({"new", "feed"})


def _unique_slug(title: str) -> str:
    return unique_slug(
        title, taken=Call.objects.all(), max_length=180, fallback="call", reserved=RESERVED_SLUGS
    )


def _assign(instance, name: str, value) -> None:
    """Sets a field as a form saves it: a translated text given as {language: text} keeps
    the languages the platform does not offer; a plain string writes the active language."""
    field = instance._meta.get_field(name)
    if isinstance(field, TranslatedField) and isinstance(value, dict):
        field.save_form_data(instance, value)
    else:
        setattr(instance, name, value)


def call_save(*, call: Call, by, data: dict, visits) -> Call:
    """Creates or updates a call; a new call is a draft until `call_publish`. A changed consent
    text gets a new version number, so each application records which text its author agreed
    to. A new call keeps a slug it was given (the demo's calls have fixed addresses); otherwise
    one is made from the title."""
    times = [data.get(name, getattr(call, name)) for name in ("opens_at", "closes_at")]
    if not call.is_draft and None in times:
        raise CallError(_("A public call needs its opening and closing times."), field="opens_at")
    with transaction.atomic():
        creating = call.pk is None
        # Compared with the stored text: a model form has already put the new one on `call`.
        # A change in any language is a new version.
        stored = Call.objects.filter(pk=call.pk).values_list("consent_text", flat=True).first()
        for name, value in data.items():
            _assign(call, name, value)
        consent = translations_of(call, "consent_text")
        if not creating and "consent_text" in data and consent != (stored or {}):
            call.consent_version += 1
        if creating and not call.slug:  # the next free slug, should a namesake take it now
            save_with_free_slug(call, make_slug=lambda: _unique_slug(call.title), save=call.save)
        else:
            call.save()
        call.visits.set(visits)
        log_action(
            call,
            "call.created" if creating else "call.edited",
            by=by,
            changes={"title": str(call.title)},
        )
    return call


def questions_save(*, call: Call, by, rows: list[dict], deleted: list[Question]) -> None:
    """`rows` in the order the coordinator set: each a question's fields and `instance`."""
    with transaction.atomic():
        for question in deleted:
            question.delete()
        for position, row in enumerate(rows):
            question = row["instance"] if row.get("instance") else Question(call=call)
            for name in QUESTION_FIELDS:
                _assign(question, name, row[name])
            question.call, question.position = call, position
            question.save()
        log_action(call, "call.questions_saved", by=by, changes={"questions": len(rows)})


def call_publish(*, call: Call, by, now: datetime.datetime | None = None) -> Call:
    """Opens a draft to the public: listed, readable and, from its opening time, open to
    applications. Refuses a call without both times, or one whose closing time has passed."""
    now = now or timezone.now()
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if not call.is_draft:
            raise CallError(_("This call is public already."))
        if call.opens_at is None or call.closes_at is None:
            raise CallError(
                _("Set the call's opening and closing times before opening it."), field="opens_at"
            )
        if call.closes_at <= now:
            raise CallError(
                _("The call's closing time has passed: set a later one first."),
                field="closes_at",
            )
        call.published_at = now
        call.save(update_fields=["published_at"])
        log_action(call, "call.published", by=by, changes={"published_at": now.isoformat()})
    return call


def call_copy(*, call: Call, by) -> Call:
    """A new call with the same settings and questions, to adjust before it opens: a draft
    without dates, so nobody sees it, let alone applies, before a coordinator opens it."""
    with transaction.atomic():
        copy = Call.objects.get(pk=call.pk)
        copy.pk = None
        copy.title = {
            code: _copy_title(title, code) for code, title in translations_of(call, "title").items()
        }
        copy.opens_at = copy.closes_at = copy.published_at = copy.notify_on = None
        save_with_free_slug(copy, make_slug=lambda: _unique_slug(copy.title), save=copy.save)
        copy.visits.set(call.visits.all())
        Question.objects.bulk_create(
            Question(call=copy, position=q.position, **{n: getattr(q, n) for n in QUESTION_FIELDS})
            for q in call.questions.all()
        )
        log_action(copy, "call.copied", by=by, changes={"from": call.slug})
    return copy


def _copy_title(title: str, language: str) -> str:
    with translation.override(language):
        return _("Copy of %(title)s") % {"title": title}


def call_selection_settings_save(*, call: Call, by, settings: dict) -> Call:
    """Places, quotas and the mode of selection per visit, for the next run."""
    call.selection_settings = settings
    call.save(update_fields=["selection_settings"])
    log_action(call, "selection.settings", by=by, changes=settings)
    return call


def call_outcome_messages_save(*, call: Call, by, messages: dict[str, str]) -> Call:
    """The call's own decision e-mails (an empty text means the platform's standard one)."""
    call.outcome_messages = messages
    call.save(update_fields=["outcome_messages"])
    log_action(call, "selection.messages", by=by, changes=messages)
    return call
