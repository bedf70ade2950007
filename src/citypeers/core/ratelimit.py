"""Rate limits for what the public can call often (the API, the newsletter's forms).

A fixed window per key counted in the shared cache, so every app server counts the same hits;
`hit` says how long to wait when over the limit, which becomes `429` with `Retry-After`.
Failed log-ins are limited by allauth (`ACCOUNT_RATE_LIMITS`), with the same client address.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def client_address(request: HttpRequest) -> str:
    """The client's address: behind N proxies of our own, the Nth address from the right of
    X-Forwarded-For (which those proxies append to and a client cannot forge)."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def hit(key: str, *, limit: int, window: int) -> int | None:
    """Count one hit for `key`; None while at most `limit` hits fell in this `window` (seconds),
    else the seconds until the window ends."""
    now = time.time()
    bucket = int(now // window)
    cache_key = f"ratelimit:{key}:{window}:{bucket}"
    # add() creates the counter only if absent, so two servers starting a window both count.
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this hit opens the next window
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, int((bucket + 1) * window - now + 0.999))


def too_many_requests(retry_after: int) -> HttpResponse:
    """A plain `429 Too Many Requests` saying when to try again."""
    response = HttpResponse(
        _("Too many requests. Please try again in %(seconds)s seconds.") % {"seconds": retry_after},
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(retry_after)
    return response
