"""What every read of the API goes through, before ninja parses anything: the token (401 for a
bad one), the rate limit (429 with Retry-After), and the conditional request (an ETag and
Last-Modified from `core.changes`, so a 304 costs no database query for the public).

A signed-in browser session gives nothing: only `Authorization: Bearer <token>` widens what a
reader sees, so the API needs no CSRF protection and cookies are never read.
"""

import datetime
import hashlib
import json
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _

from citypeers.api.selectors.scope import PUBLIC, Scope
from citypeers.api.selectors.tokens import token_for_secret
from citypeers.api.services import api_token_touch
from citypeers.core.changes import version
from citypeers.core.ratelimit import client_address, hit

# How long an answer stays in the cache (seconds); a change makes a new key at once.
ANSWER_KEPT = 600


def json_error(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"detail": detail}), status=status, content_type="application/json"
    )


def unauthorized() -> HttpResponse:
    response = json_error(401, _("This token is unknown, revoked or expired."))
    response["WWW-Authenticate"] = 'Bearer realm="citypeers", error="invalid_token"'
    return response


def _rate_limited(request: HttpRequest, token) -> HttpResponse | None:
    if token is not None:
        limit, window = settings.API_RATE_LIMIT_TOKEN
        key = f"api:token:{token.pk}"
    else:
        limit, window = settings.API_RATE_LIMIT_ANONYMOUS
        key = f"api:address:{client_address(request)}"
    wait = hit(key, limit=limit, window=window)
    if wait is None:
        return None
    response = json_error(
        429, _("Too many requests. Please try again in %(seconds)s seconds.") % {"seconds": wait}
    )
    response["Retry-After"] = str(wait)
    return response


def _reader(request: HttpRequest):
    """(token, None) for a good token or none; (None, 401 response) for a bad one."""
    header = request.headers.get("Authorization")
    if header is None:
        return None, None
    scheme, _space, secret = header.partition(" ")
    token = token_for_secret(secret.strip()) if scheme.lower() == "bearer" else None
    return (token, None) if token else (None, unauthorized())


def _not_modified(request: HttpRequest, etag: str, modified) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:  # wins over If-Modified-Since (RFC 9110, 13.2.2)
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag.removeprefix("W/") in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(modified.timestamp()) <= since


def _finish(response: HttpResponse, token) -> HttpResponse:
    patch_vary_headers(response, ("Authorization", "Origin", "Accept-Language"))
    return response


def _answer(request: HttpRequest, run: Callable, args, kwargs, *, scope: Scope, etag: str):
    """The operation's answer, kept in the shared cache under its ETag (which changes with the
    data read, the address and the reader's scope), so a page read again costs one cache read."""
    key = f"api:answer:{etag}"
    if (body := cache.get(key)) is not None:
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    request.api_scope = scope
    response = run(request, *args, **kwargs)
    if response.status_code == 200:
        cache.set(key, response.content, ANSWER_KEPT)
    return response


def _validators(request: HttpRequest, collections, scope: Scope, clock: bool):
    """The answer's ETag and Last-Modified: the collections' version, the full address (with
    its host, which links carry) and the scope; with `clock`, the current minute too, for
    answers that time changes without a write (a call opening, news going out)."""
    current = version(*collections)
    modified = current.modified
    tag = current.tag[:20]
    if clock:
        minute = int(time.time()) // 60 * 60
        modified = max(modified, datetime.datetime.fromtimestamp(minute, tz=datetime.UTC))
        tag += f".{minute}"
    # Texts come in the reader's language: answers in two languages are two answers.
    where = f"{request.build_absolute_uri()}|{scope.key}|{translation.get_language()}"
    return f'W/"{tag}-{hashlib.sha256(where.encode()).hexdigest()[:20]}"', modified


def read(*collections: str, clock: bool = False) -> Callable:
    """Wraps an operation's run: token, then a 304, or the rate limit and the answer, with its
    validators; `collections` are those the operation reads (`core.changes.COLLECTIONS`)."""

    def decorator(run: Callable) -> Callable:
        @wraps(run)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            token, refusal = _reader(request)
            if refusal is not None:  # counted against the address: no free guessing
                return _finish(_rate_limited(request, None) or refusal, token)
            scope = Scope(token.programme_id) if token else PUBLIC
            etag, modified = _validators(request, collections, scope, clock)
            # A 304 is answered before the rate limit is counted: it costs one read of the
            # shared cache, less than counting it would.
            if _not_modified(request, etag, modified):
                response = HttpResponseNotModified()
            elif limited := _rate_limited(request, token):
                return _finish(limited, token)
            else:
                response = _answer(request, run, args, kwargs, scope=scope, etag=etag)
            if token is not None:
                api_token_touch(token=token)
            if response.status_code in (200, 304):
                response["ETag"] = etag
                response["Last-Modified"] = http_date(modified.timestamp())
                response["Cache-Control"] = (
                    "private, max-age=0, must-revalidate" if token else "public, max-age=60"
                )
            return _finish(response, token)

        return wrapped

    return decorator


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    response = json_error(404, _("Not found."))
    patch_vary_headers(response, ("Authorization", "Origin"))
    return response
