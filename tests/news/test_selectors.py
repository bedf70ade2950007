import datetime

import pytest
from django.utils import timezone

from citypeers.news.enums import NewsState
from citypeers.news.selectors import (
    news_about_visit,
    news_editable_by,
    news_item,
    news_list,
    news_published,
    news_state,
    text_for,
)
from citypeers.news.services import news_item_schedule, news_item_unpublish
from tests.factories import MembershipFactory, ProgrammeFactory, ThemeFactory, UserFactory
from tests.news.conftest import translate, write

pytestmark = pytest.mark.django_db


def test_a_scheduled_item_appears_once_its_time_has_come_with_no_job():
    item = write(published=False)
    at = timezone.now() + datetime.timedelta(hours=1)
    news_item_schedule(item=item, by=None, at=at)
    assert item not in news_published()
    assert news_state(item) == NewsState.SCHEDULED
    later = at + datetime.timedelta(seconds=1)
    assert item in news_published(now=later)
    assert news_state(item, now=later) == NewsState.PUBLISHED


def test_drafts_and_unpublished_items_are_not_published():
    draft = write(title="Draft", published=False)
    out = write(title="Out")
    news_item_unpublish(item=out, by=None)
    assert list(news_published()) == []
    assert news_state(draft) == NewsState.DRAFT


def test_the_readers_language_is_shown_when_the_item_has_it():
    item = write()
    translate(item)
    shown = text_for(news_item(slug=item.slug), "fr")
    assert shown.text.title == "Bilan de Tampere"
    assert not shown.is_fallback
    assert shown.languages == ["en", "fr"]


def test_without_the_readers_language_the_original_is_shown_as_a_fallback():
    item = write()
    shown = text_for(news_item(slug=item.slug), "fr")
    assert shown.text.language == "en"
    assert shown.is_fallback
    assert shown.language_name == "English"


def test_the_original_language_comes_first_among_those_available():
    item = write(original_language="fr", title="Appel ouvert")
    translate(item, language="en", title="Call open")
    assert text_for(news_item(slug=item.slug), "de").languages == ["fr", "en"]
    assert text_for(news_item(slug=item.slug), "de").text.title == "Appel ouvert"


def test_the_list_filters_by_programme_and_theme(visit):
    theme = ThemeFactory()
    ours = write(title="Ours", programme=visit.programme, themes=[theme], visits=[visit])
    write(title="Theirs", programme=ProgrammeFactory())
    assert list(news_list(programme=visit.programme)) == [ours]
    assert list(news_list(theme=theme)) == [ours]
    assert list(news_about_visit(visit)) == [ours]


def test_coordinators_edit_their_programmes_news_and_staff_all(programme, coordinator):
    ours = write(title="Ours", programme=programme)
    network = write(title="Network")
    elsewhere = MembershipFactory(role="coordinator").user
    assert list(news_editable_by(coordinator)) == [ours]
    assert list(news_editable_by(elsewhere)) == []
    assert set(news_editable_by(UserFactory(is_staff=True))) == {ours, network}
