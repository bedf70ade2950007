"""Recommendations for the host: the team adds them (in the solution-building session), the
host answers each, also after the visit, until a year after its end (the twelve-month check)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Visit
from citypeers.visits.enums import RecommendationStatus
from citypeers.visits.models import Recommendation
from citypeers.visits.permissions import recommendations_answerable_until, visit_last_day


def recommendation_add(
    *, visit: Visit, text: str, by, today: datetime.date | None = None
) -> Recommendation:
    """Refused once the visit is over, whatever the page showed."""
    today = today or timezone.localdate()
    last_day = visit_last_day(visit)
    if last_day is not None and last_day < today:
        raise VisitError(_("This visit is over: recommendations can no longer be added."))
    if not text.strip():
        raise VisitError(_("Write the recommendation."), field="text")
    recommendation = Recommendation.objects.create(visit=visit, text=text.strip(), author=by)
    log_action(recommendation, "recommendation.added", by=by)
    return recommendation


def recommendation_answer(
    *,
    recommendation: Recommendation,
    status: str,
    answer: str,
    by,
    now: datetime.datetime | None = None,
) -> Recommendation:
    """The host's answer; refused more than a year after the visit's end, when the
    twelve-month check has been made."""
    now = now or timezone.now()
    until = recommendations_answerable_until(recommendation.visit)
    if until is not None and until < timezone.localdate(now):
        raise VisitError(
            _("A year has passed since this visit: its recommendations can no longer be answered.")
        )
    changed = {}
    if recommendation.status != status:
        changed["status"] = status
    if recommendation.answer != answer.strip():
        changed["answer"] = answer.strip()
    recommendation.status = status
    recommendation.answer = answer.strip()
    answered = status != RecommendationStatus.OPEN or recommendation.answer
    recommendation.answered_at = now if answered else None
    recommendation.save(update_fields=["status", "answer", "answered_at"])
    log_action(recommendation, "recommendation.answered", by=by, changes=changed)
    return recommendation
