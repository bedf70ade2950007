"""The life of a good practice: drafted, submitted, reviewed, published or declined."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.catalogue.models import TRANSLATED_FIELDS, Practice
from citypeers.core.audit import log_action
from citypeers.core.errors import PracticeError
from citypeers.core.saving import save_with_free_slug
from citypeers.core.text import unique_slug
from citypeers.core.translated import (
    TranslatedText,
    as_translations,
    described_change,
    translations_of,
)
from citypeers.people.services import organisations_named

RESERVED_SLUGS = {"new", "review"}
Status = Practice.Status


def practice_unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    return unique_slug(
        title,
        taken=Practice.objects.exclude(pk=exclude_pk),
        max_length=200,
        fallback="practice",
        reserved=RESERVED_SLUGS,
    )


def _save(practice: Practice, *, by, reason: str) -> None:
    practice._history_user = by  # simple-history records who, whether or not a request exists
    practice._change_reason = reason
    practice.save()


def _save_titled(practice: Practice, *, by, reason: str) -> None:
    """Saves a practice under the address its title in its original language gives (the next
    free one, should another practice of the same title take it at the same moment)."""
    save_with_free_slug(
        practice,
        make_slug=lambda: practice_unique_slug(practice.original_title, exclude_pk=practice.pk),
        save=lambda: _save(practice, by=by, reason=reason),
    )


def _texts(data: dict, *, language: str, current: Practice | None = None) -> dict:
    """`data` with each translated text as its translations: a plain string is the text in
    `language` (the practice's own), beside the languages it has already."""
    texts = {}
    for name, value in data.items():
        plain = isinstance(value, str) and not isinstance(value, TranslatedText)
        if name in TRANSLATED_FIELDS and plain:
            before = translations_of(current, name) if current else {}
            value = as_translations(value, before, language)
        texts[name] = value
    return texts


def practice_create(*, by, data: dict, places, themes, organisations=None) -> Practice:
    """A new draft; only its author (and staff) see it until it is published.

    Texts are translations ({language: text}), or a string in the practice's `language`.
    `organisations` are names (new ones are added); by default the author's organisation.
    """
    language = data.get("language") or Practice._meta.get_field("language").default
    data = _texts(data, language=language)
    with transaction.atomic():
        practice = Practice(**data, submitted_by=by)
        _save_titled(practice, by=by, reason="created")
        practice.places.set(places)
        practice.themes.set(themes)
        if organisations is None:
            practice.organisations.set([by.organisation] if by.organisation else [])
        else:
            practice.organisations.set(organisations_named(organisations, places=places, by=by))
        log_action(
            practice, "practice.created", by=by, changes={"title": str(practice.original_title)}
        )
    return practice


def practice_update(
    *, practice: Practice, by, data: dict, places, themes, organisations=None
) -> Practice:
    """Save an edit; `organisations` are names (None leaves them as they are). Texts are
    translations, or a string in the practice's `language` (its other languages are kept)."""
    data = _texts(data, language=data.get("language") or practice.language, current=practice)
    with transaction.atomic():
        changed = {}
        for key, value in data.items():
            if key in TRANSLATED_FIELDS:
                before, after = translations_of(practice, key), as_translations(value, None)
                if before != after:
                    changed[key] = described_change(before, after)
            elif getattr(practice, key) != value:
                changed[key] = str(value)
        for key, value in data.items():
            setattr(practice, key, value)
        if practice.status == Status.PUBLISHED:
            _save(practice, by=by, reason="edited")  # a published address never changes
        else:
            _save_titled(practice, by=by, reason="edited")
        practice.places.set(places)
        practice.themes.set(themes)
        if organisations is not None:
            before = [organisation.name for organisation in practice.organisations.all()]
            practice.organisations.set(organisations_named(organisations, places=places, by=by))
            if before != organisations:
                changed["organisations"] = "; ".join(organisations)
        log_action(practice, "practice.edited", by=by, changes=changed)
    return practice


def _move(
    practice: Practice, *, by, allowed_from: set, to: str, comment: str = "", now=None
) -> Practice:
    with transaction.atomic():
        # Re-read under the row's lock: of a publish and a decline clicked at once, the second
        # sees the first's outcome and is refused (SQLite's IMMEDIATE transactions wait in turn).
        practice.refresh_from_db(from_queryset=Practice.objects.select_for_update())
        if practice.status not in allowed_from:
            raise PracticeError(
                _("This practice is %(status)s, so this step is not possible now.")
                % {"status": practice.get_status_display().lower()}
            )
        before = practice.status
        practice.status = to
        practice.review_comment = comment
        if to == Status.PUBLISHED and practice.published_at is None:
            practice.published_at = now or timezone.now()
        _save(practice, by=by, reason=to)
        log_action(practice, f"practice.{to}", by=by, changes={"status": f"{before} -> {to}"})
    return practice


def practice_submit(*, practice: Practice, by, notify: bool = True) -> Practice:
    """Send a draft (or a corrected practice) to the programme's coordinators for review; they
    are mailed unless `notify` is false (the demo's practices mail nobody)."""
    _move(
        practice, by=by, allowed_from={Status.DRAFT, Status.CHANGES_REQUESTED}, to=Status.SUBMITTED
    )
    if notify:
        from citypeers.catalogue.tasks import (  # tasks import services
            notify_coordinators_of_submission as notify_coordinators,
        )

        transaction.on_commit(lambda: notify_coordinators.enqueue(practice_id=practice.pk))
    return practice


def _review(
    practice: Practice, *, by, to: str, comment: str = "", now=None, notify: bool = True
) -> Practice:
    _move(practice, by=by, allowed_from={Status.SUBMITTED}, to=to, comment=comment, now=now)
    if notify:
        from citypeers.catalogue.tasks import notify_submitter_of_review  # tasks import services

        transaction.on_commit(lambda: notify_submitter_of_review.enqueue(practice_id=practice.pk))
    return practice


def practice_request_changes(*, practice: Practice, by, comment: str) -> Practice:
    if not comment.strip():
        raise PracticeError(_("Say what should change, so the author knows."), field="comment")
    return _review(practice, by=by, to=Status.CHANGES_REQUESTED, comment=comment.strip())


def practice_publish(
    *, practice: Practice, by, comment: str = "", now=None, notify: bool = True
) -> Practice:
    """Publish a submitted practice, dated `now` (the current time unless given); its author
    is mailed unless `notify` is false."""
    return _review(
        practice, by=by, to=Status.PUBLISHED, comment=comment.strip(), now=now, notify=notify
    )


def practice_decline(*, practice: Practice, by, comment: str) -> Practice:
    if not comment.strip():
        raise PracticeError(_("Give the reason, so the author understands."), field="comment")
    return _review(practice, by=by, to=Status.DECLINED, comment=comment.strip())
