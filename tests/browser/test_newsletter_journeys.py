"""A visitor subscribes to a programme's newsletter, confirms from the e-mail in the outbox,
receives an issue the coordinator composed and sent, and unsubscribes in one click; the next
issue does not reach them."""

import re

import pytest
from playwright.sync_api import expect

from citypeers.core.mail import OutboxBackend
from citypeers.core.models import OutboxMessage
from citypeers.newsletter.models import Issue
from citypeers.newsletter.services.issues import issue_send
from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import MembershipFactory
from tests.newsletter.scene import issue_with, news_item, running_programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
READER = "reader@example.org"


@pytest.fixture
def headers_sent(monkeypatch):
    """The headers of each mail handed to the outbox, by recipient (the outbox keeps the
    subject and bodies, not the headers: read where they leave, as a mail server would)."""
    seen: dict[str, list[dict]] = {}
    original = OutboxBackend.send_messages

    def recording(self, messages):
        for message in messages:
            for address in message.recipients():
                seen.setdefault(address, []).append(dict(message.extra_headers))
        return original(self, messages)

    monkeypatch.setattr(OutboxBackend, "send_messages", recording)
    return seen


def _mails_to(address: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(to=address).order_by("pk"))


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_subscribe_confirm_receive_and_unsubscribe_in_one_click(new_page, headers_sent):
    programme = running_programme(name="Harbour Cities")
    news_item(programme, titles={"en": "The harbour reopens"})
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user

    visitor = new_page()
    visitor.goto("/en/newsletter/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Newsletters")
    assert_accessible(visitor)
    visitor.get_by_label("Your e-mail address").fill(READER)
    visitor.get_by_role("checkbox", name="Harbour Cities").check()
    visitor.get_by_role("checkbox", name=re.compile("I agree to receive")).check()
    visitor.get_by_role("button", name="Subscribe").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Check your e-mail")

    [confirmation] = _mails_to(READER)
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    visitor.goto(_path(link))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Confirm").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")

    desk = new_page()
    sign_in(desk, coordinator)
    desk.goto(f"/en/programmes/{programme.slug}/newsletter/")
    expect(desk.get_by_text("1 confirmed subscriber.")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("link", name="Compose an issue").click()
    desk.locator("#id_subject_en").fill("Harbour news, spring")
    desk.get_by_label("The harbour reopens").fill("1")
    assert_accessible(desk)
    desk.get_by_role("button", name="Save and preview").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Preview: Harbour news, spring")
    expect(desk.locator(".mail-preview")).to_contain_text("The harbour reopens")
    assert_accessible(desk)
    desk.get_by_role("link", name="Send…").click()
    expect(desk.get_by_text("goes to 1 confirmed subscriber now")).to_be_visible()
    desk.get_by_role("button", name="Send it now").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Sent log: Harbour news, spring")
    sent_row = desk.get_by_role("row").filter(has=desk.get_by_role("rowheader", name="Sent"))
    expect(sent_row.get_by_role("cell")).to_have_text("1")
    assert_accessible(desk)

    issue_mail = _mails_to(READER)[-1]
    assert issue_mail.subject == "Harbour news, spring"
    assert "The harbour reopens" in issue_mail.body and "<img" not in issue_mail.html_body
    headers = headers_sent[READER][-1]
    unsubscribe = re.fullmatch(
        r"<(https?://\S+/newsletter/unsubscribe/\S+/)>", headers["List-Unsubscribe"]
    )
    assert unsubscribe and headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.group(1) in issue_mail.body  # and in the footer, for people

    visitor.goto(_path(unsubscribe.group(1)))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Unsubscribe")
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Unsubscribe").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Unsubscribed")

    before = len(_mails_to(READER))
    second = issue_with(programme, [news_item(programme, titles={"en": "Summer"})])
    assert issue_send(issue=second, by=coordinator) == 0
    assert len(_mails_to(READER)) == before
    assert Issue.objects.filter(sent_at__isnull=False).count() == 2
