"""Bounces: reported by the mail provider (a shared secret) or by hand; one hard bounce or
three soft ones suspend the subscription; the sent log counts them."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from citypeers.newsletter.models import Delivery
from citypeers.newsletter.selectors import active_subscriptions, delivery_counts
from citypeers.newsletter.services.issues import issue_send
from tests.newsletter.scene import issue_with, news_item, subscriber

pytestmark = pytest.mark.django_db
SECRET = "s3cret-for-bounces"


@pytest.fixture
def sent(programme, django_capture_on_commit_callbacks):
    """An issue sent to one subscriber: (subscription, issue)."""
    subscription = subscriber(programme, "reader@example.org")
    issue = issue_with(programme, [news_item(programme)])
    with django_capture_on_commit_callbacks(execute=True):
        issue_send(issue=issue, by=None)
    return subscription, issue


def _report(client, secret=SECRET, **data):
    return client.post(
        reverse("newsletter:bounce"), data, headers={"authorization": f"Bearer {secret}"}
    )


def test_the_endpoint_is_off_without_a_secret(client, settings, sent):
    settings.NEWSLETTER_BOUNCE_SECRET = ""
    assert _report(client, secret="", email="reader@example.org", kind="hard").status_code == 404


def test_a_wrong_secret_counts_nothing(client, settings, sent):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    response = _report(client, secret="guess", email="reader@example.org", kind="hard")
    assert response.status_code == 403
    assert Delivery.objects.get().bounce == ""


def test_one_hard_bounce_suspends_and_the_log_counts_it(client, settings, sent):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    _subscription, issue = sent
    response = _report(client, email="READER@example.org", kind="hard")
    assert response.status_code == 200 and response.json()["suspended"] is True
    assert not active_subscriptions(issue.programme).exists()
    assert delivery_counts(issue).bounced_hard == 1


def test_three_soft_bounces_suspend_two_do_not(client, settings, sent):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    subscription, issue = sent
    delivery = Delivery.objects.get()
    for _n in range(2):
        assert _report(client, delivery=str(delivery.pk), kind="soft").json()["suspended"] is False
    assert active_subscriptions(issue.programme).count() == 1
    assert _report(client, delivery=str(delivery.pk), kind="soft").json()["suspended"] is True
    subscription.refresh_from_db()
    assert subscription.soft_bounces == 3 and subscription.suspended_at is not None
    assert delivery_counts(issue).bounced_soft == 1


def test_a_suspended_address_is_not_sent_the_next_issue(
    client, settings, sent, programme, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    _report(client, email="reader@example.org", kind="hard")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert issue_send(issue=issue_with(programme, [news_item(programme)]), by=None) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    "data",
    [
        {"email": "reader@example.org", "kind": "bouncy"},
        {"kind": "hard"},
        {"delivery": "1e9", "kind": "hard"},
        {"delivery": "99999999999999999999", "kind": "soft"},
    ],
)
def test_malformed_reports_are_refused(client, settings, sent, data):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    assert _report(client, **data).status_code == 400
    assert Delivery.objects.get().bounce == ""


def test_an_address_we_never_mailed_is_not_found(client, settings, sent):
    settings.NEWSLETTER_BOUNCE_SECRET = SECRET
    assert _report(client, email="stranger@example.org", kind="hard").status_code == 404


def test_a_bounce_entered_by_hand(sent, capsys):
    _subscription, issue = sent
    call_command("newsletter_bounce", "reader@example.org", "--hard")
    assert "suspended" in capsys.readouterr().out
    assert delivery_counts(issue).bounced_hard == 1
    with pytest.raises(CommandError):
        call_command("newsletter_bounce", "stranger@example.org")
