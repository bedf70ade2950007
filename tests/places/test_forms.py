import pytest

from citypeers.places.forms import PlaceFilterForm, PlaceForm


def test_the_filter_form_accepts_nothing_chosen():
    filters = PlaceFilterForm({})
    assert filters.is_valid()
    assert not any(filters.cleaned_data.values())


def test_the_filter_form_refuses_a_size_or_kind_it_does_not_offer():
    filters = PlaceFilterForm({"size": "huge", "kind": "planet", "country": "ZZ"})
    assert not filters.is_valid()
    assert set(filters.errors) == {"size", "kind", "country"}


@pytest.mark.django_db
def test_a_place_needs_a_name_a_country_and_a_kind_but_no_figures():
    form = PlaceForm({"name": "Val Grande", "country": "IT", "kind": "rural"})
    assert form.is_valid(), form.errors
    assert set(PlaceForm({}).errors) == {"name", "country", "kind"}


@pytest.mark.django_db
def test_a_negative_population_is_refused():
    form = PlaceForm({"name": "X", "country": "IT", "kind": "city", "population": "-5"})
    assert "population" in form.errors
