"""The demo's newsletter: subscribers to preview and send to, and a draft to start from."""

import datetime

import pytest
from django.utils import timezone

from citypeers.demo.newsletter import SUBSCRIBERS, newsletter_demo_load
from citypeers.newsletter.models import Issue
from citypeers.newsletter.selectors import active_subscriptions
from tests.factories import ThemeFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_confirmed_subscribers_and_a_draft_about_the_visits(programme, coordinator):
    ThemeFactory()
    today = timezone.localdate()
    for n in range(5):
        day = today + datetime.timedelta(days=30 * (n + 1))
        VisitFactory(programme=programme, starts_on=day, ends_on=day)
    newsletter_demo_load(programme=programme, coordinator=coordinator)
    assert active_subscriptions(programme).count() == SUBSCRIBERS - 1
    issue = Issue.objects.get(programme=programme, sent_at=None)
    assert issue.items.count() == 4
    assert {text.language for text in issue.texts.all()} == {"en", "fr"}
