import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeers.places.models import size_class_for
from citypeers.places.selectors import places_filter, population_range
from tests.factories import PlaceFactory


@given(st.integers(min_value=0, max_value=40_000_000))
def test_every_population_falls_in_the_range_of_its_size_class(population):
    lower, upper = population_range(size_class_for(population).value)
    assert (lower is None or population >= lower) and (upper is None or population < upper)


@pytest.mark.django_db
def test_filters_by_size_country_and_name():
    PlaceFactory(name="Smallville", country="BE", population=20_000)
    PlaceFactory(name="Bigtown", country="BE", population=2_000_000)
    PlaceFactory(name="Bigtown", country="FR", population=2_000_000)
    assert [p.name for p in places_filter(size="small")] == ["Smallville"]
    assert places_filter(size="metropolis", country="FR").get().country.code == "FR"
    assert places_filter(q="bigt").count() == 2
