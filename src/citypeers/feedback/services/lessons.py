"""The team's lessons per format, and the coordinators' proposals made from them."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import FeedbackError
from citypeers.feedback.models import FormatLesson, MethodologyProposal
from citypeers.feedback.selectors.evidence import held_sessions
from citypeers.methodology.models import ActivityFormat
from citypeers.programmes.models import Visit

LESSON_TEXTS = ("worked", "did_not_work", "would_change")


def lesson_save(
    *,
    visit: Visit,
    activity: ActivityFormat,
    worked: str,
    did_not_work: str,
    would_change: str,
    by,
    today: datetime.date | None = None,
) -> FormatLesson:
    """The team's lesson on one format of the visit; from the visit's first day, and only for
    a format its held sessions used."""
    today = today or timezone.localdate()
    if visit.starts_on is None or visit.starts_on > today:
        raise FeedbackError(_("Lessons are recorded from the visit's first day."))
    if not held_sessions(visit).filter(format=activity).exists():
        raise FeedbackError(_("This visit's agenda has no session in this format."))
    texts = {"worked": worked, "did_not_work": did_not_work, "would_change": would_change}
    texts = {name: text.strip() for name, text in texts.items()}
    if not any(texts.values()):
        raise FeedbackError(_("Write at least one of the three."), field="worked")
    with transaction.atomic():
        lesson, created = FormatLesson.objects.select_for_update().get_or_create(
            visit=visit, format=activity, defaults={**texts, "author": by}
        )
        changes = {name: text for name, text in texts.items() if getattr(lesson, name) != text}
        if not created and changes:
            for name, text in changes.items():
                setattr(lesson, name, text)
            lesson.author = by
            lesson.save()
        if created or changes:
            log_action(lesson, "lesson.saved", by=by, changes=texts if created else changes)
    return lesson


def proposal_create(
    *,
    activity: ActivityFormat,
    title: str,
    rationale: str,
    change: str,
    lessons: list[FormatLesson],
    by,
) -> MethodologyProposal:
    """A proposed change to a format, from at least one of its lessons."""
    if not lessons:
        raise FeedbackError(_("Pick the lessons that motivate the change."), field="lessons")
    if any(lesson.format_id != activity.pk for lesson in lessons):
        raise FeedbackError(_("Pick lessons on this format only."), field="lessons")
    with transaction.atomic():
        proposal = MethodologyProposal.objects.create(
            format=activity,
            title=title.strip(),
            rationale=rationale.strip(),
            change=change.strip(),
            proposed_by=by,
        )
        proposal.lessons.set(lessons)
        log_action(
            proposal,
            "proposal.made",
            by=by,
            changes={"format": activity.slug, "lessons": [lesson.pk for lesson in lessons]},
        )
    return proposal


def _decide(
    proposal: MethodologyProposal, status: str, note: str, by, now: datetime.datetime | None
) -> MethodologyProposal:
    with transaction.atomic():
        proposal = MethodologyProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != MethodologyProposal.Status.PROPOSED:
            raise FeedbackError(_("This proposal has been decided already."))
        proposal.status = status
        proposal.decision_note = note.strip()
        proposal.decided_by = by
        proposal.decided_at = now or timezone.now()
        proposal.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
        log_action(
            proposal,
            f"proposal.{status}",
            by=by,
            changes={"status": status, "note": proposal.decision_note},
        )
    return proposal


def proposal_adopt(
    *, proposal: MethodologyProposal, note: str, by, now: datetime.datetime | None = None
) -> MethodologyProposal:
    """Marks it adopted once the format was changed; the note says what changed."""
    if not note.strip():
        raise FeedbackError(_("Say what was changed in the format."), field="note")
    return _decide(proposal, MethodologyProposal.Status.ADOPTED, note, by, now)


def proposal_decline(
    *, proposal: MethodologyProposal, note: str, by, now: datetime.datetime | None = None
) -> MethodologyProposal:
    if not note.strip():
        raise FeedbackError(_("Say why the change is declined."), field="note")
    return _decide(proposal, MethodologyProposal.Status.DECLINED, note, by, now)
