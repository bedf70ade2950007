"""`citypeers rebuild_search_index`: every published practice indexed afresh."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from citypeers.library.indexing import rebuild_index

pytestmark = pytest.mark.django_db


def test_rebuilding_the_index_restores_every_published_practice(library, found, indexed_ids):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM library_practice_fts"
            if connection.vendor == "sqlite"
            else "DELETE FROM library_practice_search"
        )
    assert found("heritage") == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 4 published practices." in out.getvalue()
    assert indexed_ids() == {
        library[key].pk for key in ["fortress", "harbour", "musee", "barracks"]
    }
    assert found("heritage") == ["Heritage trail of Šibenik", "A new life for the harbour"]
    assert rebuild_index() == 4
