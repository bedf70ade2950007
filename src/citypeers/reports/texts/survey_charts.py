"""The end-of-visit survey's charts for the report PDF's appendix: the same pygal charts as the
survey's results page (`feedback.texts.charts`), each embedded as a data: URI, since
WeasyPrint lays the PDF out without asking the site for anything, and each beside its numbers.
Only what a results page shows as charts goes in: no free text, which could point at people."""

import base64
from dataclasses import dataclass

from citypeers.feedback.selectors.results import Figures
from citypeers.feedback.texts.charts import Chart, chart_svg, charted


@dataclass(frozen=True)
class DrawnChart:
    chart: Chart

    @property
    def alt(self) -> str:
        return self.chart.alt

    @property
    def src(self) -> str:
        # An SVG whose only non-ASCII could be a question's text: base64 keeps it intact.
        return "data:image/svg+xml;base64," + base64.b64encode(chart_svg(self.chart)).decode()


@dataclass(frozen=True)
class SurveyAppendix:
    figures: Figures
    ratings: list  # (Distribution, DrawnChart)
    before_after: DrawnChart | None
    sessions: list  # (SessionRatings, DrawnChart)


def survey_appendix(figures: Figures) -> SurveyAppendix | None:
    """The appendix in the active language; None when the figures are hidden or hold no chart."""
    results = charted(figures, prefix="survey-")
    if figures.hidden or not (results.ratings or results.before_after or results.sessions):
        return None
    return SurveyAppendix(
        figures=figures,
        ratings=[(item, DrawnChart(chart)) for item, chart in results.ratings],
        before_after=DrawnChart(results.before_after) if results.before_after else None,
        sessions=[(item, DrawnChart(chart)) for item, chart in results.sessions],
    )
