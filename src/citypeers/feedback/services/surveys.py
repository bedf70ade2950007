"""Writes about a visit's surveys: placing them on the agenda, their anonymity until sent,
sending one now, and the records of sending (invitations, reminders) the task keeps.

Each write that sends mail is idempotent: a retried task or a second worker finds the survey or
the invitation already marked and does nothing more (conditional updates under a row lock)."""

import calendar
import datetime
import secrets
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import (
    FOLLOW_UP_MONTHS,
    SURVEY_OPEN_DAYS,
    Anonymity,
    Audience,
    Moment,
)
from citypeers.feedback.models import Invitation, Survey
from citypeers.feedback.selectors.surveys import (
    sessions_held,
    surveys_due,
    template_version_for,
    visits_to_schedule,
)
from citypeers.feedback.services.impact import impact_changed
from citypeers.programmes.models import Visit
from citypeers.visits.selectors.feeds import visit_zone

OPEN_FOR = datetime.timedelta(days=SURVEY_OPEN_DAYS)


def months_after(moment: datetime.datetime, months: int, zone: str) -> datetime.datetime:
    """The same wall-clock time `months` later in `zone` (the last day of a shorter month), so
    a summer-time change in between does not move it by an hour."""
    local = moment.astimezone(ZoneInfo(zone))
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day).astimezone(datetime.UTC)


@dataclass(frozen=True)
class PlannedSurvey:
    moment: str
    audience: str
    day: int
    send_at: datetime.datetime


def survey_plan(visit: Visit) -> list[PlannedSurvey]:
    """When each survey of the visit goes out, from its sessions that take place: a pulse at
    the end of each day's last session, the end-of-visit survey and the host's feedback at the
    end of the last session, the follow-up FOLLOW_UP_MONTHS later."""
    sessions = sessions_held(visit)
    if not sessions:
        return []
    day_ends: dict[int, datetime.datetime] = {}
    for session in sessions:
        day_ends[session.day] = max(day_ends.get(session.day, session.ends_at), session.ends_at)
    last_end = max(day_ends.values())
    planned = [
        PlannedSurvey(Moment.DAILY_PULSE, Audience.PARTICIPANTS, day, end)
        for day, end in sorted(day_ends.items())
    ]
    follow_up = months_after(last_end, FOLLOW_UP_MONTHS, visit_zone(visit))
    return [
        *planned,
        PlannedSurvey(Moment.END_OF_VISIT, Audience.PARTICIPANTS, 0, last_end),
        PlannedSurvey(Moment.HOST, Audience.HOSTS, 0, last_end),
        PlannedSurvey(Moment.FOLLOW_UP, Audience.PARTICIPANTS, 0, follow_up),
    ]


def default_anonymity(moment: str) -> str:
    """Anonymous, but the follow-up: pseudonymous, to compare it with the same person's
    end-of-visit answers."""
    return Anonymity.PSEUDONYMOUS if moment == Moment.FOLLOW_UP else Anonymity.ANONYMOUS


@dataclass
class ScheduleResult:
    created: list[Survey] = field(default_factory=list)
    moved: list[Survey] = field(default_factory=list)
    removed: int = 0
    missing_templates: list[str] = field(default_factory=list)  # moments without a template


def surveys_schedule(
    *, visit: Visit, by=None, now: datetime.datetime | None = None
) -> ScheduleResult:
    """Places the visit's surveys on its agenda; run again, it moves those not sent yet to the
    agenda as it is now (and the latest template version), removes the pulse of a day that has
    no session left, and keeps the anonymity the team chose. Sent or due surveys stay."""
    now = now or timezone.now()
    result = ScheduleResult()
    with transaction.atomic():
        existing = {
            (s.moment, s.audience, s.day): s
            for s in Survey.objects.select_for_update().filter(visit=visit)
        }
        for planned in survey_plan(visit):
            key = (planned.moment, planned.audience, planned.day)
            survey = existing.pop(key, None)
            if survey is not None and (survey.sent_at or survey.send_at <= now):
                continue
            version = template_version_for(
                visit=visit, moment=planned.moment, audience=planned.audience
            )
            if version is None:
                result.missing_templates.append(planned.moment)
                continue
            if survey is None:
                survey = Survey.objects.create(
                    visit=visit,
                    version=version,
                    moment=planned.moment,
                    audience=planned.audience,
                    day=planned.day,
                    anonymity=default_anonymity(planned.moment),
                    send_at=planned.send_at,
                    closes_at=planned.send_at + OPEN_FOR,
                )
                log_action(
                    survey, "survey.scheduled", by=by, changes={"send_at": str(planned.send_at)}
                )
                result.created.append(survey)
            elif (survey.send_at, survey.version_id) != (planned.send_at, version.pk):
                changes = {"send_at": [str(survey.send_at), str(planned.send_at)]}
                survey.send_at, survey.version = planned.send_at, version
                survey.closes_at = planned.send_at + OPEN_FOR
                survey.save(update_fields=["send_at", "closes_at", "version"])
                log_action(survey, "survey.moved", by=by, changes=changes)
                result.moved.append(survey)
        for survey in existing.values():
            if survey.sent_at is None and survey.send_at > now:
                log_action(survey, "survey.removed", by=by)
                survey.delete()
                result.removed += 1
    return result


