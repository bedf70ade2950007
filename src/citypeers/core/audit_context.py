"""Where an audit entry was made from, without services taking a request.

`AuditContextMiddleware` keeps the current request's client address and browser in a context
variable for the length of the request; `log_action` reads them. Outside a request (tasks,
the console) there is none and entries record no address.
"""

import contextvars
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.ipv6 import clean_ipv6_address

from citypeers.core.text import one_line

USER_AGENT_LENGTH = 200


@dataclass(frozen=True)
class Origin:
    ip_address: str | None
    user_agent: str


_origin: contextvars.ContextVar[Origin | None] = contextvars.ContextVar(
    "audit_origin", default=None
)


def origin_of(request) -> Origin:
    """The client's address as allauth reads it (X-Forwarded-For only through the
    TRUSTED_PROXY_COUNT proxies we run), and its browser, shortened."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):  # no address, or a forged header
        address = None
    if address and ":" in address:
        # As the database gives it back (lower case, shortest form), so the digest made now
        # is the one recomputed later.
        address = clean_ipv6_address(address)
    browser = one_line(request.headers.get("User-Agent", ""))[:USER_AGENT_LENGTH]
    return Origin(address, browser)


def current_origin() -> Origin | None:
    return _origin.get()


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(origin_of(request))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)
