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


class ConsentPurpose(models.TextChoices):
    """What a person agreed to; the exact text shown is kept with each `Consent`."""

    APPLICATION = "application", _("Processing of an application to a call")
    NEWSLETTER = "newsletter", _("Receiving a programme's newsletter")


class LegalBasis(models.TextChoices):
    """The grounds of GDPR article 6(1) the platform relies on."""

    CONSENT = "consent", _("Your consent (GDPR art. 6(1)(a)); you may withdraw it")
    CONTRACT = (
        "contract",
        _("Taking part in the programme you signed up or applied for (GDPR art. 6(1)(b))"),
    )
    LEGITIMATE_INTEREST = (
        "interest",
        _(
            "The programme's legitimate interest in running and evaluating its visits "
            "(GDPR art. 6(1)(f))"
        ),
    )
