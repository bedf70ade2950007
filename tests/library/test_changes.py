"""Writes that change public data mark their collections (`library.changes`)."""

import pytest
from django.core.cache import cache

from citypeers.core.changes import version
from tests.factories import PracticeFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_saving_a_practice_changes_the_practices_and_not_the_calls():
    practice = PracticeFactory()
    practices, calls = version("practices"), version("calls")
    practice.title = "Another title"
    practice.save()
    assert version("practices") != practices
    assert version("calls") == calls


def test_filing_a_programme_under_a_theme_changes_the_programmes():
    programme, theme = ProgrammeFactory(), ThemeFactory()
    before = version("programmes")
    programme.themes.add(theme)
    assert version("programmes") != before


def test_deleting_a_theme_changes_every_collection_that_shows_it():
    theme = ThemeFactory()
    before = version("practices", "visits", "news")
    theme.delete()
    assert version("practices", "visits", "news") != before
