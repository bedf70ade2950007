"""The feedback app's mails, sent in the background by the task worker."""

from django.db import transaction
from django.utils import timezone

from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.feedback.enums import PlanMail
from citypeers.feedback.selectors.plans import follow_up_opens_on, people_to_mail, visits_to_mail
from citypeers.feedback.services.plans import plan_mail_sent

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
