"""What every read of the API goes through, before ninja parses anything: the token (401 for a
bad one), the rate limit (429 with Retry-After), and the conditional request (an ETag and
Last-Modified from `core.changes`, so a 304 costs no database query for the public).

A signed-in browser session gives nothing: only `Authorization: Bearer <token>` widens what a
reader sees, so the API needs no CSRF protection and cookies are never read.
"""

import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _

from citypeers.api.selectors.scope import PUBLIC, Scope
from citypeers.api.selectors.tokens import token_for_secret
from citypeers.api.services import api_token_touch
from citypeers.core.changes import version
from citypeers.core.ratelimit import client_address, hit


def json_error(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"detail": detail}), status=status, content_type="application/json"
    )


def unauthorized() -> HttpResponse:
    response = json_error(401, _("This token is unknown, revoked or expired."))
    response["WWW-Authenticate"] = 'Bearer realm="citypeers", error="invalid_token"'
    return response


def _limit(setting: str) -> tuple[int, int]:
    """A setting such as "120/minute": (hits, seconds)."""
    count, _slash, per = getattr(settings, setting).partition("/")
    return int(count), {"second": 1, "minute": 60, "hour": 3600}[per]


def _rate_limited(request: HttpRequest, token) -> HttpResponse | None:
    if token is not None:
        limit, window = _limit("API_RATE_LIMIT_TOKEN")
        key = f"api:token:{token.pk}"
    else:
        limit, window = _limit("API_RATE_LIMIT_ANONYMOUS")
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
    patch_vary_headers(response, ("Authorization", "Origin"))
    return response


def read(*collections: str) -> Callable:
    """Wraps an operation's run: token, rate limit, then a 304 or the answer with its validators;
    `collections` are those the operation reads (`core.changes.COLLECTIONS`)."""

    def decorator(run: Callable) -> Callable:
        @wraps(run)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            token, refusal = _reader(request)
            if refusal is not None:
                return _finish(refusal, token)
            if limited := _rate_limited(request, token):
                return _finish(limited, token)
            request.api_scope = Scope(token.programme_id) if token else PUBLIC
            current = version(*collections)
            where = f"{request.get_full_path()}|{request.api_scope.key}"
            etag = f'W/"{current.tag[:20]}-{hashlib.sha256(where.encode()).hexdigest()[:20]}"'
            cache_control = "private, max-age=0, must-revalidate" if token else "public, max-age=60"
            if token is not None:
                api_token_touch(token=token)
            if _not_modified(request, etag, current.modified):
                response = HttpResponseNotModified()
            else:
                response = run(request, *args, **kwargs)
            if response.status_code in (200, 304):
                response["ETag"] = etag
                response["Last-Modified"] = http_date(current.modified.timestamp())
                response["Cache-Control"] = cache_control
            return _finish(response, token)

        return wrapped

    return decorator


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    response = json_error(404, _("Not found."))
    patch_vary_headers(response, ("Authorization", "Origin"))
    return response
