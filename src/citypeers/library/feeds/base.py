"""What every library feed shares: Atom, entries as `public.Entry` rows, and conditional GET
keyed by when the collections it shows last changed (`core.changes`), so readers that poll
get 304 until something changes."""

import datetime
import hashlib

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import condition

from citypeers.core.changes import version
from citypeers.library.feeds.public import Entry

# Feed readers poll; a short public freshness spares the server the rest.
MAX_AGE = 5 * 60
KEEP = 24 * 3600  # a written feed, kept under its version


class EntriesFeed(Feed):
    """An Atom feed of `Entry` rows. `collections` are the `core.changes` collections it shows;
    `time_bound` feeds (what is open *now*) also change on the hour without any write."""

    feed_type = Atom1Feed
    collections: tuple[str, ...] = ()
    time_bound = False

    def __call__(self, request, *args, **kwargs):
        def etag(request, *args, **kwargs) -> str:
            tag = version(*self.collections).tag
            if self.time_bound:
                tag += timezone.now().strftime("-%Y%m%d%H")
            return f"{tag}-{request.LANGUAGE_CODE}"

        def rendered(request, *args, **kwargs) -> HttpResponse:
            """The feed as last written for this address and version (any change makes a new
            version, so nothing stale is served), else written now and kept."""
            key = (
                "feeds:"
                + hashlib.sha256(f"{request.get_full_path()}|{etag(request)}".encode()).hexdigest()
            )
            if (kept := cache.get(key)) is not None:
                return HttpResponse(kept[0], content_type=kept[1])
            response = super(EntriesFeed, self).__call__(request, *args, **kwargs)
            if response.status_code == 200:
                cache.set(key, (response.content, response["Content-Type"]), KEEP)
            return response

        def last_modified(request, *args, **kwargs) -> datetime.datetime | None:
            return None if self.time_bound else version(*self.collections).modified

        view = condition(etag_func=etag, last_modified_func=last_modified)(rendered)
        response = view(request, *args, **kwargs)
        if response.status_code in {200, 304}:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_link(self, item: Entry) -> str:
        return item.url

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.published

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.updated

    def item_categories(self, item: Entry) -> list[str]:
        return item.categories
