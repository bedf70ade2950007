"""The demo's newsletter: the next round's programme with a dozen confirmed subscribers in
English and French (some following a theme) and a draft issue about its visits, ready for the
coordinator to preview and send."""

from citypeers.newsletter.enums import ItemKind
from citypeers.newsletter.models import Subscription
from citypeers.newsletter.services.issues import issue_save
from citypeers.newsletter.services.subscriptions import (
    subscription_confirm,
    subscription_request,
)
from citypeers.programmes.models import Programme, Theme, Visit

CONSENT = (
    "I agree to receive this newsletter by e-mail. My address, languages and themes are kept "
    "only to send it; every mail has a link to unsubscribe in one click."
)
SUBSCRIBERS = 12


def newsletter_demo_load(*, programme: Programme, coordinator) -> None:
    themes = list(Theme.objects.order_by("slug")[:2])
    for n in range(SUBSCRIBERS):
        subscription_request(
            email=f"reader{n + 1}@example.org",
            programmes=[programme],
            themes=[themes[n % len(themes)]] if themes and n % 3 == 0 else [],
            languages=["fr", "en"] if n % 4 == 0 else ["en"],
            consent_text=CONSENT,
        )
    for subscription in Subscription.objects.filter(programme=programme)[: SUBSCRIBERS - 1]:
        subscription_confirm(subscription=subscription)  # the last one never confirmed
    visits = Visit.objects.filter(programme=programme, starts_on__isnull=False)
    issue_save(
        programme=programme,
        texts={
            "en": ("The next round is open", "Four cities open their doors: **apply now**."),
            "fr": ("Le prochain tour est ouvert", "Quatre villes ouvrent leurs portes."),
        },
        language="en",
        items=[(ItemKind.VISIT, visit) for visit in visits.order_by("starts_on")[:4]],
        by=coordinator,
    )
