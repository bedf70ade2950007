import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.news.services import news_item_schedule
from tests.factories import MembershipFactory, PublishedPracticeFactory, ThemeFactory
from tests.news.conftest import png, translate, write

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def _og(html: str) -> dict:
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))


def test_the_article_page_shows_the_text_and_its_metadata(client, visit):
    item = write(
        programme=visit.programme, visits=[visit], image=png(), image_alt="The quay at dusk"
    )
    html = client.get(reverse("news:detail", args=[item.slug])).content.decode()
    assert "<h1>Tampere recap</h1>" in html
    assert "<strong>met</strong>" in html
    assert 'alt="The quay at dusk"' in html
    og = _og(html)
    assert og["og:type"] == "article" and og["og:title"] == "Tampere recap"
    assert og["og:image"].startswith("http://testserver/media/news/")
    assert og["og:image:alt"] == "The quay at dusk"
    assert og["og:locale"] == "en"
    assert og["article:published_time"] == item.publish_at.isoformat()
    article = _json_ld(html)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Tampere recap"
    assert article["inLanguage"] == "en"
    assert article["datePublished"] == item.publish_at.isoformat()
    assert article["image"] == [og["og:image"]]
    assert article["mentions"][0]["name"] == visit.title
    assert article["about"][0]["name"] == visit.programme.name


def test_a_fallback_is_said_to_be_one_and_marked_with_its_language(client):
    item = write()
    html = client.get(f"/fr/news/{item.slug}/").content.decode()
    assert "pas encore disponible en français" in html.lower()
    assert '<div lang="en">' in html
    assert _json_ld(html)["inLanguage"] == "en"


def test_the_other_languages_are_linked(client):
    item = write()
    translate(item)
    html = client.get(f"/en/news/{item.slug}/").content.decode()
    assert f'href="/fr/news/{item.slug}/" hreflang="fr"' in html
    assert "not yet available" not in html
    assert "<h1>Bilan de Tampere</h1>" in client.get(f"/fr/news/{item.slug}/").content.decode()


def test_hostile_markdown_and_titles_cannot_run_script(client):
    item = write(
        title="</script><script>alert(1)</script>",
        body="Hi <script>alert(2)</script> <img src=x onerror=alert(3)> [x](javascript:alert(4))",
    )
    html = client.get(reverse("news:detail", args=[item.slug])).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html and "javascript:" not in html
    assert _json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_drafts_and_scheduled_items_are_404_to_the_public_and_marked_for_editors(
    client, programme, coordinator
):
    draft = write(programme=programme, published=False, title="Draft one")
    later = write(programme=programme, published=False, title="Later one")
    news_item_schedule(item=later, by=None, at=timezone.now() + datetime.timedelta(days=2))
    for item in (draft, later):
        assert client.get(reverse("news:detail", args=[item.slug])).status_code == 404
    client.force_login(MembershipFactory(role="coordinator").user)
    assert client.get(reverse("news:detail", args=[draft.slug])).status_code == 404
    client.force_login(coordinator)
    assert "Draft" in client.get(reverse("news:detail", args=[draft.slug])).content.decode()
    assert "Scheduled for" in client.get(reverse("news:detail", args=[later.slug])).content.decode()


def test_the_list_shows_published_news_filters_and_says_when_empty(client, programme):
    assert "No news yet." in client.get(reverse("news:list")).content.decode()
    theme = ThemeFactory()
    write(title="With theme", themes=[theme])
    write(title="Elsewhere", programme=programme)
    write(title="Not yet", published=False)
    html = client.get(reverse("news:list")).content.decode()
    assert "With theme" in html and "Elsewhere" in html and "Not yet" not in html
    html = client.get(reverse("news:list") + f"?theme={theme.slug}").content.decode()
    assert "With theme" in html and "Elsewhere" not in html
    html = client.get(reverse("news:list") + "?programme=nope&page=x").content.decode()
    assert "With theme" in html  # an unknown filter is an error at the field, not a 500
    response = client.get(reverse("news:list") + "?programme=%00&theme=%FF%00")
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_the_list_is_paginated_by_twenty(client):
    for number in range(21):
        write(title=f"Item {number}")
    first = client.get(reverse("news:list")).content.decode()
    assert first.count('class="card news-card"') == 20
    second = client.get(reverse("news:list") + "?page=2").content.decode()
    assert second.count('class="card news-card"') == 1


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_takes_few_queries(client, django_assert_max_num_queries, count):
    theme = ThemeFactory()
    for number in range(count):
        translate(write(title=f"Item {number}", themes=[theme]))
    with django_assert_max_num_queries(8):
        client.get(reverse("news:list"))


def test_the_home_page_shows_the_latest_three(client):
    for number in range(4):
        write(title=f"Item {number}")
    html = client.get(reverse("core:home")).content.decode()
    assert "Latest news" in html
    assert html.count('class="card news-card"') == 3


def test_visit_and_practice_pages_link_their_news(client, visit):
    practice = PublishedPracticeFactory(programme=visit.programme)
    item = write(visits=[visit], practices=[practice])
    write(title="Draft", visits=[visit], published=False)
    address = reverse("news:detail", args=[item.slug])
    visit_page = client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug]))
    assert address in visit_page.content.decode()
    assert "News: Draft" not in visit_page.content.decode()
    assert address in client.get(practice.get_absolute_url()).content.decode()


def test_the_news_pages_and_programme_pages_name_their_feeds(client, programme):
    item = write(programme=programme)
    feed = reverse("news:feed")
    html = client.get(reverse("news:list")).content.decode()
    assert f'type="application/atom+xml" title="citypeers news" href="{feed}"' in html
    html = client.get(reverse("news:detail", args=[item.slug])).content.decode()
    assert f'href="{feed}?programme={programme.slug}"' in html
    html = client.get(programme.get_absolute_url()).content.decode()
    assert f'href="{feed}?programme={programme.slug}"' in html


def test_the_programme_page_lists_its_news(client, programme):
    item = write(programme=programme, title="Call open")
    write(programme=programme, title="Not yet", published=False)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert reverse("news:detail", args=[item.slug]) in html
    assert "News: Call open" in html and "Not yet" not in html
