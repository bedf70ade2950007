"""What every library feed shares: Atom, entries as `public.Entry` rows, and conditional GET
keyed by when the collections it shows last changed (`core.changes`), so readers that poll
get 304 until something changes."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import condition

from citypeers.core.changes import version
from citypeers.library.feeds.public import Entry

# Feed readers poll; a short public freshness spares the server the rest.
MAX_AGE = 5 * 60


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

        def last_modified(request, *args, **kwargs) -> datetime.datetime | None:
            return None if self.time_bound else version(*self.collections).modified

        view = condition(etag_func=etag, last_modified_func=last_modified)(super().__call__)
        response = view(request, *args, **kwargs)
        if response.status_code in {200, 304}:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_link(self, item: Entry) -> str:
        return item.url

    def item_guid(self, item: Entry) -> str:
        return item.url

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.published

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.updated

    def item_categories(self, item: Entry) -> list[str]:
        return item.categories
