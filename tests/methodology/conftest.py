"""Fixtures the methodology's tests share."""

import pytest

from citypeers.methodology.services.loader import load_methodology


@pytest.fixture
def methodology():
    """The methodology citypeers ships with, loaded; how many formats and templates were added."""
    return load_methodology()
