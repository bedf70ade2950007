"""The newsletter's states and limits, shared by its layers."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Mails rendered, sent and marked per task: a retry resends at most one batch's uncommitted
# mails, and tasks (on one or several workers) share an issue batch by batch.
BATCH = 200
# How long a confirmation link works, and how long an unconfirmed subscription is kept.
CONFIRM_DAYS = 7
# The candidates a coordinator picks from: what the programme published in these days.
RECENT_DAYS = 120
CANDIDATES_PER_KIND = 30
# Bounces that suspend a subscription: one hard bounce, or this many soft ones.
HARD_BOUNCES_TO_SUSPEND = 1
SOFT_BOUNCES_TO_SUSPEND = 3
# Rate limits of the subscribe form: per client address, per e-mail address (in an hour).
SUBSCRIBE_PER_ADDRESS = 20
SUBSCRIBE_PER_EMAIL = 3
SUBSCRIBE_WINDOW = 3600
# RFC 8058: the body a mail client POSTs to unsubscribe in one click.
ONE_CLICK_FIELD, ONE_CLICK_VALUE = "List-Unsubscribe", "One-Click"


class ItemKind(models.TextChoices):
    NEWS = "news", _("news")
    VISIT = "visit", _("visit")
    REPORT = "report", _("report")


class DeliveryState(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("newsletter", "queued")
    SENT = "sent", _("sent")
    FAILED = "failed", pgettext_lazy("newsletter", "failed")
    # Nothing in the issue was for this subscriber's themes: no mail.
    SKIPPED = "skipped", _("nothing for their themes")


class BounceKind(models.TextChoices):
    HARD = "hard", pgettext_lazy("newsletter", "hard")
    SOFT = "soft", pgettext_lazy("newsletter", "soft")
