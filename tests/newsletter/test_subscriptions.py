"""Subscribing with double opt-in, confirming, unsubscribing in one click (RFC 8058),
preferences, rate limits, and what the page tells about an address (nothing)."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from citypeers.newsletter.enums import CONFIRM_DAYS
from citypeers.newsletter.models import Subscription
from citypeers.newsletter.services.subscriptions import (
    subscription_unsubscribe,
    subscriptions_prune_unconfirmed,
)
from tests.factories import ThemeFactory
from tests.newsletter.scene import subscriber

pytestmark = pytest.mark.django_db


def _form(programme, email="reader@example.org", **more):
    return {
        "email": email,
        "programmes": [programme.pk],
        "language": "en",
        "consent": "on",
        **more,
    }


def _subscribe(client, capture, programme, **more):
    with capture(execute=True):
        return client.post(reverse("newsletter:subscribe"), _form(programme, **more))


def _link(message) -> str:
    return re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_subscribing_mails_a_link_and_sends_nothing_else_until_confirmed(
    client, programme, django_capture_on_commit_callbacks
):
    theme = ThemeFactory()
    response = _subscribe(
        client,
        django_capture_on_commit_callbacks,
        programme,
        themes=[theme.pk],
        other_languages=["fr"],
    )
    assert response.status_code == 200
    assert "Check your e-mail" in response.text
    subscription = Subscription.objects.get(email="reader@example.org")
    assert not subscription.active
    assert subscription.languages == ["en", "fr"]
    assert list(subscription.themes.all()) == [theme]
    assert "I agree to receive this newsletter" in subscription.consent_text
    assert subscription.consented_at is not None
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert programme.name in message.subject
    assert "/newsletter/confirm/" in _link(message)


def test_opening_the_link_does_not_confirm_only_the_button_does(
    client, programme, django_capture_on_commit_callbacks
):
    _subscribe(client, django_capture_on_commit_callbacks, programme)
    path = _path(_link(mail.outbox[0]))
    page = client.get(path)
    assert page.status_code == 200 and "Confirm" in page.text
    assert Subscription.objects.get().confirmed_at is None  # a link scanner confirms nothing
    done = client.post(path)
    assert done.status_code == 200 and "Subscription confirmed" in done.text
    assert Subscription.objects.get().active


def test_an_expired_link_confirms_nothing_and_says_so(
    client, programme, django_capture_on_commit_callbacks, monkeypatch
):
    _subscribe(client, django_capture_on_commit_callbacks, programme)
    path = _path(_link(mail.outbox[0]))
    later = time.time() + (CONFIRM_DAYS + 1) * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(path)
    assert response.status_code == 404
    assert "This link does not work" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_a_tampered_link_confirms_nothing(client, programme, django_capture_on_commit_callbacks):
    _subscribe(client, django_capture_on_commit_callbacks, programme)
    path = _path(_link(mail.outbox[0]))
    response = client.post(path.replace("/confirm/", "/confirm/x"))
    assert response.status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_the_page_says_the_same_whether_the_address_is_subscribed_or_not(
    client, programme, django_capture_on_commit_callbacks
):
    subscriber(programme, "known@example.org")
    known = _subscribe(
        client, django_capture_on_commit_callbacks, programme, email="known@example.org"
    )
    new = _subscribe(client, django_capture_on_commit_callbacks, programme, email="new@example.org")
    strip = lambda text: text.replace("known@", "").replace("new@", "")  # noqa: E731
    assert known.status_code == new.status_code == 200
    assert strip(known.text.split("<main")[1]) == strip(new.text.split("<main")[1])
    # The subscriber already confirmed is not mailed again, nor changed.
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    assert Subscription.objects.get(email="known@example.org").active


def test_a_confirmed_link_stops_working_once_the_address_asks_again_after_unsubscribing(
    client, programme, django_capture_on_commit_callbacks
):
    subscription = subscriber(programme, "back@example.org")
    old_token = subscription.token
    subscription_unsubscribe(subscription=subscription)
    _subscribe(client, django_capture_on_commit_callbacks, programme, email="back@example.org")
    subscription.refresh_from_db()
    assert not subscription.active and subscription.unsubscribed_at is None
    assert subscription.token != old_token
    assert client.get(reverse("newsletter:unsubscribe", args=[old_token])).status_code == 404
    client.post(_path(_link(mail.outbox[-1])))
    subscription.refresh_from_db()
    assert subscription.active


def test_one_click_unsubscribe_takes_the_rfc_8058_post_without_a_session_or_token(programme):
    subscription = subscriber(programme, "reader@example.org")
    mailer = Client(enforce_csrf_checks=True)  # a mail client: no cookie, no CSRF token
    response = mailer.post(
        reverse("newsletter:unsubscribe", args=[subscription.token]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None and not subscription.active


def test_opening_the_unsubscribe_link_shows_one_button_and_unsubscribes_nobody(client, programme):
    subscription = subscriber(programme, "reader@example.org")
    url = reverse("newsletter:unsubscribe", args=[subscription.token])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="List-Unsubscribe" value="One-Click"' in page.text
    assert reverse("newsletter:preferences", args=[subscription.token]) in page.text
    subscription.refresh_from_db()
    assert subscription.active


def test_a_post_without_the_one_click_body_unsubscribes_nobody(client, programme):
    subscription = subscriber(programme, "reader@example.org")
    response = client.post(reverse("newsletter:unsubscribe", args=[subscription.token]), {})
    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.active


def test_unknown_unsubscribe_token_is_not_found(client, db):
    assert client.post(reverse("newsletter:unsubscribe", args=["nope"])).status_code == 404


def test_preferences_change_themes_and_languages(client, programme):
    subscription = subscriber(programme, "reader@example.org")
    theme = ThemeFactory()
    url = reverse("newsletter:preferences", args=[subscription.token])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"themes": [theme.pk], "language": "fr", "other_languages": ["en", "fr"]}
    )
    assert response.status_code == 200 and "Saved" in response.text
    subscription.refresh_from_db()
    assert subscription.languages == ["fr", "en"]
    assert list(subscription.themes.all()) == [theme]


def test_too_many_requests_for_one_address_are_refused(
    client, programme, django_capture_on_commit_callbacks
):
    for _n in range(3):
        ok = _subscribe(client, django_capture_on_commit_callbacks, programme)
        assert ok.status_code == 200
    refused = _subscribe(client, django_capture_on_commit_callbacks, programme)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 3


def test_too_many_requests_from_one_client_are_refused(
    client, programme, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("citypeers.newsletter.views.public.SUBSCRIBE_PER_ADDRESS", 2)
    for n in range(2):
        assert (
            _subscribe(
                client, django_capture_on_commit_callbacks, programme, email=f"a{n}@example.org"
            ).status_code
            == 200
        )
    refused = _subscribe(client, django_capture_on_commit_callbacks, programme, email="z@e.org")
    assert refused.status_code == 429
    assert not Subscription.objects.filter(email="z@e.org").exists()


def test_unconfirmed_subscriptions_are_forgotten_after_their_link_expires(programme):
    kept = subscriber(programme, "kept@example.org", confirmed=False)
    subscriber(programme, "confirmed@example.org")
    later = timezone.now() + datetime.timedelta(days=CONFIRM_DAYS, hours=1)
    assert subscriptions_prune_unconfirmed(now=later) == 1
    assert not Subscription.objects.filter(pk=kept.pk).exists()
    assert Subscription.objects.filter(email="confirmed@example.org").exists()


@pytest.mark.parametrize(
    "data",
    [
        {"email": "a@example.org\r\nBcc: b@example.org"},
        {"email": "x" * 400 + "@example.org"},
        {"programmes": ["99999999999999999999"]},
        {"programmes": ["abc"]},
        {"themes": ["-1"]},
        {"language": "xx"},
        {"consent": ""},
    ],
)
def test_hostile_input_is_refused_at_the_field_and_keeps_what_was_typed(
    client, programme, data, django_capture_on_commit_callbacks
):
    form = {**_form(programme), **data}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter:subscribe"), form)
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert not Subscription.objects.exists() and mail.outbox == []
