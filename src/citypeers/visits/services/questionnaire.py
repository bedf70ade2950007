"""The pre-visit questionnaire: a person's answer, saved until the visit starts."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Visit
from citypeers.visits.models import QuestionnaireAnswer

# Needs are the person's own: the audit trail says they changed, not what they are.
PRIVATE = {"dietary_needs", "access_needs", "other_needs"}


def questionnaire_answer_save(
    *, visit: Visit, person, by, fields: dict, today: datetime.date | None = None
) -> QuestionnaireAnswer:
    """Creates or updates the person's answer; refused once the visit has started, whatever
    the page showed."""
    today = today or timezone.localdate()
    if visit.starts_on is not None and visit.starts_on <= today:
        raise VisitError(_("This visit has started: the questionnaire can no longer be changed."))
    values = {name: fields[name] for name in QuestionnaireAnswer.ANSWER_FIELDS if name in fields}
    try:
        return _answer_save(visit=visit, person=person, by=by, values=values)
    except IntegrityError:
        # A first answer sent twice at once (a double click): on PostgreSQL the second meets
        # the first only at the unique index; the first is saved now, so this one updates it.
        return _answer_save(visit=visit, person=person, by=by, values=values)


def _answer_save(*, visit: Visit, person, by, values: dict) -> QuestionnaireAnswer:
    with transaction.atomic():
        answer = (
            QuestionnaireAnswer.objects.select_for_update()
            .filter(visit=visit, person=person)
            .first()
        )
        created = answer is None
        if created:
            answer = QuestionnaireAnswer(visit=visit, person=person, submitted_at=timezone.now())
        changed = [name for name, value in values.items() if getattr(answer, name) != value]
        for name, value in values.items():
            setattr(answer, name, value)
        answer.save()
        log_action(
            answer,
            "questionnaire.answered" if created else "questionnaire.changed",
            by=by,
            changes={name: ("…" if name in PRIVATE else getattr(answer, name)) for name in changed},
        )
    return answer
