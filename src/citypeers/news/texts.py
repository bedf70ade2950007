"""What the article page tells machines: Open Graph for link previews and schema.org's
NewsArticle as JSON-LD, both from the text the reader is shown."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from citypeers.news.selectors import (
    Shown,
    news_about_practice,
    news_about_programme,
    news_about_visit,
    shown_in,
)

# As django.utils.html.json_script escapes: "<", ">" and "&" as JSON escapes.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
LINKED_NEWS = 5  # on a visit's or a practice's page, the latest few
PUBLISHER = {"@type": "Organization", "name": "citypeers"}


def _about(item, absolute) -> tuple[list[dict], list[dict]]:
    about = []
    if item.programme_id:
        about.append(
            {
                "@type": "Thing",
                "name": item.programme.name,
                "url": absolute(item.programme.get_absolute_url()),
            }
        )
    mentions = [
        {"@type": "Event", "name": visit.title, "url": absolute(visit_address(visit))}
        for visit in item.visits.all()
    ]
    mentions += [
        {
            "@type": "CreativeWork",
            "name": practice.title,
            "url": absolute(practice.get_absolute_url()),
        }
        for practice in item.practices.all()
    ]
    mentions += [
        {"@type": "Report", "name": report.title, "url": absolute(report_address(report))}
        for report in item.reports.all()
    ]
    about += [{"@type": "Thing", "name": theme.name} for theme in item.themes.all()]
    return about, mentions


def visit_address(visit) -> str:
    return reverse("visits:visit", args=[visit.programme.slug, visit.slug])


def report_address(report) -> str:
    return reverse("reports:report", args=[report.visit.programme.slug, report.visit.slug])


def article_metadata(shown: Shown, *, absolute) -> dict:
    """`absolute` turns a path into a full address (the request's `build_absolute_uri`)."""
    item, text = shown.item, shown.text
    url = absolute(reverse("news:detail", args=[item.slug]))
    image = absolute(item.image.url) if item.image else ""
    og = [
        ("og:type", "article"),
        ("og:title", text.title),
        ("og:description", text.summary),
        ("og:url", url),
        ("og:locale", to_locale(text.language)),
        ("og:site_name", "citypeers"),
    ]
    if image:
        og += [("og:image", image), ("og:image:alt", text.image_alt)]
    if item.publish_at:
        og.append(("article:published_time", item.publish_at.isoformat()))
    og.append(("article:modified_time", item.updated_at.isoformat()))
    about, mentions = _about(item, absolute)
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text.title[:110],
        "description": text.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": text.language,
        "dateModified": item.updated_at.isoformat(),
        "publisher": PUBLISHER,
    }
    if item.publish_at:
        article["datePublished"] = item.publish_at.isoformat()
    if image:
        article["image"] = [image]
    if about:
        article["about"] = about
    if mentions:
        article["mentions"] = mentions
    return {"og": og, "json_ld": article}


def json_ld_script(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` data block, escaped as `json_script` escapes
    (no "</script>" or "<!--" can close it early); a data block runs nothing, so the CSP
    allows it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    inert = mark_safe(text)  # noqa: S308 - "<", ">" and "&" escaped just above
    return format_html('<script type="application/ld+json">{}</script>', inert)


def _news_links(items) -> list[tuple[str, str]]:
    language = get_language()
    return [
        (
            _("News: %(title)s") % {"title": shown.text.title},
            reverse("news:detail", args=[shown.item.slug]),
        )
        for shown in shown_in(items[:LINKED_NEWS], language)
    ]


def visit_news_links(visit, user) -> list[tuple[str, str]]:
    """The published news about the visit, on its page and workspace."""
    return _news_links(news_about_visit(visit))


def practice_news_links(practice) -> list[tuple[str, str]]:
    """The published news about the practice, on its page."""
    return _news_links(news_about_practice(practice))


def programme_news_links(programme) -> list[tuple[str, str]]:
    """The programme's latest published news, on its page."""
    return _news_links(news_about_programme(programme))


def programme_news_tools(programme, user) -> list[tuple[str, str]]:
    """On a programme's page, for those who may write its news: the news editor."""
    if not user.has_perm("news.write_news", programme):
        return []
    return [(_("Write news"), reverse("news:manage"))]
