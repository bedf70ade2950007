"""E-mails to people, each in the language they chose (else the first offered one they speak),
with a link back."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from citypeers.core.languages import is_offered
from citypeers.core.text import one_line


def preferred_language(languages: list[str]) -> str:
    """The first of these languages the platform ships, else its default language."""
    shipped = {code for code, _name in settings.LANGUAGES}
    return next((code for code in languages if code in shipped), settings.LANGUAGE_CODE)


def mail_language(person) -> str:
    """The language to write to a person in: the one they chose for their pages and e-mails
    while it is offered, else the first offered language they speak, else the default.

    Every mail to a person, and every link or text made for one, takes its language here."""
    chosen = getattr(person, "language", "")
    return chosen if is_offered(chosen) else preferred_language(person.languages)


def send_templated_mail(
    *,
    to,
    template: str,
    context: dict,
    link: tuple[str, dict] | None = None,
    attachments: list[tuple[str, bytes | str, str]] | None = None,
) -> None:
    """Renders `<template>_subject.txt` and `_body.txt` in the person's language and sends them.

    `to` is a person (with `email`, `language` and `languages`: see `mail_language`); `link` is
    a URL name and its kwargs, given to the templates as `url`, absolute and in the same
    language; `attachments` are (file name, content, MIME type), e.g.
    `("visit.ics", ics_bytes, "text/calendar")`.
    """
    with translation.override(mail_language(to)):
        if link:
            context = {**context, "url": settings.SITE_URL + reverse(link[0], kwargs=link[1])}
        # On one line whatever the data holds: a line break would end the header (Django then
        # refuses to send) or, through a lax mail server, start another (`Bcc:`).
        subject = one_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}_body.txt", context)
    EmailMessage(subject, body, None, [to.email], attachments=attachments or []).send()
