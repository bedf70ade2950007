"""The feeds each page offers (`<link rel="alternate">` in `base.html`), read from the view
being shown; registered with `core.context_processors.feed_link_sources`."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext

from citypeers.core.context_processors import FeedLink
from citypeers.library.feeds.calls import OpenCallsFeed
from citypeers.library.feeds.reports import ReportsFeed
from citypeers.programmes.models import Programme, Theme

REPORT_PAGES = {"reports:report", "library:search"}
CALL_PAGES = {"calls:list", "calls:detail"}
PROGRAMME_PAGES = {"programmes:detail": "slug", "visits:visit": "programme"}


def _programme_link(slug: str) -> list[FeedLink]:
    programme = Programme.objects.filter(slug=slug).only("name").first()
    if programme is None:
        return []
    title = gettext("citypeers: %(programme)s") % {"programme": programme.name}
    return [FeedLink(title, reverse("library:programme_feed", kwargs={"slug": slug}))]


def _theme_link(slug: str) -> list[FeedLink]:
    theme = Theme.objects.filter(slug=slug).only("name").first()
    if theme is None:
        return []
    title = gettext("citypeers: theme %(theme)s") % {"theme": theme.name}
    return [FeedLink(title, reverse("library:theme_feed", kwargs={"slug": slug}))]


def feed_links(request: HttpRequest) -> list[FeedLink]:
    match = request.resolver_match
    links = []
    if match.view_name in REPORT_PAGES:
        links.append(FeedLink(str(ReportsFeed.title), reverse("library:reports_feed")))
    if match.view_name in CALL_PAGES:
        links.append(FeedLink(str(OpenCallsFeed.title), reverse("library:calls_feed")))
    if match.view_name in PROGRAMME_PAGES:
        links += _programme_link(match.kwargs.get(PROGRAMME_PAGES[match.view_name], ""))
    if match.view_name == "library:search" and (theme := request.GET.get("theme")):
        links += _theme_link(theme[:200])
    return links
