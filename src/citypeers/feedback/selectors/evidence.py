"""What each format's sessions gave on a visit (sessions, minutes, ratings from the survey
answers tied to them, the team's lesson), and what every visit gave a format, for its page
in the methodology (registered by `feedback.signals`)."""

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Sum
from django.urls import reverse

from citypeers.feedback.enums import QuestionKind
from citypeers.feedback.models import Answer, FormatLesson, MethodologyProposal
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.evidence import (
    FEWEST_RATINGS_SHOWN,
    LESSONS_LISTED,
    VISITS_LISTED,
    ChangeMade,
    FormatEvidence,
    LessonShown,
    VisitUse,
)
from citypeers.programmes.models import Visit
from citypeers.visits.models import AgendaSession, BreakoutPlan


def _mean(total: int, count: int) -> float | None:
    """The average shown, or None with too few ratings to show one."""
    return total / count if count >= FEWEST_RATINGS_SHOWN else None


def session_ratings(sessions: QuerySet[AgendaSession]) -> QuerySet[Answer]:
    """The ratings survey answers gave these sessions, one per person and session."""
    return Answer.objects.filter(
        session__in=sessions, question__kind=QuestionKind.SESSION_RATINGS, number__isnull=False
    )


def held_sessions(visit: Visit) -> QuerySet[AgendaSession]:
    """The visit's agenda as it ran: cancelled sessions were not held."""
    return AgendaSession.objects.filter(visit=visit, cancelled_at__isnull=True)


@dataclass
class FormatOnVisit:
    """One format as a visit used it, with the team's lesson (None: not written yet)."""

    format: ActivityFormat
    sessions: int
    minutes: int
    ratings: int
    rating_total: int
    lesson: FormatLesson | None = None
    proposals: list[MethodologyProposal] = field(default_factory=list)

    @property
    def rating(self) -> float | None:
        return _mean(self.rating_total, self.ratings)

    @property
    def too_few_ratings(self) -> bool:
        return self.ratings < FEWEST_RATINGS_SHOWN


def formats_on_visit(visit: Visit, *, with_proposals: bool = False) -> list[FormatOnVisit]:
    """Each format of the visit's held sessions, in the guide's order, with its figures."""
    sessions = held_sessions(visit)
    used = list(
        sessions.order_by().values("format").annotate(count=Count("pk"), minutes=Sum("minutes"))
    )
    ratings = {
        row["session__format"]: row
        for row in session_ratings(sessions)
        .order_by()
        .values("session__format")
        .annotate(count=Count("pk"), total=Sum("number"))
    }
    formats = ActivityFormat.objects.in_bulk([row["format"] for row in used])
    lessons = FormatLesson.objects.filter(visit=visit)
    if with_proposals:
        lessons = lessons.prefetch_related("proposals")
    lesson_of = {lesson.format_id: lesson for lesson in lessons}
    rows = []
    for row in used:
        rated = ratings.get(row["format"], {})
        lesson = lesson_of.get(row["format"])
        rows.append(
            FormatOnVisit(
                format=formats[row["format"]],
                sessions=row["count"],
                minutes=row["minutes"],
                ratings=rated.get("count", 0),
                rating_total=rated.get("total", 0),
                lesson=lesson,
                proposals=list(lesson.proposals.all()) if with_proposals and lesson else [],
            )
        )
    return sorted(rows, key=lambda r: (r.format.position, r.format.slug))


def visit_use(visit: Visit) -> VisitUse:
    return VisitUse(
        title=visit.title,
        mode=Visit.Mode(visit.mode).label,
        year=visit.starts_on.year if visit.starts_on else None,
        url=reverse("visits:visit", args=[visit.programme.slug, visit.slug]),
    )


# The public sees a visit's sessions once its agenda is published (visits' public page).
PUBLISHED = Q(visit__plan__agenda_published=True)


def _is_published(visit: Visit) -> bool:
    return getattr(getattr(visit, "plan", None), "agenda_published", False)


def _changes_made(activity: ActivityFormat) -> list[ChangeMade]:
    adopted = (
        MethodologyProposal.objects.filter(
            format=activity, status=MethodologyProposal.Status.ADOPTED
        )
        .order_by("-decided_at")
        .prefetch_related("lessons__visit__programme", "lessons__visit__plan")
    )
    changes = []
    for proposal in adopted:
        visits = {
            lesson.visit.pk: lesson.visit
            for lesson in proposal.lessons.all()
            if _is_published(lesson.visit)
        }
        changes.append(
            ChangeMade(
                title=proposal.title,
                change=proposal.change,
                note=proposal.decision_note,
                decided_on=proposal.decided_at.date() if proposal.decided_at else None,
                visits=[visit_use(visit) for visit in visits.values()],
            )
        )
    return changes


def format_evidence_of(activity: ActivityFormat) -> FormatEvidence:
    """What the visits whose agenda is public gave the format; the public page shows it."""
    sessions = AgendaSession.objects.filter(PUBLISHED, format=activity, cancelled_at__isnull=True)
    visits = (
        Visit.objects.filter(pk__in=sessions.values("visit"))
        .select_related("programme")
        .order_by(F("starts_on").desc(nulls_last=True), "-pk")
    )
    modes = set(visits.values_list("mode", flat=True))
    sizes = list(
        BreakoutPlan.objects.filter(
            session__in=sessions, status=BreakoutPlan.Status.DONE
        ).values_list("size", flat=True)
    )
    rated = session_ratings(sessions).aggregate(count=Count("pk"), total=Sum("number"))
    lessons = (
        FormatLesson.objects.filter(PUBLISHED, format=activity)
        .exclude(worked="", did_not_work="")
        .select_related("visit__programme")
        .order_by("-updated_at", "-pk")[:LESSONS_LISTED]
    )
    return FormatEvidence(
        visit_count=visits.count(),
        visits=[visit_use(visit) for visit in visits[:VISITS_LISTED]],
        modes=[mode.label for mode in Visit.Mode if mode.value in modes],
        group_size=statistics.median_low(sizes) if sizes else None,
        rating=_mean(rated["total"] or 0, rated["count"]),
        ratings=rated["count"],
        lessons=[
            LessonShown(visit_use(lesson.visit), lesson.worked, lesson.did_not_work)
            for lesson in lessons
        ],
        changes=_changes_made(activity),
    )
