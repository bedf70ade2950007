"""The Atom feed of open calls (`library.feeds.calls`)."""

import datetime
from types import SimpleNamespace

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def entries(client):
    response = client.get(reverse("library:calls_feed"))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed.entries


def test_open_and_announced_calls_but_no_draft_and_no_closed_call(client):
    now = timezone.now()
    CallFactory(title="Open now")
    CallFactory(
        title="Opens next week",
        opens_at=now + datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=30),
        published_at=now - datetime.timedelta(days=1),
    )
    CallFactory(title="Draft", published_at=None)
    CallFactory(
        title="Closed",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
    )
    assert [entry.title for entry in entries(client)] == ["Opens next week", "Open now"]


def test_an_entry_says_its_deadline_in_the_calls_zone_and_links_the_call(client):
    closes = datetime.datetime(2099, 3, 15, 11, 0, tzinfo=datetime.UTC)
    call = CallFactory(title="Hosts wanted", closes_at=closes, time_zone="Europe/Paris")
    [entry] = entries(client)
    assert entry.link == "http://testserver" + call.get_absolute_url()
    assert "deadline 15 March 2099, 12:00 (Europe/Paris)" in entry.summary
    assert entry.published_parsed[:5] == call.opens_at.utctimetuple()[:5]


def test_the_calls_pages_link_the_feed(client):
    call = CallFactory()
    feed_url = reverse("library:calls_feed")
    for page in (reverse("calls:list"), call.get_absolute_url()):
        html = client.get(page).content.decode()
        assert (
            f'type="application/atom+xml" title="citypeers: open calls" href="{feed_url}"' in html
        )


def test_a_call_closing_drops_out_for_a_polling_reader_without_any_write(client, monkeypatch):
    now = timezone.now()
    CallFactory(title="Closes soon", closes_at=now + datetime.timedelta(hours=2))
    first = client.get(reverse("library:calls_feed"))
    assert len(feedparser.parse(first.content).entries) == 1
    later = SimpleNamespace(now=lambda: now + datetime.timedelta(hours=3))
    monkeypatch.setattr("citypeers.library.feeds.base.timezone", later)
    monkeypatch.setattr("citypeers.library.feeds.public.timezone", later)
    again = client.get(reverse("library:calls_feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert feedparser.parse(again.content).entries == []


def test_an_entry_id_is_the_calls_absolute_address(client):
    call = CallFactory()
    [entry] = entries(client)
    assert entry.id == "http://testserver" + call.get_absolute_url()
