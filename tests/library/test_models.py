"""The library's rows (`library.models`)."""

from citypeers.library.models import bars


def test_bars_hold_each_value_once_sorted_between_bars():
    assert bars(["FR", "BE", "FR"]) == "|BE|FR|"
    assert bars(["small"]) == "|small|"


def test_no_values_are_no_bars():
    assert bars([]) == ""
