"""What the people app's layers share: the states of a request to join an organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AffiliationState(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENDED = "ended", _("Ended")


class AffiliationSource(models.TextChoices):
    """How a request came to be approved (or asked), for the audit and the deciders."""

    REQUEST = "request", _("Asked by the person")
    EMAIL_DOMAIN = "domain", _("Verified e-mail address at the organisation's domain")
    GRANTED = "granted", _("Recorded by staff or the platform")
