"""E-mails to people, each in the first shipped language they speak, with a link back."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from citypeers.core.text import one_line


def preferred_language(languages: list[str]) -> str:
    """The first of these languages the platform ships, else its default language."""
    shipped = {code for code, _name in settings.LANGUAGES}
    return next((code for code in languages if code in shipped), settings.LANGUAGE_CODE)


def send_templated_mail(
    *,
    to,
    template: str,
    context: dict,
    link: tuple[str, dict] | None = None,
    attachments: list[tuple[str, bytes | str, str]] | None = None,
) -> None:
    """Renders `<template>_subject.txt` and `_body.txt` in the person's language and sends them.

    `to` is a person (with `email` and `languages`); `link` is a URL name and its kwargs, given
    to the templates as `url`, absolute and in the same language; `attachments` are (file name,
    content, MIME type), e.g. `("visit.ics", ics_bytes, "text/calendar")`.
    """
    with translation.override(preferred_language(to.languages)):
        if link:
            context = {**context, "url": settings.SITE_URL + reverse(link[0], kwargs=link[1])}
        # On one line whatever the data holds: a line break would end the header (Django then
        # refuses to send) or, through a lax mail server, start another (`Bcc:`).
        subject = one_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}_body.txt", context)
    EmailMessage(subject, body, None, [to.email], attachments=attachments or []).send()
