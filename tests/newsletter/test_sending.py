"""Sending an issue: every active subscriber once, in batches, in their language, with the
items of their themes and the unsubscribe headers; nothing tracked."""

import re

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from citypeers.newsletter.enums import DeliveryState
from citypeers.newsletter.errors import NewsletterError
from citypeers.newsletter.models import Delivery
from citypeers.newsletter.selectors import delivery_counts
from citypeers.newsletter.services.issues import deliveries_create, issue_save, issue_send
from citypeers.newsletter.services.subscriptions import subscription_unsubscribe
from citypeers.newsletter.tasks import queue_issue, send_issue_batch
from tests.factories import ThemeFactory, UserFactory
from tests.newsletter.scene import issue_with, news_item, running_programme, subscriber

pytestmark = pytest.mark.django_db


def _send(issue, capture, by=None) -> int:
    with capture(execute=True):
        return issue_send(issue=issue, by=by)


def _to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_each_active_subscriber_gets_the_issue_once_with_the_unsubscribe_headers(
    programme, django_capture_on_commit_callbacks
):
    active = [subscriber(programme, f"r{n}@example.org") for n in range(3)]
    subscriber(programme, "unconfirmed@example.org", confirmed=False)
    gone = subscriber(programme, "gone@example.org")
    subscription_unsubscribe(subscription=gone)
    subscriber(running_programme(), "elsewhere@example.org")
    issue = issue_with(programme, [news_item(programme)])
    mail.outbox.clear()
    assert _send(issue, django_capture_on_commit_callbacks) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in active)
    for subscription in active:
        [message] = _to(subscription.email)
        unsubscribe = f"/en/newsletter/unsubscribe/{subscription.token}/"
        assert re.fullmatch(
            rf"<https?://[^>]+{unsubscribe}>", message.extra_headers["List-Unsubscribe"]
        )
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.subject == "Spring issue"
        assert "Harbour reopened" in message.body and unsubscribe in message.body
        [(html, mimetype)] = message.alternatives
        assert mimetype == "text/html" and "<strong>all</strong>" in html and unsubscribe in html
    assert delivery_counts(issue).sent == 3


