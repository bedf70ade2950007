"""Writes about subscriptions: asking to subscribe (double opt-in), confirming, unsubscribing,
changing what one receives, bounces, and forgetting the unconfirmed."""

import datetime
import secrets
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from citypeers.core.audit import log_action
from citypeers.newsletter.enums import (
    CONFIRM_DAYS,
    HARD_BOUNCES_TO_SUSPEND,
    SOFT_BOUNCES_TO_SUSPEND,
    BounceKind,
)
from citypeers.newsletter.models import Delivery, Subscription
from citypeers.newsletter.selectors import latest_delivery_to
from citypeers.people.enums import ConsentPurpose
from citypeers.people.services import consent_record, consent_withdraw
from citypeers.programmes.models import Programme, Theme


def subscription_request(
    *,
    email: str,
    programmes: Iterable[Programme],
    themes: Iterable[Theme],
    languages: list[str],
    consent_text: str,
    now: datetime.datetime | None = None,
) -> list[Subscription]:
    """Records the wish to subscribe and mails a confirmation link for each programme not
    subscribed yet. An address already subscribed is left as it is and gets no mail: the page
    says the same either way, so nobody learns who reads which newsletter. Returns the
    subscriptions awaiting confirmation."""
    from citypeers.newsletter.tasks import send_confirmation  # tasks import services

    now = now or timezone.now()
    email = email.strip().lower()
    themes = list(themes)
    waiting = []
    with transaction.atomic():
        for programme in programmes:
            subscription, created = Subscription.objects.select_for_update().get_or_create(
                programme=programme,
                email=email,
                defaults={
                    "languages": languages,
                    "consent_text": consent_text,
                    "consented_at": now,
                    "token": secrets.token_urlsafe(32),
                },
            )
            if not created and subscription.active:
                continue
            if not created:  # unconfirmed, unsubscribed or suspended: asks again from scratch
                subscription.languages, subscription.consent_text = languages, consent_text
                subscription.consented_at = now
                subscription.confirmed_at = subscription.unsubscribed_at = None
                subscription.suspended_at = None
                subscription.hard_bounces = subscription.soft_bounces = 0
                subscription.token = secrets.token_urlsafe(32)
                subscription.save()
            subscription.themes.set(themes)
            consent_record(
                email=email,
                purpose=ConsentPurpose.NEWSLETTER,
                text=consent_text,
                language=get_language() or "",
                reference=_consent_reference(subscription),
                now=now,
            )
            waiting.append(subscription)
        for subscription in waiting:
            transaction.on_commit(
                lambda pk=subscription.pk: send_confirmation.enqueue(subscription_id=pk)
            )
    return waiting


def _consent_reference(subscription: Subscription) -> str:
    return f"newsletter.subscription:{subscription.pk}"


def subscription_confirm(
    *, subscription: Subscription, now: datetime.datetime | None = None
) -> bool:
    """Confirms the subscription; False when it was confirmed already (nothing changes)."""
    now = now or timezone.now()
    confirmed = Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=now
    )
    if confirmed:
        log_action(subscription, "newsletter.subscription_confirmed")
    return bool(confirmed)


def subscription_unsubscribe(
    *, subscription: Subscription, now: datetime.datetime | None = None
) -> bool:
    """Stops every mail to this subscription at once; False when it was stopped already."""
    now = now or timezone.now()
    stopped = Subscription.objects.filter(pk=subscription.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now
    )
    if stopped:
        log_action(subscription, "newsletter.unsubscribed")
        consent_withdraw(
            purpose=ConsentPurpose.NEWSLETTER,
            reference=_consent_reference(subscription),
            email=subscription.email,
            now=now,
        )
    return bool(stopped)


def subscription_preferences_change(
    *, subscription: Subscription, themes: Iterable[Theme], languages: list[str]
) -> Subscription:
    """What the subscriber receives from now on: these themes (none: all), these languages."""
    with transaction.atomic():
        subscription.languages = languages
        subscription.save(update_fields=["languages"])
        subscription.themes.set(list(themes))
        log_action(subscription, "newsletter.preferences_changed", changes={"languages": languages})
    return subscription


def subscriptions_prune_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Forgets the subscriptions left unconfirmed CONFIRM_DAYS after they were asked for."""
    now = now or timezone.now()
    before = now - datetime.timedelta(days=CONFIRM_DAYS)
    deleted, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, consented_at__lt=before
    ).delete()
    return deleted


def bounce_record(
    *,
    kind: str,
    email: str = "",
    delivery_id: int | None = None,
    now: datetime.datetime | None = None,
) -> Subscription | None:
    """Counts a bounce the mail provider reported (by delivery, or by address: its latest
    delivery); suspends the subscription after HARD_BOUNCES_TO_SUSPEND hard bounces or
    SOFT_BOUNCES_TO_SUSPEND soft ones. None: no mail of ours went there."""
    now = now or timezone.now()
    if kind not in BounceKind.values:
        raise ValueError(kind)
    with transaction.atomic():
        if delivery_id is not None:
            delivery = Delivery.objects.filter(pk=delivery_id).first()
        else:
            delivery = latest_delivery_to(email)
        if delivery is None:
            return None
        Delivery.objects.filter(pk=delivery.pk).update(bounce=kind)
        counter = "hard_bounces" if kind == BounceKind.HARD else "soft_bounces"
        Subscription.objects.filter(pk=delivery.subscription_id).update(**{counter: F(counter) + 1})
        subscription = Subscription.objects.select_for_update().get(pk=delivery.subscription_id)
        if subscription.suspended_at is None and (
            subscription.hard_bounces >= HARD_BOUNCES_TO_SUSPEND
            or subscription.soft_bounces >= SOFT_BOUNCES_TO_SUSPEND
        ):
            subscription.suspended_at = now
            subscription.save(update_fields=["suspended_at"])
            log_action(subscription, "newsletter.suspended_after_bounces")
    return subscription
