import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeers.places.models import Place, size_class_for
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


@pytest.mark.parametrize(
    ("size", "bounds"),
    [
        ("small", (None, 50_000)),
        ("medium", (50_000, 250_000)),
        ("large", (250_000, 1_000_000)),
        ("metropolis", (1_000_000, None)),
    ],
)
def test_each_size_class_has_its_population_bounds(size, bounds):
    assert population_range(size) == bounds


@pytest.mark.django_db
def test_a_size_filter_includes_its_lower_bound_and_excludes_its_upper_one():
    PlaceFactory(name="Just medium", population=50_000)
    PlaceFactory(name="Just large", population=250_000)
    assert [p.name for p in places_filter(size="medium")] == ["Just medium"]


@pytest.mark.django_db
def test_places_without_population_fall_in_no_size_class():
    PlaceFactory(name="Unknown", population=None)
    for size in ("small", "medium", "large", "metropolis"):
        assert not places_filter(size=size).filter(name="Unknown").exists()
    assert places_filter().filter(name="Unknown").exists()


@pytest.mark.django_db
def test_filters_by_kind():
    PlaceFactory(name="Central Scotland", kind=Place.Kind.REGION)
    PlaceFactory(name="Glasgow", kind=Place.Kind.CITY)
    assert [p.name for p in places_filter(kind="region")] == ["Central Scotland"]


@pytest.mark.django_db
def test_largest_places_come_first_then_by_name():
    PlaceFactory(name="Beta", population=10)
    PlaceFactory(name="Alpha", population=10)
    PlaceFactory(name="Gamma", population=99)
    assert [p.name for p in places_filter()] == ["Gamma", "Alpha", "Beta"]
