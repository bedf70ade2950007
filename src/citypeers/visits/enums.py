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


class ResourceLicence(models.TextChoices):
    """Under which licence a session's resource (slides, a recording) may be reused. The
    Creative Commons names are their own, the same in every language."""

    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    UNKNOWN = "unknown", _("Unknown: ask the author")


# Each licence's canonical deed, linked beside the resource; the others have none.
LICENCE_DEEDS = {
    ResourceLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    ResourceLicence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    ResourceLicence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    ResourceLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class ResourceVisibility(models.TextChoices):
    """Who sees a session's resource, widest first."""

    PUBLIC = "public", _("Public: anyone reading the published agenda")
    VISIT = "visit", _("The visit's people and team")
    TEAM = "team", _("The visit's team and coordinators only")


# What a reader sees, by their reach (the widest visibility meant for them).
RESOURCES_SEEN_WITH = {
    ResourceVisibility.PUBLIC: (ResourceVisibility.PUBLIC,),
    ResourceVisibility.VISIT: (ResourceVisibility.PUBLIC, ResourceVisibility.VISIT),
    ResourceVisibility.TEAM: tuple(ResourceVisibility),
}
# The short name of each visibility, on the badge the team sees beside a resource.
VISIBILITY_BADGES = {
    ResourceVisibility.PUBLIC: _("Public"),
    ResourceVisibility.VISIT: _("Visit's people"),
    ResourceVisibility.TEAM: _("Team only"),
}
RESOURCE_URL_MAX_LENGTH = 2000
RESOURCE_SCHEMES = ("https", "http")
