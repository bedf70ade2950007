"""Proposed changes to the methodology: the list, one with its lessons, and the lessons a
coordinator may pick for a new one."""

from django.db.models import Count, QuerySet

from citypeers.feedback.models import FormatLesson, MethodologyProposal
from citypeers.methodology.models import ActivityFormat


def proposals_listed() -> QuerySet[MethodologyProposal]:
    """Open ones first, then the decided, the latest first."""
    return (
        MethodologyProposal.objects.select_related("format", "proposed_by")
        .annotate(lesson_count=Count("lessons"))
        .order_by("-status", "-created_at", "-pk")  # proposed > declined > adopted
    )


def proposal_with_lessons(pk: int) -> MethodologyProposal:
    return (
        MethodologyProposal.objects.select_related("format", "proposed_by", "decided_by")
        .prefetch_related("lessons__visit__programme")
        .get(pk=pk)
    )


def lessons_for_proposal(activity: ActivityFormat) -> QuerySet[FormatLesson]:
    """Every written lesson on the format, the latest first."""
    return (
        FormatLesson.objects.filter(format=activity)
        .exclude(worked="", did_not_work="", would_change="")
        .select_related("visit__programme")
        .order_by("-updated_at", "-pk")
    )


def formats_with_lessons() -> QuerySet[ActivityFormat]:
    """The formats a proposal can start from: those with a written lesson."""
    return ActivityFormat.objects.filter(
        pk__in=FormatLesson.objects.exclude(worked="", did_not_work="", would_change="").values(
            "format"
        )
    )
