"""Kept for `tests/test_html_validity.py`, which imports `proposal` from here; the host call
tests are in views/test_applying.py and views/test_applications.py."""

from tests.calls.helpers import proposal

__all__ = ["proposal"]
