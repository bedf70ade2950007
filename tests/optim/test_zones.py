"""A country's main time zone, from the IANA zone table the `tzdata` package ships."""

from zoneinfo import ZoneInfo

import pytest

from citypeers.optim.zones import main_zone
from citypeers.places.countries import PROGRAMME_COUNTRIES  # plain data, no Django

# Countries with more than one zone: the one most people live in, not the first listed.
MAINLAND = {
    "PT": "Europe/Lisbon",  # not Madeira or the Azores
    "ES": "Europe/Madrid",  # not Ceuta or the Canaries
    "DE": "Europe/Berlin",  # not Busingen
    "CY": "Asia/Nicosia",  # not Famagusta
    "UA": "Europe/Kyiv",  # zone.tab lists Simferopol first
    "RU": "Europe/Moscow",  # zone.tab lists Kaliningrad first
    "XK": "Europe/Belgrade",  # Kosovo is not in zone.tab at all
}


def test_a_countrys_main_zone_is_where_most_people_live():
    assert main_zone("PT") == "Europe/Lisbon"
    assert main_zone("ES") == "Europe/Madrid"
    assert main_zone("UA") == "Europe/Kyiv"
    assert main_zone("XK") == "Europe/Belgrade"
    assert main_zone("ZZ") is None


@pytest.mark.parametrize("code", PROGRAMME_COUNTRIES)
def test_every_programme_country_has_a_main_zone_that_the_time_zone_database_knows(code):
    zone = main_zone(code)
    assert zone is not None
    ZoneInfo(zone)  # raises for a name the database does not have
    assert zone == MAINLAND.get(code, zone)


@pytest.mark.parametrize(("code", "zone"), sorted(MAINLAND.items()))
def test_a_country_with_several_zones_gets_its_mainland(code, zone):
    assert main_zone(code) == zone


def test_the_country_code_may_be_lower_case():
    assert main_zone("pt") == main_zone("PT") == "Europe/Lisbon"


def test_without_a_main_zone_named_the_first_listed_is_taken():
    # zone.tab's comments for China say "Beijing Time" and "Xinjiang Time": neither is "most of".
    assert main_zone("CN") == "Asia/Shanghai"


def test_an_empty_or_unknown_code_has_no_zone():
    assert main_zone("") is None and main_zone("EU") is None
