"""What the newsletter keeps about a person: subscriptions by e-mail address (a subscriber
needs no account; the export and erasure match the account's address). Registered by
`NewsletterConfig.ready()` into `people.personal_data`."""

import datetime

from django.utils.translation import gettext_lazy as _

from citypeers.newsletter.models import Subscription
from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import (
    PersonalData,
    deleted,
    personal_data_register,
    pruned,
    records,
)


def subscriptions_of(user: User):
    return Subscription.objects.filter(email__iexact=user.email).select_related("programme")


def _subscriptions(user: User) -> list[dict]:
    fields = [
        "programme",
        "email",
        "languages",
        "consent_text",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
        "suspended_at",
    ]
    return records(subscriptions_of(user), fields)


def _subscriptions_erase(user: User) -> list:
    return deleted(subscriptions_of(user))  # deliveries with them


def _subscriptions_prune(now: datetime.datetime) -> int:
    return pruned(Subscription.objects.filter(unsubscribed_at__lt=SUBSCRIPTIONS.cutoff(now)))


SUBSCRIPTIONS = PersonalData(
    key="newsletter.subscriptions",
    name=_("Newsletter subscriptions"),
    what=_(
        "Your e-mail address, the programmes, themes and languages you chose, the consent "
        "you gave, and whether each issue reached you."
    ),
    purpose=_("Sending you the newsletters you asked for."),
    legal_basis=LegalBasis.CONSENT,
    who_sees=_("The programme's coordinators and staff."),
    export=_subscriptions,
    erase=_subscriptions_erase,
    retention_setting="NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS",
    retention_from=_("you unsubscribe (unconfirmed requests go after a few days)"),
    prune=_subscriptions_prune,
)


def register() -> None:
    personal_data_register(SUBSCRIPTIONS)
