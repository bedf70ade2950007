"""The Atom feed of new practices (`library.feeds`)."""

import feedparser
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_feed_is_valid_atom_with_newest_practices(client, two_practices):
    response = client.get(reverse("library:feed"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Fortress of Culture", "Archive and grassroots lab"}
