"""A country's main time zone, from the IANA zone table the `tzdata` package ships."""

from citypeers.optim.zones import main_zone


def test_a_countrys_main_zone_is_where_most_people_live():
    assert main_zone("PT") == "Europe/Lisbon"
    assert main_zone("ES") == "Europe/Madrid"
    assert main_zone("UA") == "Europe/Kyiv"
    assert main_zone("XK") == "Europe/Belgrade"
    assert main_zone("ZZ") is None
