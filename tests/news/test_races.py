"""Two editors saving news of one title at once both get their item."""

import pytest

from citypeers.news.models import NewsItem
from citypeers.news.services import news_item_create
from tests.factories import UserFactory
from tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_items_of_one_title_saved_at_once_get_two_addresses():
    staff = UserFactory(is_staff=True)

    def create():
        return news_item_create(by=staff, title="Call open", summary="Apply.", body="Apply now.")

    first, second = race(create, create, hold_after="citypeers.news.services.log_action")
    assert first.error is None and second.error is None
    assert sorted(NewsItem.objects.values_list("slug", flat=True))[0] == "call-open"
    assert NewsItem.objects.count() == 2
