import pytest

from tests.newsletter.scene import running_programme


@pytest.fixture
def programme(db):
    """A programme one may subscribe to (not ended)."""
    return running_programme()
