"""The impact page's map: the countries where participants re-use a programme's (or a visit's)
practices, shaded by their number of cities, drawn on the server as SVG by pygal_maps_world (no
tile server, nothing fetched when the page is read). The page shows it through `<img alt>` with
a table of the same numbers beside it; like the results' charts (`texts/charts.py`) it is served
at its own address with inline style allowed there only, and holds no script."""

from django.core.cache import cache
from django.utils.translation import gettext as _
from pygal.etree import etree
from pygal_maps_world.i18n import COUNTRIES
from pygal_maps_world.maps import World

from citypeers.feedback.selectors.impact import (
    IMPACT_TIMEOUT,
    CountryRow,
    impact_key,
    programme_impact,
    visit_impact,
)
from citypeers.feedback.texts.charts import STYLE
from citypeers.programmes.models import Programme, Visit

# The map's own coordinates (its viewBox is 0 0 2475 1388) framing Europe, from Iceland to the
# Caucasus and from the North Cape to Morocco: programme countries are in Europe, and the whole
# world would leave them a few pixels each.
WORLD_VIEWBOX = "0 0 2475 1388"
EUROPE_VIEWBOX = "1020 60 560 392"


def map_alt(countries: list[CountryRow]) -> str:
    if not countries:
        return _("Map of Europe: no city re-uses the practice yet.")
    return _(
        "Map of Europe, countries shaded by the number of cities re-using the practice: "
        "%(countries)s. Its numbers are in the table beside it."
    ) % {"countries": ", ".join(f"{row.name} ({row.cities})" for row in countries)}


def map_svg(countries: list[CountryRow]) -> bytes:
    """The map of Europe as a standalone SVG document, without script; countries the map does
    not draw (Kosovo has no shape in it) are in the table only."""
    drawing = World(
        style=STYLE,
        js=[],
        width=800,
        height=520,
        title=_("Cities re-using the practice, by country"),
        show_legend=False,
    )
    drawing.add(
        _("Cities"),
        {row.country.lower(): row.cities for row in countries if row.country.lower() in COUNTRIES},
    )
    tree = drawing.render_tree()
    for element in tree.iter():
        if str(element.tag).endswith("svg") and element.get("viewBox") == WORLD_VIEWBOX:
            element.set("viewBox", EUROPE_VIEWBOX)
    # pygal writes its config as an inline <script> even with js=[]: the CSP refuses it and
    # nothing needs it.
    for parent in tree.iter():
        for script in [child for child in parent if str(child.tag).endswith("script")]:
            parent.remove(script)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def impact_map(programme: Programme, visit: Visit | None = None) -> bytes:
    """The programme's map (or its visit's), drawn once per change like the figures."""
    key = impact_key(programme)
    map_key = f"{key}:map:{visit.pk if visit else 'all'}"
    svg = cache.get(map_key)
    if svg is None:
        if visit is None:
            impact = programme_impact(programme, key=key).whole
        else:
            impact = visit_impact(visit, key=key)
        svg = map_svg(impact.countries)
        cache.set(map_key, svg, IMPACT_TIMEOUT)
    return svg
