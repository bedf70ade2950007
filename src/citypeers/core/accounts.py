"""allauth's account mails name the platform, not the host they were asked from.

Without django.contrib.sites allauth calls the site by the request's host ("Hello from
127.0.0.1:8100!"); this adapter gives every account mail SITE_NAME and SITE_URL's host instead.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


def current_site() -> SimpleNamespace:
    """The platform as mails name it: `name` (SITE_NAME) and `domain` (SITE_URL's host)."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, {**context, "current_site": current_site()})
