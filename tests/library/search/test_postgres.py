"""Search on PostgreSQL (`library.search.postgres`): what only its tsvector index promises."""

import pytest
from django.db import connection

from tests.factories import PublishedPracticeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the PostgreSQL index serves PostgreSQL only"
    ),
]


def test_french_practices_are_stemmed_in_french(library, found):
    horses = PublishedPracticeFactory(title="Des chevaux en ville", language="fr")
    PublishedPracticeFactory(title="Chevaux, the English way", language="en")
    assert found("cheval") == [horses.title]


def test_a_practice_in_a_language_without_stemming_is_found_by_its_words(found):
    practice = PublishedPracticeFactory(title="Promy nocne", language="pl")
    assert found("promy") == [practice.title]
    assert found("nocn") == [practice.title]


def test_english_search_words_are_stemmed_against_english_practices(found):
    practice = PublishedPracticeFactory(title="Running ferries", language="en")
    assert found("runs") == [practice.title]


def test_every_word_and_phrase_is_a_parameter_never_sql(found):
    practice = PublishedPracticeFactory(title="Port of call")
    assert found("port') || to_tsquery('call") == []
    assert found('"port of" call') == [practice.title]
