"""A visit's surveys page for its team: when each goes out, how answers are kept, who answered
(live), sending one now."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import FeedbackError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.feedback.enums import SURVEY_OPEN_DAYS
from citypeers.feedback.forms.surveys import AnonymityForm
from citypeers.feedback.selectors.surveys import survey_of, surveys_of
from citypeers.feedback.services.surveys import (
    survey_anonymity_change,
    survey_send_now,
    surveys_schedule,
)
from citypeers.programmes.models import Visit
from citypeers.visits.selectors.feeds import visit_zone
from citypeers.visits.views.guards import visit_in_address


def _page(request, obj: Visit, *, bound: AnonymityForm | None = None) -> HttpResponse:
    rows = surveys_of(obj)
    forms = {
        row.survey.pk: AnonymityForm(
            prefix=f"s{row.survey.pk}", initial={"anonymity": row.survey.anonymity}
        )
        for row in rows
        if row.anonymity_editable
    }
    if bound is not None:  # sent back with its error, even once the survey is no longer open
        forms[int(bound.prefix[1:])] = bound
    context = {
        "visit": obj,
        "rows": [(row, forms.get(row.survey.pk)) for row in rows],
        "zone": visit_zone(obj),
    }
    return render(request, "feedback/surveys.html", context, status=400 if bound else 200)


@permission_required("feedback.run_surveys", visit_in_address)
def surveys(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    return _page(request, obj)


@permission_required("feedback.run_surveys", visit_in_address)
def survey_rates(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """The response rates alone: what the surveys page polls every 10 seconds."""
    context = {"visit": obj, "rows": [(row, None) for row in surveys_of(obj)]}
    return render(request, "feedback/_survey_rates.html", context)


@require_POST
@permission_required("feedback.run_surveys", visit_in_address)
def surveys_prepare(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    result = surveys_schedule(visit=obj, by=request.user)
    if result.created or result.moved or result.removed:
        messages.success(request, _("The surveys follow the agenda as it is now."))
    else:
        messages.info(request, _("The surveys already follow the agenda; nothing changed."))
    if result.missing_templates:
        messages.warning(
            request, _("Some moments have no survey template yet, so they have no survey.")
        )
    return redirect("feedback:surveys", programme=programme, visit=visit)


@require_POST
@permission_required("feedback.run_surveys", visit_in_address)
def survey_anonymity(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit
) -> HttpResponse:
    survey = survey_of(obj, pk) or _not_found()
    form = AnonymityForm(request.POST, prefix=f"s{survey.pk}")
    if form.is_valid():
        try:
            survey_anonymity_change(
                survey=survey, anonymity=form.cleaned_data["anonymity"], by=request.user
            )
        except FeedbackError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("How the answers are kept is saved."))
            return redirect("feedback:surveys", programme=programme, visit=visit)
    return _page(request, obj, bound=form)


@permission_required("feedback.run_surveys", visit_in_address)
def survey_send(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit
) -> HttpResponse:
    """Asks to confirm, then sends the survey now instead of at its time."""
    survey = survey_of(obj, pk) or _not_found()
    error = None
    if request.method == "POST":
        try:
            survey_send_now(survey=survey, by=request.user)
        except FeedbackError as refused:
            error = refused.message
        else:
            messages.success(request, _("The survey is being sent; the rates follow below."))
            return redirect("feedback:surveys", programme=programme, visit=visit)
    context = {
        "visit": obj,
        "survey": survey,
        "error": error,
        "zone": visit_zone(obj),
        "open_days": SURVEY_OPEN_DAYS,
    }
    return render(request, "feedback/survey_send.html", context, status=400 if error else 200)


def _not_found():
    raise Http404(_("No such survey on this visit."))
