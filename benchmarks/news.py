"""The news pages with 500 published items (English, French for half), timed beside /healthz.

    make bench          (runs this after the impact benchmark)
    .venv/bin/python benchmarks/news.py [--views 200]

Builds a throw-away SQLite database: one programme, three themes, 500 published news items
(and 20 scheduled, 20 drafts, which the public pages must leave out), each with an English text
and, for half, a French one. Times, through Django's test client (templates included), the
news list (first page, a later page, filtered by theme), an article page (Open Graph and
JSON-LD), its French fallback, the Atom feed, the home page (latest three) and /healthz.
Prints milliseconds; writes benchmarks/results/news.json. Target: list and article p95 under
100 ms.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    command,
    prepared_site,
    summary,
    timed_get,
)

PUBLISHED, SCHEDULED, DRAFTS = 500, 20, 20


def build():
    """The programme, its themes and the items with their texts, in bulk."""
    from django.utils import timezone

    from citypeers.news.models import NewsItem, NewsText
    from citypeers.programmes.models import Programme, Theme

    programme = Programme.objects.create(
        name="Bench programme",
        slug="bench",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    themes = [Theme.objects.create(name=f"Theme {n}", slug=f"theme-{n}") for n in range(3)]
    now = timezone.now()
    total = PUBLISHED + SCHEDULED + DRAFTS
    items = NewsItem.objects.bulk_create(
        NewsItem(
            slug=f"item-{n}",
            programme=programme if n % 2 else None,
            publish_at=(
                now - datetime.timedelta(hours=n)
                if n < PUBLISHED
                else now + datetime.timedelta(days=1)
                if n < PUBLISHED + SCHEDULED
                else None
            ),
        )
        for n in range(total)
    )
    body = "A paragraph with **bold** text and a [link](https://example.org).\n\n" * 8
    texts = [
        NewsText(item=item, language="en", title=f"News {n}", summary="What happened.", body=body)
        for n, item in enumerate(items)
    ]
    texts += [
        NewsText(item=item, language="fr", title=f"Nouvelle {n}", summary="Résumé.", body=body)
        for n, item in enumerate(items)
        if n % 2 == 0
    ]
    NewsText.objects.bulk_create(texts)
    through = NewsItem.themes.through
    through.objects.bulk_create(
        through(newsitem_id=item.pk, theme_id=themes[n % 3].pk) for n, item in enumerate(items)
    )
    return programme, themes


def run_here(views: int) -> dict:
    client = prepared_site()

    _programme, themes = build()
    for _ in range(3):  # warm-up: imports, templates, connections
        timed_get(client, "/healthz")
        timed_get(client, "/en/news/")
    pages = {
        "news_list": ("/en/news/", None),
        "news_list_page_10": ("/en/news/", {"page": "10"}),
        "news_list_by_theme": ("/en/news/", {"theme": themes[1].slug}),
        "news_article": ("/en/news/item-1/", None),
        "news_article_fallback": ("/fr/news/item-1/", None),
        "news_feed": ("/en/news/feed/", None),
        "home": ("/en/", None),
    }
    results = {
        name: summary([timed_get(client, path, params)[0] for _ in range(views)])
        for name, (path, params) in pages.items()
    }
    results["healthz"] = summary([timed_get(client, "/healthz")[0] for _ in range(views)])
    return results


def main() -> int:
    results = command(
        name="news",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing the news pages",
    )
    if results is not None:
        met = all(results[name]["p95_ms"] < 100 for name in ("news_list", "news_article"))
        print(f"target: list and article p95 under 100 ms: {'met' if met else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
