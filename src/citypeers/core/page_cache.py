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

A signed-in reader has a header of their own (their name, their pages, a sign-out form with
its token) above the same content. Views whose content is the same for them too say so
(`for_signed_in=True`): such a reader gets the kept copy with the header made for them, without
the view, unless a message waits for them. Views that show a reader's own links (a practice's
"Edit" for its authors) are made for each signed-in reader as before.

Copies live in the "pages" cache: each process's memory by default (the marks still come from
the shared cache, so the servers agree on what is current); PAGE_CACHE_URL may point it at Redis
so that the servers share the copies too.
"""

import functools
import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_path

from citypeers.core.changes import any_version

CACHE_ALIAS = "pages"
_CSRF_FIELD = b'name="csrfmiddlewaretoken"'
# htmx asks for parts of pages: its requests are kept apart from whole pages.
_HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Boosted", "HX-History-Restore-Request")
# The header (_site_header.html) is the part of a page made for each signed-in reader.
_HEADER_OPENING = b'<header class="site-header">'
_HEADER_CLOSING = b"</header>"
_NOT_KEPT_HEADERS = {"content-length", "set-cookie"}
_PUBLIC = "citypeers_public_page"
# A longer query is no link anyone shares: such pages are made, never kept, so that made-up
# addresses cannot fill the cache.
_LONGEST_KEPT_QUERY = 200
# Bumped when what is kept changes shape, so a server never reads another release's copies.
_FORMAT = "2"

logger = logging.getLogger(__name__)


def public_page(view=None, *, query: tuple[str, ...] = (), for_signed_in: bool = False):
    """Lets `PublicPageMiddleware` keep what `view` answers anonymous readers at its address
    with no query string, or one naming only the parameters in `query` (the ones it reads).
    `for_signed_in`: below the header, the view shows a signed-in reader the same page."""

    def decorate(view):
        @wraps(view)
        def public_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if (
                for_signed_in
                and settings.PAGE_CACHE_SECONDS
                and request.method in {"GET", "HEAD"}
                and request.user.is_authenticated
                and _known_query(request, query)
                and (page := _kept_with_own_header(request)) is not None
            ):
                return page
            eligible = (
                bool(settings.PAGE_CACHE_SECONDS)
                and _anonymous_reader(request)
                and _known_query(request, query)
            )
            if eligible:
                # Read before the page is made: a write committed meanwhile makes it stale.
                request.citypeers_page_marks = _marks_or_none()
            response = view(request, *args, **kwargs)
            if eligible and not _personal(request):
                setattr(response, _PUBLIC, True)
            return response

        return public_view

    return decorate(view) if view is not None else decorate


def _kept_with_own_header(request: HttpRequest) -> HttpResponse | None:
    """The copy kept for anonymous readers, its header made for this reader; None when there
    is no current copy or a message waits for them (shown on a page made for them)."""
    waiting = get_messages(request)
    if len(waiting):
        return None
    if (kept := _kept(_key(request))) is None:
        return None
    content, headers, _etag = kept
    before, opening, rest = content.partition(_HEADER_OPENING)
    _anonymous_header, closing, after = rest.partition(_HEADER_CLOSING)
    if not (opening and closing):
        return None
    own_header = render_to_string("_site_header.html", request=request).encode()
    content_type = next(value for name, value in headers if name.lower() == "content-type")
    # Its Cache-Control is a signed-in page's (SignedInPagesNotStoredMiddleware: no-store).
    return HttpResponse(before + own_header.strip() + after, content_type=content_type)


def _known_query(request: HttpRequest, names: tuple[str, ...]) -> bool:
    return len(request.META.get("QUERY_STRING", "")) <= _LONGEST_KEPT_QUERY and all(
        name in names for name in request.GET
    )


class PublicPageMiddleware:
    """Serves kept copies of `@public_page` views to anonymous readers, and keeps them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not settings.PAGE_CACHE_SECONDS
            or not _anonymous_reader(request)
            # Kept pages have a language in their address: /healthz, the API… never look.
            or get_language_from_path(request.path_info) is None
        ):
            return self.get_response(request)
        key = _key(request)
        # Only an address kept before costs a read of the marks here.
        if (kept := _kept(key)) is not None:
            return _served(request, *kept)
        response = self.get_response(request)
        if not getattr(response, _PUBLIC, False):
            return response
        # Decided here, with every cookie the stack set known: a page that set one, or holds
        # a token, is its reader's alone.
        patch_vary_headers(response, ("Cookie", *_HTMX_HEADERS))
        marks = getattr(request, "citypeers_page_marks", None)
        if not (marks and _keepable(response)):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        patch_cache_control(response, public=True, no_cache=True)
        response["ETag"] = f'W/"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _NOT_KEPT_HEADERS
        ]
        _keep(key, (marks, response.content, headers, response["ETag"]))
        return response


# The page cache and the marks make pages faster, nothing more: when either is out of reach
# (Redis down, the database cache's database gone), pages are made as if nothing was kept.
def _kept(key: str) -> tuple | None:
    try:
        kept = caches[CACHE_ALIAS].get(key)
        if kept is not None and kept[0] == _marks():
            return kept[1:]
    except Exception:  # any cache backend's own errors
        logger.warning("kept public pages out of reach", exc_info=True)
    return None


def _keep(key: str, kept: tuple) -> None:
    try:
        caches[CACHE_ALIAS].set(key, kept, settings.PAGE_CACHE_SECONDS)
    except Exception:  # any cache backend's own errors
        logger.warning("kept public pages out of reach", exc_info=True)


def _marks_or_none() -> str | None:
    try:
        return _marks()
    except Exception:  # any cache backend's own errors
        logger.warning("change marks out of reach", exc_info=True)
        return None


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


@functools.cache
def _release() -> str:
    """The release (RELEASE, set by a deploy), the static files' manifest (a kept page names
    the files by their hashed names) and the format of a copy, read once per process: each
    release keeps its own copies, in a shared page cache too."""
    manifest = getattr(staticfiles_storage, "manifest_hash", "") or ""
    return f"{settings.RELEASE}|{manifest}|{_FORMAT}"


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


def _keepable(response: HttpResponse) -> bool:
    """Made the same for any anonymous reader: nothing of this request went into it."""
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
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
    response["Content-Length"] = str(len(content))
    return response
