"""Public pages kept as an anonymous reader sees them, per address and language.

A public page (home, library, a practice…) is the same for every reader without a session in
one language. The first such reader makes it; the next ones get the copy until a public
collection changes or the copy is PAGE_CACHE_SECONDS old. The collections' marks
(`core.changes`, in the shared cache, renewed when a write commits) are part of the key, so a
write shows at once on every app server; the age bounds what time alone changes ("closes in 3
days").

Only readers with no session and no message waiting get copies, and a page is kept only when it
came out 200 as HTML without touching the session, adding a message or setting a cookie. A CSRF
token in a kept page (a form that posts) is replaced by the reader's own when the copy is served.

Copies live in the "pages" cache: each process's memory by default (the marks still come from
the shared cache, so the servers agree on what is current); PAGE_CACHE_URL may point it at Redis
so that the servers share the copies too.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

from citypeers.core.changes import COLLECTIONS, version

CACHE_ALIAS = "pages"
_TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')
_TOKEN_SLOT = b'name="csrfmiddlewaretoken" value="\x00token\x00"'
# htmx asks for parts of pages: its requests are kept apart from whole pages.
_HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Boosted", "HX-History-Restore-Request")
_NOT_KEPT_HEADERS = {"content-length", "vary"}


def public_page(view):
    """Serves `view` to anonymous readers from the page cache (see the module's note)."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not settings.PAGE_CACHE_SECONDS or not _anonymous_reader(request):
            return view(request, *args, **kwargs)
        pages = caches[CACHE_ALIAS]
        key = _key(request)
        if (kept := pages.get(key)) is not None:
            return _served(request, *kept)
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()
        if _keepable(request, response):
            content = _TOKEN_FIELD.sub(_TOKEN_SLOT, response.content)
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in _NOT_KEPT_HEADERS
            ]
            etag = f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'
            pages.set(key, (content, headers, etag), settings.PAGE_CACHE_SECONDS)
            _mark_public(response, etag, personal=_TOKEN_SLOT in content)
        return response

    return cached_view


def _anonymous_reader(request: HttpRequest) -> bool:
    """A GET from a reader with no session and no message waiting (both are cookies, so this
    reads no session)."""
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _key(request: HttpRequest) -> str:
    htmx = "|".join(request.headers.get(name, "") for name in _HTMX_HEADERS)
    parts = [
        version(*COLLECTIONS).tag,
        get_language(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        htmx,
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    """Made the same for any anonymous reader: nothing of this request went into it."""
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not (messages is not None and len(messages))
        and not (session is not None and session.modified)
    )


def _served(request: HttpRequest, content: bytes, headers: list, etag: str) -> HttpResponse:
    personal = _TOKEN_SLOT in content
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        if personal:
            field = b'name="csrfmiddlewaretoken" value="%s"' % get_token(request).encode()
            content = content.replace(_TOKEN_SLOT, field)
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
    _mark_public(response, etag, personal=personal)
    return response


def _mark_public(response: HttpResponse, etag: str, *, personal: bool) -> None:
    """Browsers ask again each time (the answer is a 304 while the page is the same); a page
    holding the reader's CSRF token is theirs alone, no shared proxy keeps it."""
    response["ETag"] = etag
    if personal:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", *_HTMX_HEADERS))
