"""What a survey's mails say and where their personal link leads."""

from django.conf import settings
from django.utils import translation

from citypeers.core.notifications import mail_language
from citypeers.feedback.models import Invitation, Survey
from citypeers.feedback.selectors.answering import invitation_link
from citypeers.visits.selectors.feeds import visit_zone


def invitation_mail_context(invitation: Invitation, survey: Survey, *, reminder: bool) -> dict:
    """The mail's context in the person's language: the link, the visit, when it closes in
    their zone (else the visit's)."""
    person = invitation.person
    with translation.override(mail_language(person)):
        url = settings.SITE_URL + invitation_link(invitation)
        moment = survey.get_moment_display()  # a plain string: made in their language
    return {
        "survey": survey,
        "visit": survey.visit,
        "moment": moment,
        "anonymous": survey.anonymity == "anonymous",
        "closes_at": survey.closes_at,
        "zone": person.time_zone or visit_zone(survey.visit),
        "reminder": reminder,
        "url": url,
    }
