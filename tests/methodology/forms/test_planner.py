"""The planner's parameters: absurd or hostile values get a message at their field, names or
codes for countries, defaults for what is left out."""

import datetime

import pytest
from django.utils import translation

from citypeers.methodology.forms.planner import PlannerForm, default_start

DEFAULTS = {
    "mode": "online",
    "start": "2027-03-22",
    "days": 4,
    "participants": 24,
    "host_tz": "Europe/Brussels",
}


def form(**data):
    return PlannerForm(data, defaults=DEFAULTS, day_ranges={"online": (3, 5), "onsite": (2, 3)})


def test_left_out_or_empty_values_take_the_defaults():
    planner = form(start="", countries="")
    assert planner.is_valid(), planner.errors
    request = planner.plan_request()
    assert (request.start, request.days, request.countries) == (datetime.date(2027, 3, 22), 4, ())
    assert request.time is None and request.minutes is None


def test_the_hosts_country_defaults_to_the_country_of_its_time_zone():
    def host_country(**data):
        planner = form(**data)
        assert planner.is_valid(), planner.errors
        return planner.plan_request().host_country

    assert host_country() == "BE"
    assert host_country(host_tz="Europe/Lisbon") == "PT"
    assert host_country(host_tz="UTC") == ""
    assert host_country(host_country="LU") == "LU"
    assert not form(host_country="Atlantis").is_valid()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("days", "0", "greater than or equal to 1"),
        ("days", "10000", "less than or equal to 10"),
        ("days", "2", "This kind of visit runs 3 to 5 days."),
        ("participants", "-1", "greater than or equal to 2"),
        ("participants", "lots", "Enter a whole number."),
        ("host_tz", "Mars/Olympus", "Not a time zone name like Europe/Paris."),
        ("host_tz", "../../etc/passwd", "Not a time zone name like Europe/Paris."),
        ("start", "not-a-date", "Enter a valid date."),
        ("start", "2027-02-30", "Enter a valid date."),
        ("countries", "ZZ", "Not a country this platform knows: ZZ."),
        ("time", "25:99", "Enter a valid time."),
        ("minutes", "5", "greater than or equal to 15"),
        ("mode", "hybrid", "Select a valid choice."),  # no hybrid template
    ],
)
def test_a_wrong_value_is_refused_at_its_field(field, value, message):
    planner = form(**{field: value})
    assert not planner.is_valid()
    assert list(planner.errors) == [field]
    assert message in planner.errors[field][0]


def test_days_are_checked_against_the_chosen_modes_range():
    assert form(mode="onsite", days="3").is_valid()
    assert not form(mode="onsite", days="4").is_valid()


def test_countries_by_code_or_name_in_any_case_each_once():
    planner = form(countries="pt, Finland,FI, , portugal")
    assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["PT", "FI"]


def test_countries_by_their_name_in_the_readers_language():
    with translation.override("fr"):
        planner = form(countries="Finlande, Allemagne")
        assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["FI", "DE"]


def test_every_unknown_country_is_named_and_the_known_ones_kept_in_the_field():
    planner = form(countries="Portugal, Atlantis, Utopia")
    assert not planner.is_valid()
    assert planner.errors["countries"] == ["Not a country this platform knows: Atlantis, Utopia."]
    assert ">\nPortugal, Atlantis, Utopia</textarea>" in str(planner["countries"])


def test_countries_are_a_text_area_that_also_takes_one_country_a_line():
    planner = form(countries="Portugal\r\nFinland, Poland\nES")
    assert planner.is_valid(), planner.errors
    assert planner.cleaned_data["countries"] == ["PT", "FI", "PL", "ES"]
    assert str(planner["countries"]).startswith("<textarea")


def test_any_time_zone_name_typed_into_the_address_is_accepted():
    planner = form(host_tz="America/Argentina/Ushuaia")
    assert planner.is_valid(), planner.errors
    assert planner.plan_request().host_tz == "America/Argentina/Ushuaia"


def test_only_modes_with_a_template_are_offered():
    assert [value for value, _label in form().fields["mode"].choices] == ["onsite", "online"]


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2026, 11, 25), datetime.date(2027, 2, 22)),  # a Wednesday
        (datetime.date(2026, 11, 30), datetime.date(2027, 2, 22)),  # a Monday: that Monday
    ],
)
def test_the_default_start_is_a_monday_about_three_months_ahead(today, start):
    assert default_start(today) == start
    assert start.weekday() == 0
