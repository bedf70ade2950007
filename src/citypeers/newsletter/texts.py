"""The newsletter's mails as people read them: an issue for one subscriber (HTML and text, in
their language, only the items for their themes) and the confirmation mail.

An issue's mail is rendered once per (language, items) and the subscriber's own links are put
in afterwards: 10,000 subscribers cost a handful of renders, not 10,000. Nothing in the mail
is loaded from our server or leads through it with a per-recipient address (no images, no
tracking pixel, no redirecting links); the unsubscribe and preferences links are the only
personal ones."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from citypeers.core.markdown import render_markdown
from citypeers.core.text import one_line
from citypeers.newsletter.enums import CONFIRM_DAYS, ItemKind
from citypeers.newsletter.models import Issue, IssueItem, Subscription
from citypeers.newsletter.selectors import has_newsletter, item_theme_ids
from citypeers.programmes.models import Programme

UNSUBSCRIBE_MARK = "NEWSLETTER-UNSUBSCRIBE-URL"
PREFERENCES_MARK = "NEWSLETTER-PREFERENCES-URL"


@dataclass(frozen=True)
class ShownItem:
    kind: str
    title: str
    summary: str
    url: str
    starts_on: object = None
    ends_on: object = None
    host: str = ""
    visit_title: str = ""


@dataclass(frozen=True)
class IssueMail:
    subject: str
    text: str
    html: str
    language: str

    def personal(self, subscription: Subscription) -> "IssueMail":
        """The mail with this subscriber's own unsubscribe and preferences links."""
        links = personal_links(subscription, self.language)
        text, html = self.text, self.html
        for mark, url in ((UNSUBSCRIBE_MARK, links[0]), (PREFERENCES_MARK, links[1])):
            text, html = text.replace(mark, url), html.replace(mark, url)
        return IssueMail(self.subject, text, html, self.language)


def personal_links(subscription: Subscription, language: str) -> tuple[str, str]:
    """The absolute unsubscribe and preferences addresses of this subscription."""
    with translation.override(language):
        return (
            settings.SITE_URL + reverse("newsletter:unsubscribe", args=[subscription.token]),
            settings.SITE_URL + reverse("newsletter:preferences", args=[subscription.token]),
        )


def mail_language(issue: Issue, languages: list[str]) -> str:
    """The first of the subscriber's languages the issue exists in, else its own."""
    written = {text.language for text in issue.texts.all()}
    return next((code for code in languages if code in written), issue.language)


def items_for(items: list[IssueItem], theme_ids: set[int]) -> list[IssueItem]:
    """What a subscriber to these themes receives (no theme: everything): items about one of
    them, and items about no theme in particular."""
    if not theme_ids:
        return list(items)
    return [item for item in items if not (ids := item_theme_ids(item)) or ids & theme_ids]


