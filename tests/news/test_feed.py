import feedparser
import pytest
from django.urls import reverse

from tests.factories import ProgrammeFactory, ThemeFactory
from tests.news.conftest import translate, write

pytestmark = pytest.mark.django_db


def test_the_feed_parses_and_holds_published_news_only(client):
    item = write(title="Call open", summary="Apply by June.")
    write(title="Not yet", published=False)
    parsed = feedparser.parse(client.get(reverse("news:feed")).content)
    assert not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["Call open"]
    assert parsed.entries[0].summary == "Apply by June."
    assert parsed.entries[0].link.endswith(reverse("news:detail", args=[item.slug]))


def test_the_feed_is_in_the_readers_language_where_it_can_be(client):
    translate(write())
    parsed = feedparser.parse(client.get("/fr/news/feed/").content)
    assert parsed.entries[0].title == "Bilan de Tampere"


def test_a_programmes_and_a_themes_feed_hold_only_theirs(client, programme):
    theme = ThemeFactory()
    write(title="Ours", programme=programme)
    write(title="Themed", themes=[theme], programme=ProgrammeFactory())
    feed = reverse("news:feed")
    ours = feedparser.parse(client.get(f"{feed}?programme={programme.slug}").content)
    assert [entry.title for entry in ours.entries] == ["Ours"]
    assert programme.name in ours.feed.title
    themed = feedparser.parse(client.get(f"{feed}?theme={theme.slug}").content)
    assert [entry.title for entry in themed.entries] == ["Themed"]
    unknown = feedparser.parse(client.get(f"{feed}?programme=%00%FF&theme=x").content)
    assert len(unknown.entries) == 2
