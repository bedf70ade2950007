"""A small world for the API's tests: what the public may read beside what it may not."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from citypeers.api.services import api_token_create
from citypeers.news.models import NewsItem, NewsText
from citypeers.reports.models import Report, ReportVersion
from citypeers.visits.models import SessionResource
from tests.factories import (
    AgendaSessionFactory,
    CallFactory,
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
)


@dataclass
class Scene:
    programme: object
    other: object  # another programme
    heritage: object  # a theme
    porto: object
    ghent: object
    practice: object
    draft_practice: object
    public_visit: object
    draft_visit: object  # agenda not published
    other_draft_visit: object
    session: object
    call: object
    draft_call: object
    report: object
    draft_report: object
    news: object
    draft_news: object
    token: str  # the programme's token's secret
    other_token: str


def _report(visit, *, published: bool, title: str) -> Report:
    report = Report.objects.create(
        visit=visit,
        language="en",
        title=title,
        status="published" if published else "draft",
        published_at=timezone.now() if published else None,
    )
    ReportVersion.objects.create(report=report, number=1, sections={"summary": "First words."})
    ReportVersion.objects.create(report=report, number=2, sections={"summary": f"{title} text."})
    return report


def _news(slug: str, *, programme, publish_at, theme=None) -> NewsItem:
    item = NewsItem.objects.create(slug=slug, programme=programme, publish_at=publish_at)
    NewsText.objects.create(item=item, language="en", title=slug.title(), summary="S", body="B")
    if theme:
        item.themes.add(theme)
    return item


def build_scene() -> Scene:
    coordinator = UserFactory(display_name="Private Person", email="private@example.org")
    programme = ProgrammeFactory(slug="heritage-in-action")
    other = ProgrammeFactory(slug="other-programme")
    heritage = ThemeFactory(slug="heritage", name="Heritage")
    porto = PlaceFactory(name="Porto", country="PT", population=230_000, latitude=41.15)
    ghent = PlaceFactory(name="Ghent", country="BE", population=2_000_000)
    practice = PublishedPracticeFactory(
        programme=programme,
        title="Adaptive reuse of mills",
        places=[porto],
        themes=[heritage],
        contact_name="Private Person",
        contact_email="private@example.org",
        submitted_by=coordinator,
    )
    draft_practice = PracticeFactory(programme=programme, places=[porto], themes=[heritage])
    public_visit = VisitFactory(
        programme=programme,
        slug="porto",
        host_place=porto,
        mode="onsite",
        starts_on=datetime.date(2027, 3, 22),
        ends_on=datetime.date(2027, 3, 24),
    )
    public_visit.themes.add(heritage)
    VisitPlanFactory(visit=public_visit, agenda_published=True, time_zone="Europe/Lisbon")
    session = AgendaSessionFactory(visit=public_visit, title="Walk", facilitator=coordinator)
    for visibility in ("public", "visit", "team"):
        SessionResource.objects.create(
            session=session,
            title=f"{visibility} slides",
            url="https://example.org/s",
            visibility=visibility,
        )
    draft_visit = VisitFactory(programme=programme, slug="ghent", host_place=ghent, mode="online")
    VisitPlanFactory(visit=draft_visit, agenda_published=False)
    AgendaSessionFactory(visit=draft_visit, title="Draft opening")
    other_draft_visit = VisitFactory(programme=other, slug="secret", host_place=ghent)
    call = CallFactory(programme=programme, slug="open-call", visits=[public_visit])
    draft_call = CallFactory(programme=programme, slug="draft-call", published_at=None)
    CallFactory(programme=other, slug="other-draft-call", published_at=None)
    report = _report(public_visit, published=True, title="Porto report")
    draft_report = _report(draft_visit, published=False, title="Ghent report")
    _report(other_draft_visit, published=False, title="Secret report")
    now = timezone.now()
    news = _news("mills-news", programme=programme, publish_at=now, theme=heritage)
    news.practices.add(practice, draft_practice)
    draft_news = _news("draft-news", programme=programme, publish_at=None)
    _news("scheduled-news", programme=programme, publish_at=now + datetime.timedelta(days=3))
    _token, secret = api_token_create(programme=programme, name="Dashboard", by=coordinator)
    _token, other_secret = api_token_create(programme=other, name="Other", by=None)
    return Scene(
        programme,
        other,
        heritage,
        porto,
        ghent,
        practice,
        draft_practice,
        public_visit,
        draft_visit,
        other_draft_visit,
        session,
        call,
        draft_call,
        report,
        draft_report,
        news,
        draft_news,
        secret,
        other_secret,
    )
