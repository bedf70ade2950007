"""Facts the visits app's layers share; imports nothing of the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import VISIT_TEAM_ROLES

# Who works on a visit beside the programme's coordinators.
TEAM_ROLES = VISIT_TEAM_ROLES


class AttendanceStatus(models.TextChoices):
    """How a person attended a session, as checked in or marked by the team."""

    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    LEFT_EARLY = "left_early", _("Left early")
    ABSENT = "absent", _("Absent")


# Reminders before a visit's first day, in days; each person gets each once.
REMINDER_DAYS_BEFORE = (7, 1)


class RecommendationStatus(models.TextChoices):
    """What the host made of a recommendation of the visit's team."""

    OPEN = "open", _("Open")
    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


# The host answers the recommendations until this many days after the visit's last day: the
# answers feed the twelve-month check.
RECOMMENDATION_ANSWER_DAYS = 365
