"""The Atom feed of published visit reports (`library.feeds.reports`)."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report, ReportVersion
from tests.factories import PlaceFactory, ThemeFactory, VisitFactory

pytestmark = pytest.mark.django_db


def make_report(*, title, published_at=None, status=ReportStatus.PUBLISHED, visit=None, **kw):
    visit = visit or VisitFactory(**kw)
    report = Report.objects.create(visit=visit, language="en", title=title)
    ReportVersion.objects.create(
        report=report, number=1, sections={"summary": f"What {title} found <b>& kept</b>."}
    )
    if status != ReportStatus.DRAFT:
        report.status = status
        report.published_at = published_at or timezone.now()
        if status != ReportStatus.PUBLISHED:
            report.published_at = None
        report.save()
    return report


def read(client, url=None):
    response = client.get(url or reverse("library:reports_feed"))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_published_reports_newest_first_drafts_and_finals_never(client):
    now = timezone.now()
    make_report(title="Old quays", published_at=now - datetime.timedelta(days=3))
    make_report(title="New market", published_at=now - datetime.timedelta(days=1))
    make_report(title="Secret draft", status=ReportStatus.DRAFT)
    make_report(title="Final, not public", status=ReportStatus.FINAL)
    titles = [entry.title for entry in read(client).entries]
    assert len(titles) == 2
    assert titles[0].startswith("New market")
    assert titles[1].startswith("Old quays")


def test_an_entry_names_the_visit_and_host_links_the_report_and_files_its_themes(client):
    visit = VisitFactory(title="Harbour visit", host_place=PlaceFactory(name="Rijeka"))
    visit.themes.add(ThemeFactory(name="Adaptive reuse", slug="reuse"))
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=2)
    make_report(title="Quays that work", visit=visit, published_at=published)
    [entry] = read(client).entries
    assert entry.title == "Quays that work (Harbour visit, Rijeka)"
    assert entry.link == "http://testserver" + reverse(
        "reports:report", kwargs={"programme": visit.programme.slug, "visit": visit.slug}
    )
    assert "What Quays that work found" in entry.summary
    assert [tag.term for tag in entry.tags] == ["Adaptive reuse"]
    assert entry.published_parsed[:6] == published.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == published.utctimetuple()[:6]


def test_the_feed_is_updated_when_its_newest_report_was_published(client):
    published = timezone.now().replace(microsecond=0) - datetime.timedelta(days=2)
    make_report(title="Only one", published_at=published)
    feed = read(client)
    assert feed.feed.updated_parsed[:6] == published.utctimetuple()[:6]


def test_markup_in_a_title_is_text_not_html(client):
    make_report(title="<script>alert(1)</script> & co")
    raw = client.get(reverse("library:reports_feed")).content.decode()
    assert "<script>" not in raw
    [entry] = read(client).entries
    assert entry.title.startswith("<script>alert(1)</script> & co")


def test_at_most_fifty_entries(client):
    now = timezone.now()
    for number in range(52):
        make_report(title=f"Report {number}", published_at=now - datetime.timedelta(hours=number))
    entries = read(client).entries
    assert len(entries) == 50
    assert entries[0].title.startswith("Report 0 ")
    assert entries[-1].title.startswith("Report 49 ")


def test_a_reader_polling_gets_304_until_a_report_is_published(
    client, django_capture_on_commit_callbacks
):
    make_report(title="First")
    first = client.get(reverse("library:reports_feed"))
    assert "max-age" in first["Cache-Control"]
    again = client.get(reverse("library:reports_feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        make_report(title="Second")  # "reports" is marked changed once this commits
    after = client.get(reverse("library:reports_feed"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert len(feedparser.parse(after.content).entries) == 2


def test_the_reports_pages_link_the_feed(client):
    report = make_report(title="Linked")
    visit = report.visit
    page = client.get(
        reverse("reports:report", kwargs={"programme": visit.programme.slug, "visit": visit.slug})
    )
    feed_url = reverse("library:reports_feed")
    assert f'type="application/atom+xml" title="citypeers: visit reports" href="{feed_url}"' in (
        page.content.decode()
    )
    library = client.get(reverse("library:search")).content.decode()
    assert f'href="{feed_url}"' in library
