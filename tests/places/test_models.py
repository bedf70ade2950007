import pytest

from citypeers.places.models import SizeClass, size_class_for
from citypeers.places.selectors import population_range


@pytest.mark.parametrize(
    ("population", "size"),
    [
        (49_999, SizeClass.SMALL),
        (50_000, SizeClass.MEDIUM),
        (249_999, SizeClass.MEDIUM),
        (250_000, SizeClass.LARGE),
        (999_999, SizeClass.LARGE),
        (1_000_000, SizeClass.METROPOLIS),
        (None, None),
    ],
)
def test_size_class_follows_the_thresholds(population, size):
    assert size_class_for(population) == size


def test_thresholds_come_from_the_one_setting(settings):
    settings.PLACE_SIZE_THRESHOLDS = {"small": 10_000, "medium": 100_000, "large": 500_000}
    assert size_class_for(60_000) == SizeClass.MEDIUM
    assert population_range("large") == (100_000, 500_000)
