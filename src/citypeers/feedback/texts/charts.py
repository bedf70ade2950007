"""The results' charts, drawn on the server as SVG by pygal, from the figures of
`selectors.results` (the page puts the same numbers in a table beside each chart).

pygal always writes a <style> element into its SVG (its colours and fonts are CSS classes), and
the site's CSP forbids inline styles: so each chart is served at its own address, with a CSP
allowing inline style for that response only (`views.results.chart`), shown through `<img alt>`,
where no script could run anyway; pygal's JavaScript is left out (`js=[]`) and its inline
config script removed, so the SVG holds no script at all."""

from dataclasses import dataclass

import pygal
from django.utils.translation import gettext as _
from pygal.etree import etree
from pygal.style import Style

from citypeers.feedback.selectors.results import SCALE, Figures

# Colours with at least 4.5:1 contrast on white for text, and the house's blue and orange.
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2933",
    foreground_strong="#1f2933",
    foreground_subtle="#52606d",
    colors=("#1d4ed8", "#b45309", "#047857"),
    font_family="sans-serif",
)


@dataclass(frozen=True)
class Chart:
    """One chart: what the address names it, its title, the alt text and how to draw it."""

    key: str
    title: str
    labels: list
    series: list  # (name, values)
    horizontal: bool = False

    @property
    def alt(self) -> str:
        return _("Chart: %(title)s. Its numbers are in the table beside it.") % {
            "title": self.title
        }


def charts_of(figures: Figures, *, prefix: str = "") -> dict[str, Chart]:
    """The charts of these figures by key (none when the figures are hidden)."""
    if figures.hidden:
        return {}
    charts = []
    for item in figures.ratings:
        labels = [str(n) for n in SCALE]
        charts.append(
            Chart(
                f"{prefix}rating-{item.key}",
                item.text,
                labels,
                [(_("Answers"), list(item.counts.values()))],
            )
        )
    if figures.before_after:
        charts.append(
            Chart(
                f"{prefix}before-after",
                _("Self-rated knowledge, mean from 1 to 5"),
                [item.text for item in figures.before_after],
                [
                    (_("Before"), [item.mean_before for item in figures.before_after]),
                    (_("After"), [item.mean_after for item in figures.before_after]),
                ],
                horizontal=True,
            )
        )
    for item in figures.sessions:
        charts.append(
            Chart(
                f"{prefix}sessions-{item.key}",
                item.text,
                [row.title for row in item.sessions],
                [(_("Mean rating"), [row.mean for row in item.sessions])],
                horizontal=True,
            )
        )
    return {chart.key: chart for chart in charts}


def chart_svg(chart: Chart) -> bytes:
    """The chart as a standalone SVG document, without script."""
    kind = pygal.HorizontalBar if chart.horizontal else pygal.Bar
    drawing = kind(
        style=STYLE,
        js=[],
        width=640,
        height=max(320, 60 + 44 * len(chart.labels)) if chart.horizontal else 320,
        title=chart.title,
        show_legend=len(chart.series) > 1,
        legend_at_bottom=True,
        print_values=True,
        truncate_label=40,
        x_labels=chart.labels,
    )
    for name, values in chart.series:
        drawing.add(name, values)
    tree = drawing.render_tree()
    # pygal writes its config as an inline <script> even with js=[]: none is needed to read a
    # chart, and the CSP would refuse it, so it goes.
    for parent in tree.iter():
        for script in [child for child in parent if str(child.tag).endswith("script")]:
            parent.remove(script)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


@dataclass(frozen=True)
class ChartedFigures:
    """The figures with each chart beside the numbers it draws, for a results page."""

    figures: Figures
    ratings: list  # (Distribution, Chart)
    before_after: Chart | None
    sessions: list  # (SessionRatings, Chart)


def charted(figures: Figures, *, prefix: str = "") -> ChartedFigures:
    charts = charts_of(figures, prefix=prefix)
    return ChartedFigures(
        figures=figures,
        ratings=[(item, charts.get(f"{prefix}rating-{item.key}")) for item in figures.ratings],
        before_after=charts.get(f"{prefix}before-after"),
        sessions=[(item, charts.get(f"{prefix}sessions-{item.key}")) for item in figures.sessions],
    )
