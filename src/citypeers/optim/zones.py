"""Time zones by country, from the IANA database the `tzdata` package ships."""

from functools import cache
from importlib import resources

# Where zone.tab's first zone for a country is not where most people live.
MAIN_ZONE_OVERRIDES = {"RU": "Europe/Moscow", "XK": "Europe/Belgrade"}


@cache
def _zone_table() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *comment = line.split("\t")
        table.setdefault(code, []).append((zone, comment[0] if comment else ""))
    return table


def main_zone(country_code: str) -> str | None:
    """The zone most of the country lives in, e.g. PT -> Europe/Lisbon (not the Azores)."""
    code = country_code.upper()
    if code in MAIN_ZONE_OVERRIDES:
        return MAIN_ZONE_OVERRIDES[code]
    zones = _zone_table().get(code)
    if not zones:
        return None
    for zone, comment in zones:
        if comment.startswith("most of") or "mainland" in comment:
            return zone
    return zones[0][0]


@cache
def _zone_countries() -> dict[str, str]:
    return {zone: code for code, zones in _zone_table().items() for zone, _comment in zones}


def country_of_zone(zone: str) -> str:
    """The country a zone.tab zone belongs to, e.g. Europe/Brussels -> BE; empty for UTC and
    zones of no country."""
    return _zone_countries().get(zone, "")
