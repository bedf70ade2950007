"""Search on SQLite (`library.search.sqlite`): the FTS5 table and its MATCH text."""

import pytest
from django.db import connection

from citypeers.library.search import parse_query
from citypeers.library.search.sqlite import match_expression
from tests.factories import PublishedPracticeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index serves SQLite only"),
]


def test_every_word_is_a_quoted_prefix_and_every_phrase_quoted_all_required():
    parsed = parse_query('mills NEAR "old town" OR "river*" -harbour')
    assert match_expression(parsed) == '"mills"* AND "harbour"* AND "old town" AND "river"'


def test_words_are_stemmed_the_english_way_whatever_the_language(found):
    PublishedPracticeFactory(title="Running ferries", language="fr")
    assert found("runs") == ["Running ferries"]
