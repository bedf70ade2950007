"""The news as Atom: all of it, or one programme's (`?programme=`), or one theme's
(`?theme=`); pages name the feed that fits them (`news_feed_links`)."""

from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from citypeers.core.context_processors import FeedLink
from citypeers.news.enums import FEED_SIZE, SLUG
from citypeers.news.models import NewsItem
from citypeers.news.selectors import news_list, text_for
from citypeers.programmes.models import Programme, Theme


def _by_slug(model, value: str | None):
    """The row with this slug, or None for a value that cannot be one (no query)."""
    if not value or not SLUG.fullmatch(value):
        return None
    return model.objects.filter(slug=value).first()


def feed_address(*, programme: Programme | None = None, theme: Theme | None = None) -> str:
    query = {"programme": programme.slug} if programme else {}
    query |= {"theme": theme.slug} if theme else {}
    return reverse("news:feed") + (f"?{urlencode(query)}" if query else "")


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> dict:
        """The programme and theme asked for (an unknown one is ignored: the whole feed)."""
        return {
            "programme": _by_slug(Programme, request.GET.get("programme")),
            "theme": _by_slug(Theme, request.GET.get("theme")),
        }

    def title(self, obj: dict) -> str:
        if obj["programme"]:
            return _("citypeers news: %(programme)s") % {"programme": obj["programme"].name}
        if obj["theme"]:
            return _("citypeers news: %(theme)s") % {"theme": obj["theme"].name}
        return _("citypeers news")

    def subtitle(self, obj: dict) -> str:
        return _("News of the citypeers network and its programmes.")

    def link(self, obj: dict) -> str:
        return reverse("news:list")

    def items(self, obj: dict):
        language = get_language()
        items = news_list(programme=obj["programme"], theme=obj["theme"])[:FEED_SIZE]
        return [shown for item in items if (shown := text_for(item, language))]

    def item_title(self, shown) -> str:
        return shown.text.title

    def item_description(self, shown) -> str:
        return shown.text.summary

    def item_link(self, shown) -> str:
        return reverse("news:detail", args=[shown.item.slug])

    def item_guid(self, shown) -> str:
        return f"citypeers-news-{shown.item.pk}"

    def item_guid_is_permalink(self, shown) -> bool:
        return False

    def item_pubdate(self, shown):
        return shown.item.publish_at

    def item_updateddate(self, shown):
        return shown.item.updated_at

    def item_categories(self, shown):
        return [theme.name for theme in shown.item.themes.all()]


def _named(request: HttpRequest, view: str):
    kwargs = request.resolver_match.kwargs
    if view == "programmes:detail":
        return _by_slug(Programme, kwargs.get("slug")), None
    if view == "news:detail":
        item = _by_slug(NewsItem, kwargs.get("slug"))
        return (item.programme if item else None), None
    return _by_slug(Programme, request.GET.get("programme")), _by_slug(
        Theme, request.GET.get("theme")
    )


def news_feed_links(request: HttpRequest) -> list[FeedLink]:
    """The news list, the article page and the home page link the news feed; a filtered list,
    an article of a programme and a programme's page link that programme's (or theme's)."""
    view = request.resolver_match.view_name
    if view not in {"news:list", "news:detail", "programmes:detail", "core:home"}:
        return []
    links = [] if view == "programmes:detail" else [FeedLink(_("citypeers news"), feed_address())]
    if view == "core:home":
        return links
    programme, theme = _named(request, view)
    if programme is not None:
        title = _("citypeers news: %(programme)s") % {"programme": programme.name}
        links.append(FeedLink(title, feed_address(programme=programme)))
    if theme is not None:
        title = _("citypeers news: %(theme)s") % {"theme": theme.name}
        links.append(FeedLink(title, feed_address(theme=theme)))
    return links
