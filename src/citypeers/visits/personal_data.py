"""What visits keep about a person: their answers to the pre-visit questionnaire (with dietary
and access needs), attendance, calendar feeds, reminders sent, seats in breakout groups and
recommendations they wrote. Registered by `VisitsConfig.ready()` into `people.personal_data`.

Attendance, seats and recommendations are the visit's record: on erasure they stay, pointing
to the erased person; the questionnaire, feeds and reminders go."""

import datetime

from django.utils.translation import gettext_lazy as _

from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import (
    PersonalData,
    deleted,
    personal_data_register,
    pruned,
    records,
)
from citypeers.visits.models import (
    Attendance,
    BreakoutSeat,
    CalendarFeed,
    QuestionnaireAnswer,
    Recommendation,
    VisitReminder,
)

QUESTIONNAIRE_FIELDS = ["visit", *QuestionnaireAnswer.ANSWER_FIELDS, "submitted_at"]


def _questionnaires(user: User) -> list[dict]:
    found = QuestionnaireAnswer.objects.filter(person=user).select_related("visit")
    return records(found, QUESTIONNAIRE_FIELDS)


def _questionnaires_erase(user: User) -> list:
    return deleted(QuestionnaireAnswer.objects.filter(person=user))


def _questionnaires_prune(now: datetime.datetime) -> int:
    ended_before = QUESTIONNAIRES.cutoff(now).date()
    return pruned(QuestionnaireAnswer.objects.filter(visit__ends_on__lt=ended_before))


def _taking_part(user: User) -> list[dict]:
    attendance = Attendance.objects.filter(person=user).select_related("session__visit")
    seats = BreakoutSeat.objects.filter(person=user).select_related("plan")
    feeds = CalendarFeed.objects.filter(user=user)
    reminders = VisitReminder.objects.filter(person=user).select_related("visit")
    recommendations = Recommendation.objects.filter(author=user).select_related("visit")
    return (
        records(attendance, ["session", "status", "at", "self_checked"])
        + records(seats, ["plan", "round_index", "group_index", "kind"])
        + records(feeds, ["created_at", "revoked_at"])
        + records(reminders, ["visit", "days_before", "sent_at"])
        + records(recommendations, ["visit", "text", "created_at", "status", "answer"])
    )


def _taking_part_erase(user: User) -> list:
    VisitReminder.objects.filter(person=user).delete()
    return deleted(CalendarFeed.objects.filter(user=user))


QUESTIONNAIRES = PersonalData(
    key="visits.questionnaires",
    name=_("Your answers before a visit"),
    what=_("Your expectations, challenge, what you can share, dietary, access and other needs."),
    purpose=_("Preparing the visit for you: the agenda, meals, rooms and interpreting."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_(
        "You, the visit's hosts, experts and coordinators; other participants only what you "
        "agreed to share with them."
    ),
    export=_questionnaires,
    erase=_questionnaires_erase,
    retention_setting="QUESTIONNAIRE_RETENTION_DAYS",
    retention_from=_("the visit ends"),
    prune=_questionnaires_prune,
)

TAKING_PART = PersonalData(
    key="visits.taking_part",
    name=_("Taking part in visits"),
    what=_(
        "Your attendance at each session, your seat in breakout groups, your calendar feeds, "
        "the reminders sent to you and the recommendations you wrote."
    ),
    purpose=_("Running the visit and counting who took part, for the programme's reports."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The visit's team and the programme's coordinators."),
    export=_taking_part,
    erase=_taking_part_erase,
    retention_text=_(
        "As long as the visit's record; on erasure, attendance counts, seats and "
        "recommendations stay without your name, feeds and reminders are deleted."
    ),
)


def register() -> None:
    personal_data_register(QUESTIONNAIRES)
    personal_data_register(TAKING_PART)
