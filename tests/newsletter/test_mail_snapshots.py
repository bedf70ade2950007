"""The newsletter's mails as people read them, in English and French: the confirmation and
an issue (subject and text; the personal keys vary, so they are written as <key>)."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from citypeers.newsletter.services.issues import issue_save, issue_send
from citypeers.newsletter.services.subscriptions import subscription_confirm
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report
from tests.factories import PlaceFactory, VisitFactory
from tests.newsletter.scene import news_item, running_programme, subscriber

pytestmark = pytest.mark.django_db
SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(text: str, name: str) -> None:
    snapshot = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        snapshot.write_text(text)
    assert snapshot.is_file(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it"
    assert text == snapshot.read_text()


def _text(message) -> str:
    body = message.body.replace(settings.SITE_URL, "<site>")
    body = re.sub(r"/(confirm|unsubscribe|preferences)/[^/\s]+/", r"/\1/<key>/", body)
    body = re.sub(r"/programmes/programme-\d+/", "/programmes/<programme>/", body)
    body = re.sub(r"/visits/visit-\d+/", "/visits/<visit>/", body)
    return f"Subject: {message.subject}\n\n{body}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_confirmation_and_an_issue(language, django_capture_on_commit_callbacks):
    programme = running_programme(name="Harbour Cities")
    with django_capture_on_commit_callbacks(execute=True):
        reader = subscriber(programme, "reader@example.org", languages=[language], confirmed=False)
    [confirmation] = mail.outbox
    subscription_confirm(subscription=reader)
    assert_matches_snapshot(_text(confirmation), f"confirm.{language}.txt")

    day = datetime.date(2030, 4, 8)
    visit = VisitFactory(
        programme=programme,
        title="Harbour walks",
        host_place=PlaceFactory(name="Tampere", country="FI"),
        starts_on=day,
        ends_on=day + datetime.timedelta(days=2),
    )
    report = Report.objects.create(
        visit=visit,
        language="en",
        title="What the harbour taught us",
        status=ReportStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    news = news_item(programme, titles={"en": "The harbour reopens", "fr": "Le port rouvre"})
    issue = issue_save(
        programme=programme,
        texts={
            "en": ("Spring in the harbour", "Hello **all**."),
            "fr": ("Le printemps au port", "Bonjour à **toutes et tous**."),
        },
        language="en",
        items=[("news", news), ("visit", visit), ("report", report)],
        by=None,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        issue_send(issue=issue, by=None)
    [message] = mail.outbox
    assert reader.email in message.to
    assert_matches_snapshot(_text(message), f"issue.{language}.txt")
