import pytest

from citypeers.places.countries import (
    EU_MEMBERS,
    PROGRAMME_COUNTRIES,
    country_zone,
    is_eu_member,
    programme_zones,
    zone_choices,
)


def test_programme_countries_include_the_uk_ukraine_and_moldova_but_flag_eu_members():
    assert {"GB", "UA", "MD", "NO", "IS"} <= set(PROGRAMME_COUNTRIES)
    assert set(PROGRAMME_COUNTRIES) >= EU_MEMBERS
    assert len(EU_MEMBERS) == 27
    assert is_eu_member("fi") and not is_eu_member("GB") and not is_eu_member("UA")


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("PT", "Europe/Lisbon"),
        ("es", "Europe/Madrid"),
        ("FI", "Europe/Helsinki"),
        ("UA", "Europe/Kyiv"),
    ],
)
def test_a_country_has_the_zone_most_of_its_people_live_in(country, zone):
    assert country_zone(country) == zone


def test_an_unknown_country_has_no_zone():
    assert country_zone("ZZ") is None


def test_hosts_choose_among_the_programme_countries_zones_each_once():
    zones = programme_zones()
    assert zones == sorted(set(zones))
    assert {"Europe/Brussels", "Europe/London", "Europe/Kyiv", "Atlantic/Reykjavik"} <= set(zones)
    assert "Atlantic/Azores" not in zones
    assert "America/New_York" not in zones


def test_zone_choices_read_without_underscores():
    assert zone_choices(["America/New_York", "Europe/Paris"]) == [
        ("America/New_York", "America/New York"),
        ("Europe/Paris", "Europe/Paris"),
    ]
