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
