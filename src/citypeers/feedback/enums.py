"""Facts the feedback app's layers share; imports nothing of the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Moment(models.TextChoices):
    """When a survey is asked, counted from the visit's agenda."""

    DAILY_PULSE = "pulse", _("End of each day (one-minute pulse)")
    END_OF_VISIT = "end", _("End of the visit")
    HOST = "host", _("Host's feedback")
    FOLLOW_UP = "follow_up", _("Six-month follow-up")


class Audience(models.TextChoices):
    """Who a survey is sent to on a visit."""

    PARTICIPANTS = "participants", _("Participants")
    HOSTS = "hosts", _("Host team")


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Rating from 1 to 5")
    BEFORE_AFTER = "before_after", _("Self-rated knowledge before and after, 1 to 5")
    SESSION_RATINGS = "sessions", _("A rating from 1 to 5 for each session")
    CHOICE = "choice", _("One choice from a list")
    TEXT = "text", _("Free text")


class KirkpatrickLevel(models.IntegerChoices):
    """What a question measures, in Kirkpatrick's four levels of training evaluation."""

    REACTION = 1, _("1. Reaction")
    LEARNING = 2, _("2. Learning")
    BEHAVIOUR = 3, _("3. Behaviour")
    RESULTS = 4, _("4. Results")


class Anonymity(models.TextChoices):
    """How answers are kept: anonymous answers keep nothing that leads back to a person (no
    link, no time, no order); pseudonymous ones keep a stable pseudonym per person and visit, so
    the end-of-visit and six-month answers of one person can be compared, never their name."""

    ANONYMOUS = "anonymous", _("Anonymous")
    PSEUDONYMOUS = "pseudonymous", _("Pseudonymous")


RATING_MIN, RATING_MAX = 1, 5
FOLLOW_UP_MONTHS = 6
# Reminders to people who have not answered, in days after the survey was sent.
REMINDER_DAYS_AFTER = (3, 7)
# A survey stays open this many days after it is sent.
SURVEY_OPEN_DAYS = 14


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class StepStatus(models.TextChoices):
    """Where a step of a transfer action plan stands; the follow-up updates it."""

    PLANNED = "planned", pgettext_lazy("action plan step", "Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class PlanMail(models.TextChoices):
    """The two mails about a transfer action plan, each sent once per person and visit."""

    INVITATION = "invitation", _("Invitation to write the plan")
    FOLLOW_UP = "follow_up", _("Six-month follow-up")
