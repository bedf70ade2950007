"""The countries programmes draw on, and which of them are EU members.

Plain data (no Django imports) so settings can restrict django-countries to this list.
"""

from citypeers.optim.zones import main_zone

EU_MEMBERS = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    }
)
# The EEA beyond the EU, plus Switzerland, which joins most cultural programmes.
EEA_AND_EFTA = frozenset(["IS", "LI", "NO", "CH"])
UNITED_KINGDOM = frozenset({"GB"})
# Candidate and potential candidate countries (Ukraine and Moldova took part in later programmes).
CANDIDATES = frozenset(["AL", "BA", "GE", "MD", "ME", "MK", "RS", "TR", "UA", "XK"])
# Eastern and southern neighbours and the European micro-states.
NEIGHBOURS = frozenset(["AM", "AZ", "AD", "MC", "SM", "VA", "TN", "IL"])

PROGRAMME_COUNTRIES = sorted(EU_MEMBERS | EEA_AND_EFTA | UNITED_KINGDOM | CANDIDATES | NEIGHBOURS)


def is_eu_member(country_code: str) -> bool:
    return country_code.upper() in EU_MEMBERS


def country_zone(country_code: str) -> str | None:
    """The IANA zone most of a country's people live in (None if the zone table has none)."""
    return main_zone(country_code)


def programme_zones() -> list[str]:
    """The main IANA zone of each programme country, each once, sorted: what a call's or a
    visit's host may choose from."""
    return sorted({main_zone(code) for code in PROGRAMME_COUNTRIES} - {None})


def zone_choices(zones: list[str]) -> list[tuple[str, str]]:
    return [(zone, zone.replace("_", " ")) for zone in zones]
