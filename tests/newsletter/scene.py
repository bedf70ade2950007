"""Newsletter scenes: a programme running for a year, subscribers, news, an issue."""

import datetime

from django.utils import timezone

from citypeers.news.models import NewsItem, NewsText
from citypeers.newsletter.enums import ItemKind
from citypeers.newsletter.models import Subscription
from citypeers.newsletter.services.issues import issue_save
from citypeers.newsletter.services.subscriptions import (
    subscription_confirm,
    subscription_request,
)
from tests.factories import ProgrammeFactory

CONSENT = "I agree."


def running_programme(**kwargs):
    today = timezone.localdate()
    return ProgrammeFactory(
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=365),
        **kwargs,
    )


def subscriber(programme, email, *, themes=(), languages=("en",), confirmed=True):
    subscription_request(
        email=email,
        programmes=[programme],
        themes=themes,
        languages=list(languages),
        consent_text=CONSENT,
    )
    subscription = Subscription.objects.get(programme=programme, email=email)
    if confirmed:
        subscription_confirm(subscription=subscription)
        subscription.refresh_from_db()
    return subscription


def news_item(programme, *, titles=None, themes=(), original="en", days_ago=1):
    titles = titles or {"en": "Harbour reopened"}
    item = NewsItem.objects.create(
        slug=f"news-{NewsItem.objects.count() + 1}",
        programme=programme,
        original_language=original,
        publish_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    for language, title in titles.items():
        NewsText.objects.create(
            item=item, language=language, title=title, summary=f"{title} (summary)", body="…"
        )
    item.themes.set(themes)
    return item


def issue_with(programme, items, *, subject="Spring issue", intro="Hello **all**", by=None):
    return issue_save(
        programme=programme,
        texts={"en": (subject, intro)},
        language="en",
        items=[(ItemKind.NEWS, item) for item in items],
        by=by,
    )
