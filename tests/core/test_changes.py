"""`core.changes`: the marks that tell readers and caches a public collection changed."""

import pytest
from django.core.cache import cache

from citypeers.core.changes import any_version, changed, version

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_the_mark_stays_until_a_change():
    assert version("practices") == version("practices")


def test_a_change_gives_a_new_tag_to_every_version_that_includes_it():
    practices, both, calls = version("practices"), version("practices", "calls"), version("calls")
    changed("practices")
    assert version("practices").tag != practices.tag
    assert version("practices", "calls").tag != both.tag
    assert version("calls") == calls


@pytest.mark.parametrize("collection", ["practices", "news", "places"])
def test_the_mark_of_any_change_moves_with_each_collection(collection):
    before = any_version()
    assert any_version() == before
    changed(collection)
    after = any_version()
    assert after.tag != before.tag
    assert after.modified >= before.modified


def test_a_lost_mark_of_any_change_is_replaced_by_one_every_server_agrees_on():
    before = any_version()
    cache.clear()
    first, second = any_version(), any_version()
    assert first.tag != before.tag
    assert first == second


def test_a_rolled_back_change_marks_nothing():
    from django.db import transaction

    before, anything = version("news"), any_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        changed("news")
        raise RuntimeError
    assert version("news") == before
    assert any_version() == anything


def test_an_unknown_collection_is_a_mistake_said_at_once():
    with pytest.raises(ValueError):
        changed("practise")
