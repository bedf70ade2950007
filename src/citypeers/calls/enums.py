"""Outcomes and the constants the calls app's layers share; imports nothing of the app."""

import datetime

from django.db import models
from django.utils.translation import pgettext_lazy


class Outcome(models.TextChoices):
    # In context: languages where the word agrees with "application" need their own forms.
    SELECTED = "selected", pgettext_lazy("outcome of an application", "Selected")
    CONFIRMED = "confirmed", pgettext_lazy("outcome of an application", "Confirmed")
    DECLINED = "declined", pgettext_lazy("outcome of an application", "Declined")
    WAITLISTED = "waitlisted", pgettext_lazy("outcome of an application", "On the waiting list")
    NOT_SELECTED = "not_selected", pgettext_lazy("outcome of an application", "Not selected")


# The selection: places a visit has unless coordinators say otherwise; the score that places a
# pinned person before anyone; the city sizes the "small or medium" quota counts.
DEFAULT_CAPACITY = 24
PINNED_SCORE = 1_000_000
SMALL_OR_MEDIUM = {"small", "medium"}
# (attribute, value) of the two share quotas coordinators set, as the optimiser gets them.
SMALL_OR_MEDIUM_VALUE = ("city_size_group", "small_or_medium")

CIVIL_SOCIETY = ("organisation_type", "civil")


# Reviewers' totals (0-100) further apart than this are worth a coordinator's look.
DISAGREEMENT_POINTS = 25


# The most visits a call may let an applicant rank (the optimiser weighs five ranks).
MAX_PREFERENCES = 5

# How long a selected person has to confirm their place.
RESPOND_WITHIN = datetime.timedelta(days=7)

# A proposed visit's zone when its host country has none of its own in the zone table.
FALLBACK_ZONE = "Europe/Brussels"

# What an applicant writes about themselves in every call's form (`forms.applications`), and
# what a host call asks instead of ranked visits (`forms.hosts`); a person's export lists both
# (`personal_data`), so a field added here is asked and exported alike.
STANDARD_FIELDS = [
    "role",
    "learning_needs",
    "expertise",
    "challenge",
    "motivation",
    "languages",
    "access_needs",
]
PROPOSAL_FIELDS = ["practice", "proposed_mode", "proposed_from", "proposed_until", "proposed_topic"]
