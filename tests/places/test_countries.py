from citypeers.places.countries import EU_MEMBERS, PROGRAMME_COUNTRIES, is_eu_member


def test_programme_countries_include_the_uk_ukraine_and_moldova_but_flag_eu_members():
    assert {"GB", "UA", "MD", "NO", "IS"} <= set(PROGRAMME_COUNTRIES)
    assert set(PROGRAMME_COUNTRIES) >= EU_MEMBERS
    assert len(EU_MEMBERS) == 27
    assert is_eu_member("fi") and not is_eu_member("GB") and not is_eu_member("UA")