def survey_anonymity_change(*, survey: Survey, anonymity: str, by) -> Survey:
    """The team chooses how answers are kept, until the survey is sent: after, people answered
    under the promise the invitation made."""
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.sent_at is not None:
            raise FeedbackError(
                _("This survey is sent: its answers stay as the invitation promised."),
                field="anonymity",
            )
        if locked.anonymity != anonymity:
            changes = {"anonymity": [locked.anonymity, anonymity]}
            locked.anonymity = anonymity
            locked.save(update_fields=["anonymity"])
            log_action(locked, "survey.anonymity_changed", by=by, changes=changes)
    return locked


def survey_send_now(*, survey: Survey, by, now: datetime.datetime | None = None) -> Survey:
    """Brings the survey's sending forward to now and queues it; refused once sent."""
    from citypeers.feedback.tasks import send_survey  # tasks import services

    now = now or timezone.now()
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.sent_at is not None:
            raise FeedbackError(_("This survey is sent already."))
        changes = {"send_at": [str(locked.send_at), str(now)]}
        locked.send_at, locked.closes_at = now, now + OPEN_FOR
        locked.save(update_fields=["send_at", "closes_at"])
        log_action(locked, "survey.sent_now", by=by, changes=changes)
        transaction.on_commit(lambda: send_survey.enqueue(survey_id=locked.pk))
    return locked


def invitations_create(*, survey: Survey, people) -> int:
    """An invitation, each with its own random key, for each person not invited yet; returns
    how many are new. Two workers at once: the unique (survey, person) keeps one each."""
    invited = set(survey.invitations.values_list("person_id", flat=True))
    new = [
        Invitation(survey=survey, person=person, key=secrets.token_urlsafe(32))
        for person in people
        if person.pk not in invited
    ]
    Invitation.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def invitations_mark_sent(*, invitation_ids: list[int], now: datetime.datetime) -> None:
    Invitation.objects.filter(pk__in=invitation_ids, sent_at__isnull=True).update(sent_at=now)


def survey_mark_sent(*, survey: Survey, now: datetime.datetime) -> bool:
    """Marks the survey sent; False when it was already (another worker got there first)."""
    marked = Survey.objects.filter(pk=survey.pk, sent_at__isnull=True).update(sent_at=now)
    if marked:
        log_action(survey, "survey.sent", changes={"sent_at": str(now)})
        impact_changed(programme_id=survey.visit.programme_id)
    return bool(marked)


def invitation_reminded(*, invitation: Invitation, now: datetime.datetime) -> bool:
    """Counts one more reminder, only if nobody counted it meanwhile; False: leave it."""
    return bool(
        Invitation.objects.filter(
            pk=invitation.pk, reminders_sent=invitation.reminders_sent, answered=False
        ).update(reminders_sent=invitation.reminders_sent + 1, last_reminded_at=now)
    )


@dataclass
class QueueResult:
    scheduled: int
    queued: list[int]
    reminders_task: str


def surveys_queue(*, now: datetime.datetime | None = None) -> QueueResult:
    """The daily run: places the surveys of visits whose agenda is out, queues a task for each
    survey due, and one for the reminders due."""
    from citypeers.feedback.tasks import send_survey, send_survey_reminders  # tasks import services

    now = now or timezone.now()
    scheduled = 0
    for visit in visits_to_schedule():
        scheduled += len(surveys_schedule(visit=visit, now=now).created)
    queued = list(surveys_due(now).values_list("pk", flat=True))
    for survey_id in queued:
        send_survey.enqueue(survey_id=survey_id)
    return QueueResult(scheduled, queued, send_survey_reminders.enqueue().id)