def test_the_mail_has_no_images_and_no_link_through_us_that_names_the_reader(
    programme, django_capture_on_commit_callbacks
):
    reader = subscriber(programme, "reader@example.org")
    issue = issue_with(programme, [news_item(programme)], intro="![x](https://example.org/p.png)")
    mail.outbox.clear()
    _send(issue, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert "<img" not in html.lower()  # no pixel, no image at all
    delivery = Delivery.objects.get()
    for href in re.findall(r'href="([^"]+)"', html):
        personal = reader.token in href
        assert not personal or re.search(r"/newsletter/(unsubscribe|preferences)/", href)
        assert f"/{delivery.pk}/" not in href and "delivery" not in href
        assert "redirect" not in href and "?" not in href  # links go straight to the page


def test_an_issue_goes_out_in_batches_and_a_retried_task_sends_nothing_twice(
    programme, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("citypeers.newsletter.services.issues.BATCH", 2)
    monkeypatch.setattr("citypeers.newsletter.tasks.BATCH", 2)
    for n in range(5):
        subscriber(programme, f"r{n}@example.org")
    issue = issue_with(programme, [news_item(programme)])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        issue_send(issue=issue, by=None)
    [queue_the_issue] = queued
    issue.refresh_from_db()
    assert delivery_counts(issue).preparing  # the coordinator's request queued no mail itself
    assert deliveries_create(issue=issue) == 5
    assert send_issue_batch.call(issue_id=issue.pk) == 2  # a batch, as a worker would
    assert delivery_counts(issue).queued == 3
    queue_the_issue()  # runs again (a retry): no delivery added, two batches for the rest
    assert delivery_counts(issue).sent == 5 and delivery_counts(issue).queued == 0
    assert send_issue_batch.call(issue_id=issue.pk) == 0  # a retry after all is sent
    assert queue_issue.call(issue_id=issue.pk) == 0
    assert sorted(m.to[0] for m in mail.outbox) == [f"r{n}@example.org" for n in range(5)]


def test_an_issue_is_sent_once_and_cannot_be_changed_after(
    programme, django_capture_on_commit_callbacks
):
    subscriber(programme, "reader@example.org")
    issue = issue_with(programme, [news_item(programme)])
    _send(issue, django_capture_on_commit_callbacks)
    with pytest.raises(NewsletterError):
        _send(issue, django_capture_on_commit_callbacks)
    with pytest.raises(NewsletterError):
        issue_save(
            programme=programme,
            issue=issue,
            texts={"en": ("x", "")},
            language="en",
            items=[],
            by=None,
        )
    assert Delivery.objects.count() == 1


def test_an_issue_without_items_is_not_sent(programme, django_capture_on_commit_callbacks):
    subscriber(programme, "reader@example.org")
    issue = issue_with(programme, [])
    with pytest.raises(NewsletterError):
        _send(issue, django_capture_on_commit_callbacks)


def test_each_subscriber_gets_the_items_of_their_themes_and_untagged_ones(
    programme, django_capture_on_commit_callbacks
):
    water, food = ThemeFactory(name="Water"), ThemeFactory(name="Food")
    subscriber(programme, "water@example.org", themes=[water])
    subscriber(programme, "all@example.org")
    subscriber(programme, "food@example.org", themes=[food])
    about_water = news_item(programme, titles={"en": "Rivers"}, themes=[water])
    issue = issue_with(programme, [about_water])
    mail.outbox.clear()
    _send(issue, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["all@example.org", "water@example.org"]
    counts = delivery_counts(issue)
    assert (counts.sent, counts.skipped) == (2, 1)  # nothing for food: no mail at all

    general = news_item(programme, titles={"en": "General"})
    second = issue_with(programme, [about_water, general], subject="Second")
    mail.outbox.clear()
    _send(second, django_capture_on_commit_callbacks)
    [food_mail] = _to("food@example.org")
    assert "General" in food_mail.body and "Rivers" not in food_mail.body


def test_each_reader_gets_the_issue_in_the_first_of_their_languages_it_is_written_in(
    programme, django_capture_on_commit_callbacks
):
    subscriber(programme, "fr@example.org", languages=["fr", "en"])
    subscriber(programme, "en@example.org", languages=["en"])
    subscriber(programme, "de@example.org", languages=["de"])  # no issue in German
    both = news_item(programme, titles={"en": "Harbour reopened", "fr": "Le port rouvre"})
    english_only = news_item(programme, titles={"en": "Only English"})
    issue = issue_save(
        programme=programme,
        texts={"en": ("Spring issue", ""), "fr": ("Numéro de printemps", "")},
        language="en",
        items=[("news", both), ("news", english_only)],
        by=None,
    )
    mail.outbox.clear()
    _send(issue, django_capture_on_commit_callbacks)
    [french] = _to("fr@example.org")
    [english] = _to("en@example.org")
    [german] = _to("de@example.org")
    assert french.subject == "Numéro de printemps"
    assert "Le port rouvre" in french.body and "Only English" in french.body
    assert "/fr/newsletter/unsubscribe/" in french.extra_headers["List-Unsubscribe"]
    assert english.subject == german.subject == "Spring issue"
    assert "Harbour reopened" in english.body and "Le port rouvre" not in english.body


def test_a_refused_address_is_counted_failed_and_the_others_still_get_the_issue(
    programme, django_capture_on_commit_callbacks, monkeypatch
):
    subscriber(programme, "bad@example.org")
    subscriber(programme, "good@example.org")
    issue = issue_with(programme, [news_item(programme)])
    original = EmailBackend.send_messages

    def refusing(self, messages):
        if any("bad@example.org" in m.to for m in messages):
            raise OSError("550 mailbox unavailable")
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refusing)
    mail.outbox.clear()
    _send(issue, django_capture_on_commit_callbacks, by=UserFactory())
    assert [m.to for m in mail.outbox] == [["good@example.org"]]
    counts = delivery_counts(issue)
    assert (counts.sent, counts.failed) == (1, 1)
    failed = Delivery.objects.get(state=DeliveryState.FAILED)
    assert "550" in failed.error


def test_who_unsubscribes_after_the_issue_is_queued_does_not_get_it(
    programme, django_capture_on_commit_callbacks
):
    staying = subscriber(programme, "staying@example.org")
    leaving = subscriber(programme, "leaving@example.org")
    issue = issue_with(programme, [news_item(programme)])
    mail.outbox.clear()
    assert deliveries_create(issue=issue) == 2
    subscription_unsubscribe(subscription=leaving)
    assert send_issue_batch.call(issue_id=issue.pk) == 1
    assert [m.to[0] for m in mail.outbox] == [staying.email]
    assert delivery_counts(issue).total == 1
