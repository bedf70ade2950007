"""`/sitemap.xml` and `/robots.txt`: search engines find every public page, in every language,
and nothing private."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from citypeers.news.models import NewsItem, NewsText
from tests.factories import PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _xml(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 - the server's own sitemap, read by its test


def _locations(client, path: str) -> list[str]:
    return [loc.text for loc in _xml(client, path).iterfind(".//s:loc", NS)]


def test_the_index_lists_a_sitemap_per_kind_of_page(client):
    sections = _locations(client, "/sitemap.xml")
    assert "http://testserver/sitemap-practices.xml" in sections
    assert "http://testserver/sitemap-reports.xml" in sections


def test_published_practices_are_listed_in_every_language_and_drafts_are_not(client):
    published = PublishedPracticeFactory(slug="shared-heritage")
    PracticeFactory(slug="still-a-draft")
    locations = _locations(client, "/sitemap-practices.xml")
    assert f"http://testserver/en{published.get_absolute_url()[3:]}" in locations
    assert f"http://testserver/fr{published.get_absolute_url()[3:]}" in locations
    assert not any("still-a-draft" in location for location in locations)


def test_each_address_names_its_other_languages(client):
    PublishedPracticeFactory(slug="shared-heritage")
    first = _xml(client, "/sitemap-practices.xml").find("s:url", NS)
    languages = {link.get("hreflang") for link in first.iterfind("x:link", NS)}
    assert {"en", "fr", "x-default"} <= languages


def test_the_public_pages_are_listed(client):
    locations = _locations(client, "/sitemap-pages.xml")
    assert "http://testserver/en/library/" in locations
    assert "http://testserver/fr/methodology/" in locations


def test_robots_txt_keeps_crawlers_out_of_personal_pages_and_names_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /*/me/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_published_news_is_listed_and_scheduled_news_is_not(client):
    now = timezone.now()
    for slug, publish_at in [("out-now", now), ("next-week", now + datetime.timedelta(days=7))]:
        item = NewsItem.objects.create(slug=slug, publish_at=publish_at)
        NewsText.objects.create(item=item, language="en", title=slug, summary="s", body="b")
    locations = _locations(client, "/sitemap-news.xml")
    assert "http://testserver/en/news/out-now/" in locations
    assert not any("next-week" in location for location in locations)
    # Written in English only: its French address would only show the English text.
    assert "http://testserver/fr/news/out-now/" not in locations
