from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from citypeers.core.languages import offered_languages, page_in_each_language
from citypeers.core.registry import Sources


class FeedLink(NamedTuple):
    title: str
    url: str


# Apps with feeds register here, from their `ready()`, a function that names the feeds of the
# page being shown (read from `request.resolver_match`); the base template links each one with
# `<link rel="alternate">`, so feed readers find them from the page.
feed_link_sources: Sources[Callable[[HttpRequest], list[FeedLink]]] = Sources()


def _feed_links(request: HttpRequest) -> list[FeedLink]:
    if getattr(request, "resolver_match", None) is None:
        return []
    return [link for source in feed_link_sources for link in source(request)]


def navigation(request) -> dict:
    """This very page in each offered language (its code, its name in the reader's language
    and in its own, its address), for the language picker and search engines; the feeds of this
    page (worked out only if the page's template asks)."""
    own_names = dict(offered_languages())
    links = page_in_each_language(request.get_full_path(), getattr(request, "resolver_match", None))
    return {
        "language_links": [
            {"code": code, "name": name, "own_name": own_names[code], "url": links[code]}
            for code, name in settings.LANGUAGES
        ],
        "language_own_name": own_names.get(get_language(), ""),
        "feed_links": SimpleLazyObject(lambda: _feed_links(request)),
    }
