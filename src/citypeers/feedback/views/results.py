"""Survey results: one survey of a visit, or a programme's surveys by moment; each chart at its
own address (an SVG), each with its table; the raw answers as CSV or XLSX."""

from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from citypeers.core.http import (
    export_recorded,
    export_response,
    permission_required,
    requested_export,
)
from citypeers.feedback.enums import Anonymity
from citypeers.feedback.models import Survey
from citypeers.feedback.selectors.results import (
    programme_figures,
    programme_surveys,
    raw_answers,
    survey_figures,
)
from citypeers.feedback.selectors.surveys import survey_of
from citypeers.feedback.texts.charts import chart_svg, charted, charts_of
from citypeers.feedback.texts.results import answers_export
from citypeers.programmes.models import Programme, Visit
from citypeers.visits.views.guards import visit_in_address

RESULT_EXPORTS = {"csv", "xlsx"}
# pygal's SVG styles itself with a <style> element: allowed for the chart responses only.
CHART_CSP = {"style-src": ["'unsafe-inline'"]}


def programme_in_address(*, programme: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=programme)


def _survey(obj: Visit, pk: int) -> Survey:
    survey = survey_of(obj, pk)
    if survey is None:
        raise Http404(_("No such survey on this visit."))
    return survey


def _export(request, surveys, filename: str, *, about) -> HttpResponse:
    pseudonymous = surveys.filter(anonymity=Anonymity.PSEUDONYMOUS).exists()
    headers, rows = answers_export(raw_answers(surveys), pseudonymous=pseudonymous)
    export_recorded(request, about, what="survey_answers", rows=len(rows))
    return export_response(
        headers=headers, rows=rows, filename=filename, export_format=requested_export(request)
    )


@permission_required("feedback.run_surveys", visit_in_address)
def results(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit) -> HttpResponse:
    survey = _survey(obj, pk)
    if requested_export(request) in RESULT_EXPORTS:
        surveys, name = Survey.objects.filter(pk=survey.pk), f"{obj.slug}-{survey.moment}"
        return _export(request, surveys, name, about=survey)
    context = {
        "visit": obj,
        "survey": survey,
        "results": charted(survey_figures(survey)),
        "chart_base": request.path + "charts/",
    }
    return render(request, "feedback/results.html", context)


@csp_update(CHART_CSP)
@permission_required("feedback.run_surveys", visit_in_address)
def chart(
    request: HttpRequest, programme: str, visit: str, pk: int, key: str, obj: Visit
) -> HttpResponse:
    chart = charts_of(survey_figures(_survey(obj, pk))).get(key)
    if chart is None:
        raise Http404(_("No such chart."))
    return HttpResponse(chart_svg(chart), content_type="image/svg+xml")


@permission_required("feedback.view_programme_results", programme_in_address)
def programme_results(request: HttpRequest, programme: str, obj: Programme) -> HttpResponse:
    if requested_export(request) in RESULT_EXPORTS:
        return _export(request, programme_surveys(obj), f"{obj.slug}-surveys", about=obj)
    moments = [
        (moment, charted(moment.figures, prefix=f"{moment.moment}-"))
        for moment in programme_figures(obj)
    ]
    context = {"programme": obj, "moments": moments, "chart_base": request.path + "charts/"}
    return render(request, "feedback/results_programme.html", context)


@csp_update(CHART_CSP)
@permission_required("feedback.view_programme_results", programme_in_address)
def programme_chart(request: HttpRequest, programme: str, key: str, obj: Programme) -> HttpResponse:
    for moment in programme_figures(obj):
        if chart := charts_of(moment.figures, prefix=f"{moment.moment}-").get(key):
            return HttpResponse(chart_svg(chart), content_type="image/svg+xml")
    raise Http404(_("No such chart."))
