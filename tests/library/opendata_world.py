"""The public and private records the open-data tests read: a programme under CC0 with a
visit (published agenda), calls, reports and news in every state, practices published and not,
and the network's own news."""

import datetime

from django.utils import timezone

from citypeers.news.models import NewsItem, NewsText
from citypeers.programmes.models import DataLicence
from citypeers.reports.models import Report
from tests.factories import (
    AgendaSessionFactory,
    CallFactory,
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    VisitFactory,
    VisitPlanFactory,
)


def _news(slug: str, *, programme, publish_at, title: str) -> NewsItem:
    item = NewsItem.objects.create(slug=slug, programme=programme, publish_at=publish_at)
    NewsText.objects.create(item=item, language="en", title=title, summary="S", body="B")
    return item


def build_open_world() -> dict:
    now = timezone.now()
    heritage = ThemeFactory(name="Heritage", slug="heritage")
    lyon = PlaceFactory(name="Lyon", country="FR")
    tartu = PlaceFactory(name="Tartu", country="EE")
    programme = ProgrammeFactory(
        name="Heritage cities", slug="heritage-cities", data_licence=DataLicence.CC0_1_0
    )
    other = ProgrammeFactory(name="Green cities", slug="green-cities")
    visit = VisitFactory(programme=programme, title="Lyon's silk", slug="silk", host_place=lyon)
    VisitPlanFactory(visit=visit, agenda_published=True)
    AgendaSessionFactory(visit=visit, title="Walk through the Croix-Rousse")
    hidden = VisitFactory(programme=programme, title="Tartu", slug="tartu", host_place=tartu)
    VisitPlanFactory(visit=hidden)  # agenda not published: its sessions stay private
    AgendaSessionFactory(visit=hidden, title="Secret rehearsal")
    published = PublishedPracticeFactory(
        title="Silk workshops reopened", places=[lyon], themes=[heritage], programme=programme
    )
    PracticeFactory(title="Draft practice nobody may see", places=[tartu], programme=programme)
    CallFactory(programme=programme, title="Come to Lyon", slug="come-to-lyon", visits=[visit])
    CallFactory(programme=programme, title="Draft call", slug="draft-call", published_at=None)
    Report.objects.create(
        visit=visit,
        language="en",
        title="What Lyon taught us",
        status="published",
        published_at=now,
    )
    Report.objects.create(visit=hidden, language="en", title="Unfinished report")
    _news("out", programme=programme, publish_at=now - datetime.timedelta(days=1), title="Out now")
    _news(
        "later",
        programme=programme,
        publish_at=now + datetime.timedelta(days=3),
        title="Scheduled news",
    )
    _news("draft", programme=programme, publish_at=None, title="Draft news")
    _news(
        "network",
        programme=None,
        publish_at=now - datetime.timedelta(hours=1),
        title="Network news",
    )
    return {"programme": programme, "other": other, "visit": visit, "practice": published}


PRIVATE_WORDS = (
    "Draft practice nobody may see",
    "Draft call",
    "Unfinished report",
    "Scheduled news",
    "Draft news",
    "Secret rehearsal",
)
