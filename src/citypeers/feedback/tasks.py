"""The feedback app's mails, sent in the background by the task worker, each once: surveys
and their reminders, action plan invitations and follow-ups."""

from django.db import transaction
from django.utils import timezone

from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.feedback.enums import PlanMail
from citypeers.feedback.models import Invitation, Survey
from citypeers.feedback.selectors.plans import follow_up_opens_on, people_to_mail, visits_to_mail
from citypeers.feedback.selectors.surveys import invitations_to_remind, survey_audience
from citypeers.feedback.services.plans import plan_mail_sent
from citypeers.feedback.services.surveys import (
    invitation_reminded,
    invitations_create,
    invitations_mark_sent,
    survey_mark_sent,
)
from citypeers.feedback.texts.mail import invitation_mail_context

# Mails sent and marked per transaction: a retry resends at most what one batch had not
# committed, and two workers share the work batch by batch (skip_locked).
BATCH = 100


@retrying_task
def send_survey(*, survey_id: int) -> int:
    """Invites the survey's audience as it is now and mails each person their own link, in
    their language; returns how many mails this run sent. A retry, a second run or a second
    worker sends only the invitations not mailed yet, then marks the survey sent."""
    with transaction.atomic():
        survey = (
            Survey.objects.select_for_update()
            .select_related("visit__programme", "version__template")
            .filter(pk=survey_id, sent_at__isnull=True)
            .first()
        )
        if survey is None:  # gone, or sent by an earlier run
            return 0
        invitations_create(survey=survey, people=survey_audience(survey))
    sent = 0
    while batch_size := _send_batch(survey):
        sent += batch_size
    # Rows another worker still holds are its to send and mark: marked now, they would be
    # lost if that worker died, since a retry stops at a survey marked sent.
    if not Invitation.objects.filter(survey=survey, sent_at__isnull=True).exists():
        survey_mark_sent(survey=survey, now=timezone.now())
    return sent


def _send_batch(survey: Survey) -> int:
    with transaction.atomic():
        batch = list(
            Invitation.objects.filter(survey=survey, sent_at__isnull=True)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("person")
            .order_by("pk")[:BATCH]
        )
        for invitation in batch:
            _mail(invitation, survey, reminder=False)
        invitations_mark_sent(invitation_ids=[i.pk for i in batch], now=timezone.now())
    return len(batch)


def _mail(invitation: Invitation, survey: Survey, *, reminder: bool) -> None:
    send_templated_mail(
        to=invitation.person,
        template="feedback/email/survey_reminder" if reminder else "feedback/email/survey",
        context=invitation_mail_context(invitation, survey, reminder=reminder),
    )


@retrying_task
def send_survey_reminders() -> int:
    """Reminds each person who has not answered an open survey, at each of
    REMINDER_DAYS_AFTER once; returns how many it reminded. Each mail commits with its count,
    which only one run can raise, so a retry or a second run sends nothing twice."""
    now = timezone.now()
    reminded = 0
    for invitation in invitations_to_remind(now):
        with transaction.atomic():
            if invitation_reminded(invitation=invitation, now=now):
                _mail(invitation, invitation.survey, reminder=True)
                reminded += 1
    return reminded


PLAN_MAILS = {
    PlanMail.INVITATION: ("feedback/email/plan_invitation", "feedback:plan"),
    PlanMail.FOLLOW_UP: ("feedback/email/plan_follow_up", "feedback:plan_follow_up"),
}


@retrying_task
def send_plan_mails() -> int:
    """Mails the plan invitations (the day after a visit's last day) and follow-ups (six months
    after it) due today, each person in their language; returns how many it sent. Each mail
    commits with its record, so a retry or a second run sends only what is left."""
    now, today = timezone.now(), timezone.localdate()
    sent = 0
    for kind, (template, page) in PLAN_MAILS.items():
        for visit in visits_to_mail(kind, today=today):
            for person in people_to_mail(visit, kind):
                with transaction.atomic():
                    send_templated_mail(
                        to=person,
                        template=template,
                        context={"visit": visit, "follow_up_on": follow_up_opens_on(visit)},
                        link=(page, {"programme": visit.programme.slug, "visit": visit.slug}),
                    )
                    plan_mail_sent(visit=visit, person=person, kind=kind, now=now)
                sent += 1
    return sent
