import pytest
from django.utils import timezone

from citypeers.demo.news import news_demo_load
from citypeers.news.enums import NewsState
from citypeers.news.models import NewsItem
from citypeers.news.selectors import news_state
from citypeers.reports.models import Report
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_news_has_every_state_an_image_and_french_for_some(programme, coordinator):
    visits = [VisitFactory(programme=programme) for _ in range(2)]
    Report.objects.create(
        visit=visits[1],
        language="en",
        title="Quays",
        status="published",
        published_at=timezone.now(),
    )
    assert news_demo_load(programme=programme, visits=visits, coordinator=coordinator) == 6
    items = list(NewsItem.objects.prefetch_related("texts"))
    states = [news_state(item) for item in items]
    assert states.count(NewsState.DRAFT) == 1 and states.count(NewsState.SCHEDULED) == 1
    with_image = [item for item in items if item.image]
    assert len(with_image) == 1
    assert all(text.image_alt for text in with_image[0].texts.all())
    assert 0 < sum("fr" in {t.language for t in item.texts.all()} for item in items) < 6
    assert news_demo_load(programme=programme, visits=visits, coordinator=coordinator) == 0
