"""allauth's account mails name the platform, not the host they were asked from, and speak the
person's chosen language; signing in takes a person into that language.

Without django.contrib.sites allauth calls the site by the request's host ("Hello from
127.0.0.1:8100!"); this adapter gives every account mail SITE_NAME and SITE_URL's host instead.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation

from citypeers.core.languages import address_in_language, is_offered, remember_language


def current_site() -> SimpleNamespace:
    """The platform as mails name it: `name` (SITE_NAME) and `domain` (SITE_URL's host)."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def chosen_language(user) -> str | None:
    """The offered language a person chose for their pages and e-mails, if any."""
    language = getattr(user, "language", "")
    return language if is_offered(language) else None


# What in an account mail lets whoever reads it act as its recipient: reset and confirmation
# links, their keys, sign-in and verification codes. The outbox keeps the mail without them.
SECRET_CONTEXT_KEYS = ("password_reset_url", "activate_url", "key", "code")


def mail_secrets(context: dict) -> list[str]:
    """The secrets an account mail's context holds, longest first (a link holds its key)."""
    values = {context.get(key) for key in SECRET_CONTEXT_KEYS}
    return sorted((v for v in values if isinstance(v, str) and v), key=len, reverse=True)


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.secrets = mail_secrets(context)  # read by core.mail.OutboxBackend only
        return message

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {**context, "current_site": current_site()}
        language = chosen_language(context.get("user"))
        if language is None:  # nobody known, or no choice: the language of the page that asked
            super().send_mail(template_prefix, email, context)
            return
        # Written in the person's language, whatever page asked, with its links in it too.
        context = {
            key: address_in_language(value, language)
            if key.endswith("_url") and isinstance(value, str)
            else value
            for key, value in context.items()
        }
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def post_login(self, request, user, **kwargs):
        """A person who chose a language is taken into it on signing in (the page they were
        going to, in that language, and the cookie for pages without a language prefix)."""
        language = chosen_language(user)
        if language is None:
            return super().post_login(request, user, **kwargs)
        with translation.override(language):  # the "signed in" message, in it too
            response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect):
            response["Location"] = address_in_language(response["Location"], language)
            remember_language(response, language)
        return response
