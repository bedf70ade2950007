import pytest
from django.db import IntegrityError, transaction

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_links_are_read_one_a_line_without_blank_lines():
    practice = PracticeFactory.build(links="https://a.example\n\n  https://b.example  \n")
    assert practice.link_list == ["https://a.example", "https://b.example"]
    assert PracticeFactory.build(links="").link_list == []


def test_a_practice_cannot_end_before_it_starts():
    with transaction.atomic(), pytest.raises(IntegrityError):
        PracticeFactory(started_on="2021-05-01", ended_on="2021-04-30")
    PracticeFactory(started_on="2021-05-01", ended_on=None)


def test_a_published_practice_always_has_its_publication_date():
    with transaction.atomic(), pytest.raises(IntegrityError):
        PracticeFactory(status="published", published_at=None)
