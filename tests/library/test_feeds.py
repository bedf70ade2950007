"""The Atom feed of new practices (`library.feeds`)."""

import datetime
import re

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PlaceFactory, PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def test_feed_is_valid_atom_with_newest_practices(client, two_practices):
    response = client.get(reverse("library:feed"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Fortress of Culture", "Archive and grassroots lab"}


def entries(client):
    feed = feedparser.parse(client.get(reverse("library:feed")).content)
    return feed.entries


def test_the_newest_practice_comes_first(client):
    now = timezone.now()
    for days, title in [(3, "Old mill"), (1, "New ferry"), (2, "Middle barracks")]:
        PublishedPracticeFactory(title=title, published_at=now - datetime.timedelta(days=days))
    assert [entry.title for entry in entries(client)] == [
        "New ferry",
        "Middle barracks",
        "Old mill",
    ]


def test_the_feed_holds_the_thirty_newest_published_practices(client):
    now = timezone.now()
    for number in range(32):
        PublishedPracticeFactory(
            title=f"Practice {number}", published_at=now - datetime.timedelta(hours=number)
        )
    PracticeFactory(title="Draft")
    titles = [entry.title for entry in entries(client)]
    assert titles == [f"Practice {number}" for number in range(30)]


def test_an_entry_links_to_the_practice_with_its_tagline_date_and_countries(client):
    practice = PublishedPracticeFactory(
        title="Fortress of Culture",
        tagline="Three fortresses, one hotspot.",
        places=[PlaceFactory(country="HR"), PlaceFactory(country="BE")],
    )
    [entry] = entries(client)
    assert entry.link == "http://testserver" + practice.get_absolute_url()
    assert entry.summary == "Three fortresses, one hotspot."
    assert entry.published_parsed[:6] == practice.published_at.utctimetuple()[:6]
    assert sorted(tag.term for tag in entry.tags) == ["Belgium", "Croatia"]


def test_the_feed_points_readers_to_the_library(client, db):
    feed = feedparser.parse(client.get(reverse("library:feed")).content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.link == "http://testserver" + reverse("library:search")
    assert feed.feed.title == "citypeers: new good practices"
    assert feed.entries == []


def test_text_in_an_entry_is_text_not_markup(client):
    PublishedPracticeFactory(title="<b>Bold</b> & co", tagline="<script>x()</script>")
    response = client.get(reverse("library:feed"))
    assert b"<script>" not in response.content and b"<b>" not in response.content
    [entry] = feedparser.parse(response.content).entries
    assert entry.title == "<b>Bold</b> & co"


@pytest.mark.parametrize("page", ["/en/library/", "/en/"])
def test_the_library_and_home_link_the_feed_for_feed_readers(client, page):
    html = client.get(page).content.decode()
    feed = r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">'
    assert "/en/library/feed/" in re.findall(feed, html)


def test_other_pages_link_no_practice_feed(client):
    assert "/library/feed/" not in client.get("/en/methodology/").content.decode()
