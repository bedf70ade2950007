"""Reads about a visit's surveys: when each moment falls on the agenda, which template version
asks it, who it goes to at send time, which are due or owe reminders, and how many answered."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from citypeers.feedback.enums import REMINDER_DAYS_AFTER, Audience, Moment
from citypeers.feedback.models import Invitation, Survey, SurveyTemplate, SurveyTemplateVersion
from citypeers.people.models import User
from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import AgendaSession, VisitPlan
from citypeers.visits.selectors.roster import roster_of


class Status:
    """A survey's state, for people: planned until sent, open until it closes, then closed."""

    PLANNED, OPEN, CLOSED = "planned", "open", "closed"


def survey_status(survey: Survey, *, now: datetime.datetime | None = None) -> str:
    now = now or timezone.now()
    if survey.sent_at is None:
        return Status.PLANNED
    return Status.OPEN if now < survey.closes_at else Status.CLOSED


def sessions_held(visit: Visit) -> list[AgendaSession]:
    """The visit's sessions that take place (cancelled ones do not), by start."""
    return list(
        AgendaSession.objects.filter(visit=visit, cancelled_at__isnull=True).order_by("starts_at")
    )


def template_version_for(
    *, visit: Visit, moment: str, audience: str
) -> SurveyTemplateVersion | None:
    """The latest version of the programme's template for this moment and audience, else of
    the house's; None when neither exists."""
    templates = SurveyTemplate.objects.filter(moment=moment, audience=audience).filter(
        Q(programme_id=visit.programme_id) | Q(programme__isnull=True)
    )
    own = templates.filter(programme_id=visit.programme_id).first()
    template = own or templates.filter(programme__isnull=True).first()
    if template is None:
        return None
    return template.versions.order_by("-number").first()


def survey_audience(survey: Survey) -> list[User]:
    """Who the survey goes to now: the visit's confirmed participants, or its hosts."""
    wanted = Role.PARTICIPANT if survey.audience == Audience.PARTICIPANTS else Role.HOST
    return [entry.user for entry in roster_of(survey.visit) if wanted in entry.roles]


def visits_to_schedule() -> QuerySet[Visit]:
    """Visits whose agenda is out and whose last day is not more than a survey's life ago: the
    daily command (re)schedules their surveys."""
    published = VisitPlan.objects.filter(agenda_published=True).values("visit_id")
    since = timezone.localdate() - datetime.timedelta(days=1)
    return Visit.objects.filter(pk__in=published).filter(
        Q(ends_on__gte=since) | Q(ends_on__isnull=True, starts_on__gte=since)
    )


def surveys_due(now: datetime.datetime) -> QuerySet[Survey]:
    """Surveys whose time has come and that have not gone out (nor closed meanwhile)."""
    return Survey.objects.filter(sent_at__isnull=True, send_at__lte=now, closes_at__gt=now)


def invitations_to_remind(now: datetime.datetime) -> QuerySet[Invitation]:
    """Unanswered invitations of open surveys owed their next reminder: reminder n is due
    REMINDER_DAYS_AFTER[n] days after the survey went out, once."""
    owed = Q()
    for number, days in enumerate(REMINDER_DAYS_AFTER):
        owed |= Q(reminders_sent=number, survey__sent_at__lte=now - datetime.timedelta(days=days))
    return (
        Invitation.objects.filter(answered=False, sent_at__isnull=False, survey__closes_at__gt=now)
        .filter(owed)
        .select_related("person", "survey__visit__programme")
    )


@dataclass(frozen=True)
class SurveyRow:
    """A survey as the surveys page shows it, with its live response rate."""

    survey: Survey
    status: str
    invited: int
    answered: int

    @property
    def rate(self) -> int | None:
        """Per cent answered, rounded; None before anyone is invited."""
        return round(100 * self.answered / self.invited) if self.invited else None

    @property
    def anonymity_editable(self) -> bool:
        return self.survey.sent_at is None


def surveys_of(visit: Visit, *, now: datetime.datetime | None = None) -> list[SurveyRow]:
    """The visit's surveys by send time, each with how many were invited and answered (one
    query whatever the number of surveys)."""
    surveys = (
        Survey.objects.filter(visit=visit)
        .select_related("version__template")
        .annotate(
            invited=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered=True)),
        )
        .order_by("send_at", "moment")
    )
    return [
        SurveyRow(
            survey=s, status=survey_status(s, now=now), invited=s.invited, answered=s.answered
        )
        for s in surveys
    ]


def survey_of(visit: Visit, pk: int) -> Survey | None:
    return Survey.objects.filter(visit=visit, pk=pk).select_related("visit__programme").first()


MOMENT_ORDER = [Moment.DAILY_PULSE, Moment.END_OF_VISIT, Moment.HOST, Moment.FOLLOW_UP]
