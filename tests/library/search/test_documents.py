"""The searchable text of a practice (`library.search.documents`)."""

import pytest

pytestmark = pytest.mark.django_db


def test_link_targets_are_not_searched(library, found):
    assert found("zeppelin") == []
    assert found("study") == ["Barracks for start-ups"]