def _absolute(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _news_text(item, languages: list[str]):
    texts = {text.language: text for text in item.texts.all()}
    for code in [*languages, item.original_language]:
        if code in texts:
            return texts[code]
    return next(iter(texts.values()), None)


def shown_item(item: IssueItem, languages: list[str]) -> ShownItem | None:
    """The item as the mail shows it, in the first of `languages` it is written in (news),
    with a direct link to its public page."""
    if item.kind == ItemKind.NEWS:
        text = _news_text(item.news, languages)
        if text is None:
            return None
        url = _absolute("news:detail", item.news.slug)
        return ShownItem(item.kind, text.title, text.summary, url)
    if item.kind == ItemKind.VISIT:
        visit = item.visit
        return ShownItem(
            item.kind,
            visit.title,
            "",
            _absolute("visits:visit", visit.programme.slug, visit.slug),
            starts_on=visit.starts_on,
            ends_on=visit.ends_on,
            host=visit.host_place.name,
        )
    report, visit = item.report, item.report.visit
    return ShownItem(
        item.kind,
        report.title,
        "",
        _absolute("reports:report", visit.programme.slug, visit.slug),
        visit_title=visit.title,
    )


def _context(issue: Issue, shown: list[ShownItem], language: str, level: int) -> dict:
    text = issue.text_for([language])
    return {
        "issue": issue,
        "subject": text.subject if text else "",
        "intro_text": text.intro if text else "",
        "programme": issue.programme,
        "intro": render_markdown(text.intro) if text and text.intro else "",
        "items": shown,
        "level": level,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "preferences_url": PREFERENCES_MARK,
        "site_name": settings.SITE_NAME,
        "language": language,
    }


def issue_mail(issue: Issue, items: list[IssueItem], *, languages: list[str]) -> IssueMail:
    """The issue for a reader of `languages`, with `items` (already chosen for their themes);
    the personal links are marks that `IssueMail.personal` replaces."""
    language = mail_language(issue, languages)
    with translation.override(language):
        order = [language, *languages]
        shown = [s for item in items if (s := shown_item(item, order)) is not None]
        context = _context(issue, shown, language, level=2)
        text = render_to_string("newsletter/email/issue.txt", context)
        html = render_to_string("newsletter/email/issue.html", context)
    return IssueMail(one_line(context["subject"]), text, html, language)


@dataclass(frozen=True)
class Preview:
    mail: IssueMail
    fragment: str  # the HTML mail's content, for showing inside a page


def issue_preview(issue: Issue, items: list[IssueItem], *, language: str) -> Preview:
    """The issue as a reader of `language` receives it, every item included; its personal
    links lead nowhere (a preview must not unsubscribe anyone)."""
    mail = issue_mail(issue, items, languages=[language])
    with translation.override(mail.language):
        order = [mail.language, language]
        shown = [s for item in items if (s := shown_item(item, order)) is not None]
        fragment = render_to_string(
            "newsletter/email/_issue_content.html", _context(issue, shown, mail.language, 3)
        )
    marks = ((UNSUBSCRIBE_MARK, "#unsubscribe"), (PREFERENCES_MARK, "#preferences"))
    text, html = mail.text, mail.html
    for mark, url in marks:
        text, html, fragment = (x.replace(mark, url) for x in (text, html, fragment))
    return Preview(IssueMail(mail.subject, text, html, mail.language), fragment)


def issue_title(issue: Issue) -> str:
    """The issue's subject in the reader's language, else in the language it is written in."""
    text = issue.text_for([translation.get_language() or settings.LANGUAGE_CODE])
    return text.subject if text else ""


def candidates(news, visits, reports) -> list[tuple[str, object, str]]:
    """What a coordinator may put in an issue, each with the label its field shows."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    listed = []
    for item in news:
        text = _news_text(item, [language])
        listed.append((ItemKind.NEWS, item, text.title if text else item.slug))
    for visit in visits:
        listed.append((ItemKind.VISIT, visit, f"{visit.title} ({visit.starts_on:%Y-%m-%d})"))
    for report in reports:
        listed.append((ItemKind.REPORT, report, report.title))
    return listed


def confirmation_mail(subscription: Subscription, url: str) -> tuple[str, str, str]:
    """(subject, body, language) of the mail asking to confirm a subscription."""
    language = subscription.languages[0] if subscription.languages else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "subscription": subscription,
            "url": url,
            "site_name": settings.SITE_NAME,
            "days": CONFIRM_DAYS,
        }
        subject = one_line(render_to_string("newsletter/email/confirm_subject.txt", context))
        body = render_to_string("newsletter/email/confirm_body.txt", context)
    return subject, body, language


def programme_newsletter_links(programme: Programme) -> list[tuple[str, str]]:
    """On a programme's page, beside its news: subscribing to its newsletter, while it runs."""
    if not has_newsletter(programme):
        return []
    address = reverse("newsletter:subscribe") + "?" + urlencode({"programme": programme.slug})
    return [(_("Subscribe to this programme's newsletter"), address)]


def programme_newsletter_tools(programme: Programme, user) -> list[tuple[str, str]]:
    """On a programme's page, for its coordinators: its newsletter's subscribers and issues."""
    if not user.has_perm("newsletter.manage", programme):
        return []
    return [(_("Newsletter"), reverse("newsletter:programme", args=[programme.slug]))]
