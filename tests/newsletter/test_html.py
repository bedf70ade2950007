"""The newsletter's pages, and the HTML mail itself, are valid HTML (the W3C Nu checker, as
tests/test_html_validity.py runs it)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from citypeers.newsletter.selectors import confirm_key
from citypeers.newsletter.services.issues import issue_send
from tests.factories import ThemeFactory, VisitFactory
from tests.html_checker import html_errors, require_checker
from tests.newsletter.scene import issue_with, news_item, subscriber


@pytest.mark.django_db
def test_every_newsletter_page_and_the_mail_are_valid_html(
    client, programme, coordinator, tmp_path, django_capture_on_commit_callbacks
):
    require_checker()
    ThemeFactory(name="Water")
    reader = subscriber(programme, "reader@example.org", languages=["fr", "en"])
    waiting = subscriber(programme, "waiting@example.org", confirmed=False)
    today = datetime.date.today()
    VisitFactory(programme=programme, title="Port visit", starts_on=today, ends_on=today)
    draft = issue_with(programme, [news_item(programme)], intro="**Hello** <b>x</b>")
    sent = issue_with(programme, [news_item(programme)], subject="Sent one")
    with django_capture_on_commit_callbacks(execute=True):
        issue_send(issue=sent, by=coordinator)
    pages = {
        "subscribe": client.get(reverse("newsletter:subscribe")),
        "subscribe_errors": client.post(reverse("newsletter:subscribe"), {"email": "x"}),
        "subscribe_sent": client.post(
            reverse("newsletter:subscribe"),
            {
                "email": "n@example.org",
                "programmes": [programme.pk],
                "language": "en",
                "consent": "on",
            },
        ),
        "confirm": client.get(reverse("newsletter:confirm", args=[confirm_key(waiting)])),
        "link_invalid": client.get(reverse("newsletter:confirm", args=["nope"])),
        "unsubscribe": client.get(reverse("newsletter:unsubscribe", args=[reader.token])),
        "preferences": client.get(reverse("newsletter:preferences", args=[reader.token])),
    }
    pages["confirmed"] = client.post(reverse("newsletter:confirm", args=[confirm_key(waiting)]))
    client.force_login(coordinator)
    slug = programme.slug
    pages |= {
        "home": client.get(reverse("newsletter:programme", args=[slug])),
        "new": client.get(reverse("newsletter:issue_new", args=[slug])),
        "new_errors": client.post(reverse("newsletter:issue_new", args=[slug]), {"language": "en"}),
        "edit": client.get(reverse("newsletter:issue_edit", args=[slug, draft.pk])),
        "preview": client.get(reverse("newsletter:issue_preview", args=[slug, draft.pk])),
        "send": client.get(reverse("newsletter:issue_send", args=[slug, draft.pk])),
        "log": client.get(reverse("newsletter:issue_log", args=[slug, sent.pk])),
    }
    pages["unsubscribed"] = client.post(
        reverse("newsletter:unsubscribe", args=[reader.token]),
        {"List-Unsubscribe": "One-Click"},
    )
    for name, response in pages.items():
        assert response.status_code in (200, 404), name
        (tmp_path / f"{name}.html").write_text(response.content.decode())
    issue_mail = next(m for m in mail.outbox if m.subject == "Sent one")
    (tmp_path / "mail.html").write_text(issue_mail.alternatives[0][0])
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)
