"""The Atom feeds of what a programme publishes and of what is filed under a theme
(`library.feeds.programmes`), and the pages that link them."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.visits.services.agenda import agenda_publish
from tests.factories import (
    CallFactory,
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    VisitFactory,
    VisitPlanFactory,
)
from tests.library.test_feeds_reports import make_report

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def announced_visit(**fields):
    visit = VisitFactory(**fields)
    VisitPlanFactory(visit=visit, agenda_published=True)
    return visit


def test_a_programme_feed_holds_its_public_calls_announced_visits_and_reports(client):
    programme = ProgrammeFactory(name="Heritage Peers")
    CallFactory(programme=programme, title="Call for hosts")
    CallFactory(programme=programme, title="Draft call", published_at=None)
    announced_visit(programme=programme, title="Visit to Tartu")
    VisitPlanFactory(visit=VisitFactory(programme=programme, title="Agenda not published"))
    earlier = VisitFactory(
        programme=programme, title="Earlier", host_place=PlaceFactory(name="Tartu")
    )
    make_report(title="Tartu report", visit=earlier)
    make_report(title="Draft report", status="draft", visit=VisitFactory(programme=programme))
    CallFactory(title="Another programme's call")
    feed = read(client, reverse("library:programme_feed", kwargs={"slug": programme.slug}))
    assert feed.feed.title == "citypeers: Heritage Peers"
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Call for hosts", "Visit to Tartu", "Tartu report (Earlier, Tartu)"}


def test_a_visit_is_dated_when_its_agenda_was_published(client, coordinator):
    visit = VisitFactory()
    VisitPlanFactory(visit=visit)
    agenda_publish(visit=visit, by=coordinator, published=True)
    feed = read(client, reverse("library:programme_feed", kwargs={"slug": visit.programme.slug}))
    [entry] = feed.entries
    assert entry.title == visit.title
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - timezone.now()) < datetime.timedelta(minutes=1)


def test_unknown_programme_or_theme_is_404(client):
    assert client.get(reverse("library:programme_feed", kwargs={"slug": "nope"})).status_code == 404
    assert client.get(reverse("library:theme_feed", kwargs={"slug": "nope"})).status_code == 404


def test_a_theme_feed_holds_published_practices_announced_visits_and_reports(client):
    theme = ThemeFactory(name="Adaptive reuse", slug="reuse")
    other = ThemeFactory()
    now = timezone.now()
    PublishedPracticeFactory(
        title="Barracks for start-ups", themes=[theme], published_at=now - datetime.timedelta(3)
    )
    PracticeFactory(title="Draft practice", themes=[theme])
    PublishedPracticeFactory(title="Other theme", themes=[other])
    visit = announced_visit(title="Reuse visit")
    visit.themes.add(theme)
    hidden = VisitFactory(title="Agenda hidden")
    hidden.themes.add(theme)
    reported = VisitFactory(title="Reported visit")
    reported.themes.add(theme)
    make_report(title="Reuse report", visit=reported, published_at=now - datetime.timedelta(1))
    feed = read(client, reverse("library:theme_feed", kwargs={"slug": "reuse"}))
    assert feed.feed.title == "citypeers: theme Adaptive reuse"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Reuse visit"  # announced just now: newest
    assert titles[1].startswith("Reuse report (Reported visit")
    assert titles[2] == "Barracks for start-ups"
    assert len(titles) == 3
    assert all(("Adaptive reuse" in [t.term for t in entry.tags]) for entry in feed.entries)


def test_the_programme_and_its_visit_pages_link_the_programme_feed(client):
    programme = ProgrammeFactory(name="Heritage Peers")
    visit = VisitFactory(programme=programme)
    url = reverse("library:programme_feed", kwargs={"slug": programme.slug})
    link = f'type="application/atom+xml" title="citypeers: Heritage Peers" href="{url}"'
    assert link in client.get(programme.get_absolute_url()).content.decode()
    visit_page = reverse("visits:visit", kwargs={"programme": programme.slug, "visit": visit.slug})
    assert link in client.get(visit_page).content.decode()


def test_the_library_filtered_by_a_theme_links_that_themes_feed(client):
    ThemeFactory(name="Adaptive reuse", slug="reuse")
    url = reverse("library:theme_feed", kwargs={"slug": "reuse"})
    filtered = client.get(reverse("library:search") + "?theme=reuse").content.decode()
    assert f'title="citypeers: theme Adaptive reuse" href="{url}"' in filtered
    unfiltered = client.get(reverse("library:search")).content.decode()
    assert url not in unfiltered
    unknown = client.get(reverse("library:search") + "?theme=nope").content.decode()
    assert "/themes/nope/feed/" not in unknown


def test_a_poller_sees_a_visit_once_its_agenda_is_published(
    client, coordinator, django_capture_on_commit_callbacks
):
    visit = VisitFactory()
    VisitPlanFactory(visit=visit)
    url = reverse("library:programme_feed", kwargs={"slug": visit.programme.slug})
    first = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        agenda_publish(visit=visit, by=coordinator, published=True)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_the_feeds_read_in_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    programme = ProgrammeFactory()
    theme = ThemeFactory(slug="reuse")
    for _ in range(count):
        visit = announced_visit(programme=programme)
        visit.themes.add(theme)
        make_report(title="Report", visit=VisitFactory(programme=programme))
        CallFactory(programme=programme)
        PublishedPracticeFactory(themes=[theme])
    for url, most in [
        (reverse("library:reports_feed"), 8),
        (reverse("library:calls_feed"), 8),
        (reverse("library:programme_feed", kwargs={"slug": programme.slug}), 12),
        (reverse("library:theme_feed", kwargs={"slug": "reuse"}), 14),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200
