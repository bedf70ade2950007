"""Public pages kept as an anonymous reader sees them, per address.

A public page (home, library, a practice…) is the same for every reader without a session in
one language, and the language is in its address. The first such reader makes it; the next
ones get the copy until a public collection changes or the copy is PAGE_CACHE_SECONDS old. The
collections' marks (`core.changes`, in the shared cache, renewed when a write commits) are part
of the key, so a write shows at once on every app server; the age bounds what time alone
changes ("closes in 3 days").

Views opt in with `@public_page`. `PublicPageMiddleware`, near the top of the stack, keeps the
finished response (every header the other middleware added included) and serves the copy
without running them, the URL resolver or the view: a kept page costs about what a bare Django
"hello" does, plus one read of the marks.

Only readers with no session and no message waiting get copies. A page is kept only when it
came out 200 as HTML without a cookie (a message, a session or a CSRF token would each set one)
and holds no CSRF token: it holds nothing of its reader, so it says `Cache-Control: public,
no-cache` and a reverse proxy may keep it too, asking again with its weak `ETag` (304).

Copies live in the "pages" cache: each process's memory by default (the marks still come from
the shared cache, so the servers agree on what is current); PAGE_CACHE_URL may point it at Redis
so that the servers share the copies too.
"""

import functools
import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_path

from citypeers.core.changes import any_version

CACHE_ALIAS = "pages"
_CSRF_FIELD = b'name="csrfmiddlewaretoken"'
# htmx asks for parts of pages: its requests are kept apart from whole pages.
_HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Boosted", "HX-History-Restore-Request")
_NOT_KEPT_HEADERS = {"content-length", "set-cookie"}
_PUBLIC = "citypeers_public_page"


def public_page(view):
    """Lets `PublicPageMiddleware` keep what `view` answers anonymous readers."""

    @wraps(view)
    def public_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        anonymous = _anonymous_reader(request)
        if anonymous:
            # Read before the page is made: a write committed meanwhile makes it stale at once.
            request.citypeers_page_marks = _marks()
        response = view(request, *args, **kwargs)
        if anonymous and not _personal(request):
            setattr(response, _PUBLIC, True)
            patch_cache_control(response, public=True, no_cache=True)
            patch_vary_headers(response, ("Cookie", *_HTMX_HEADERS))
        return response

    return public_view


class PublicPageMiddleware:
    """Serves kept copies of `@public_page` views to anonymous readers, and keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE_SECONDS or not _anonymous_reader(request):
            return self.get_response(request)
        pages = caches[CACHE_ALIAS]
        key = _key(request)
        # Only an address kept before costs a read of the marks here.
        if (kept := pages.get(key)) is not None and _is_current(kept[0]):
            return _served(request, *kept[1:])
        response = self.get_response(request)
        marks = getattr(request, "citypeers_page_marks", None)
        if marks and _keepable(request, response):
            response["ETag"] = f'W/"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in _NOT_KEPT_HEADERS
            ]
            kept = (marks, response.content, headers, response["ETag"])
            pages.set(key, kept, settings.PAGE_CACHE_SECONDS)
        return response


def _anonymous_reader(request: HttpRequest) -> bool:
    """A GET from a reader with no session and no message waiting (both are cookies, so this
    reads no session)."""
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _personal(request: HttpRequest) -> bool:
    """The view left a message for this reader (shown on the page, it would set no cookie) or
    wrote to their session."""
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    return bool(messages is not None and len(messages)) or bool(session and session.modified)


def _marks() -> str:
    return any_version().tag


def _is_current(marks: str) -> bool:
    try:
        return marks == _marks()
    except DatabaseError:  # the marks' cache is out of reach: make the page (or say 503)
        return False


@functools.cache
def _release() -> str:
    """The static files' manifest, read once per process: a kept page names the files by their
    hashed names, so a deploy that changes them starts new copies (in a shared page cache too)."""
    return getattr(staticfiles_storage, "manifest_hash", "") or ""


def _key(request: HttpRequest) -> str:
    htmx = "|".join(request.headers.get(name, "") for name in _HTMX_HEADERS)
    parts = [
        _release(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        htmx,
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    """Made the same for any anonymous reader: nothing of this request went into it."""
    return (
        getattr(response, _PUBLIC, False)
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        # The language is the address's (an unprefixed address's would be the browser's).
        and get_language_from_path(request.path_info) is not None
        and _CSRF_FIELD not in response.content
    )


def _served(request: HttpRequest, content: bytes, headers: list, etag: str) -> HttpResponse:
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        for name, value in headers:
            if name.lower() in {"cache-control", "vary", "content-language"}:
                response[name] = value
        return response
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
