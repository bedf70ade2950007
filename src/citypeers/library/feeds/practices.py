from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import practices_published
from citypeers.core.context_processors import FeedLink


class NewPracticesFeed(Feed):
    """Atom feed of the most recently published good practices."""

    feed_type = Atom1Feed
    title = _("citypeers: new good practices")
    subtitle = _("Good practices newly published in the citypeers library.")

    def link(self) -> str:
        return reverse("library:search")

    def items(self):
        return (
            practices_published().order_by("-published_at", "-pk").prefetch_related("places")[:30]
        )

    def item_title(self, item: Practice) -> str:
        return item.title

    def item_description(self, item: Practice) -> str:
        return item.tagline

    def item_pubdate(self, item: Practice):
        return item.published_at

    def item_updateddate(self, item: Practice):
        return item.updated_at

    def item_categories(self, item: Practice):
        return [place.country.name for place in item.places.all()]


def practice_feed_links(request: HttpRequest) -> list[FeedLink]:
    """The library and the home page offer the new practices' feed."""
    if request.resolver_match.view_name not in {"library:search", "core:home"}:
        return []
    return [FeedLink(str(NewPracticesFeed.title), reverse("library:feed"))]
