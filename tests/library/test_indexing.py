"""Writing the index and the cards of published practices together (`library.indexing`)."""

import pytest

from citypeers.catalogue.models import Practice
from citypeers.library.indexing import index_practice, index_practices, rebuild_index
from citypeers.library.models import PracticeCard
from tests.factories import PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def card_ids() -> set[int]:
    return set(PracticeCard.objects.values_list("practice_id", flat=True))


def stale(practices) -> None:
    """Unpublish without signals, as a bulk update or raw SQL would."""
    Practice.objects.filter(pk__in=[practice.pk for practice in practices]).update(status="draft")


def test_indexing_a_published_practice_writes_its_text_and_its_card(found, indexed_ids):
    practice = PublishedPracticeFactory(title="Ferries")
    Practice.objects.filter(pk=practice.pk).update(title="Night ferries")
    practice.refresh_from_db()
    index_practice(practice)
    assert found("night") == ["Night ferries"]
    assert PracticeCard.objects.get(practice=practice).title == "Night ferries"
    assert indexed_ids() == card_ids() == {practice.pk}


def test_indexing_a_practice_not_published_removes_it(indexed_ids):
    practice = PublishedPracticeFactory()
    stale([practice])
    practice.refresh_from_db()
    index_practice(practice)
    assert indexed_ids() == card_ids() == set()


def test_indexing_several_writes_the_published_and_removes_the_others(indexed_ids):
    kept, unpublished, _untouched = PublishedPracticeFactory.create_batch(3)
    draft = PracticeFactory()
    stale([unpublished])
    Practice.objects.filter(pk=kept.pk).update(title="Renamed quietly")
    index_practices([kept.pk, unpublished.pk, draft.pk, 999_999])
    assert indexed_ids() == card_ids() == {kept.pk, _untouched.pk}
    assert PracticeCard.objects.get(practice=kept).title == "Renamed quietly"


def test_indexing_no_practice_costs_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        index_practices([])


def test_a_rebuild_indexes_exactly_the_published_practices(found, indexed_ids):
    published = PublishedPracticeFactory.create_batch(3)
    quietly_unpublished = PublishedPracticeFactory(title="Gone quietly")
    PracticeFactory(title="A draft")
    stale([quietly_unpublished])
    Practice.objects.filter(pk=published[0].pk).update(title="Renamed quietly")
    assert rebuild_index() == 3
    assert indexed_ids() == card_ids() == {practice.pk for practice in published}
    assert found("renamed") == ["Renamed quietly"]
    assert found("gone") == []


def test_a_rebuild_in_several_batches_misses_none_and_counts_each_once(indexed_ids, monkeypatch):
    monkeypatch.setattr("citypeers.library.indexing.REBUILD_BATCH_SIZE", 2)
    published = PublishedPracticeFactory.create_batch(5)
    assert rebuild_index() == 5
    assert indexed_ids() == card_ids() == {practice.pk for practice in published}


def test_a_rebuild_of_a_batch_exactly_full_counts_it_once(indexed_ids, monkeypatch):
    monkeypatch.setattr("citypeers.library.indexing.REBUILD_BATCH_SIZE", 2)
    published = PublishedPracticeFactory.create_batch(4)
    assert rebuild_index() == 4
    assert indexed_ids() == card_ids() == {practice.pk for practice in published}


def test_a_rebuild_of_an_empty_library_empties_the_index(indexed_ids):
    stale(PublishedPracticeFactory.create_batch(2))
    assert rebuild_index() == 0
    assert indexed_ids() == card_ids() == set()
