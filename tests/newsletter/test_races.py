"""Two clicks at once: an issue is sent once, an address subscribes once."""

import pytest

from citypeers.newsletter.errors import NewsletterError
from citypeers.newsletter.models import Delivery, Subscription
from citypeers.newsletter.services.issues import issue_send
from citypeers.newsletter.services.subscriptions import subscription_request
from citypeers.newsletter.tasks import queue_issue
from tests.newsletter.scene import issue_with, news_item, running_programme, subscriber
from tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


def test_send_clicked_twice_at_once_sends_the_issue_once():
    programme = running_programme()
    for n in range(3):
        subscriber(programme, f"reader{n}@example.org")
    issue = issue_with(programme, [news_item(programme)])
    first, second = race(
        lambda: issue_send(issue=issue, by=None),
        lambda: issue_send(issue=issue, by=None),
        hold_after="citypeers.newsletter.services.issues.log_action",
    )
    assert first.error is None and first.result == 3
    assert isinstance(second.error, NewsletterError)
    queue_issue.call(issue_id=issue.pk)
    assert Delivery.objects.filter(issue=issue).count() == 3


def test_one_address_asking_twice_at_once_gets_one_subscription():
    programme = running_programme()

    def ask():
        return subscription_request(
            email="twice@example.org",
            programmes=[programme],
            themes=[],
            languages=["en"],
            consent_text="I agree.",
        )

    first, second = race(ask, ask, hold_after="django.db.transaction.on_commit")
    assert first.error is None and second.error is None
    assert Subscription.objects.filter(email="twice@example.org").count() == 1
