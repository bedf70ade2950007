"""Recommendations for the host: the team adds them, the host answers each, everyone on the
visit reads them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.visits.forms import RecommendationAnswerForm, RecommendationForm
from citypeers.visits.permissions import recommendations_answerable_until
from citypeers.visits.selectors.recommendations import recommendations_of
from citypeers.visits.services.recommendations import recommendation_add, recommendation_answer
from citypeers.visits.views.guards import visit_in_address


def _page(request, obj: Visit, *, form=None, answering=None) -> HttpResponse:
    """The list, each recommendation with its answer form for the host (`answering` is one
    sent back with its errors)."""
    may_answer = request.user.has_perm("visits.answer_recommendation", obj)
    rows = []
    for item in recommendations_of(obj):
        answer_form = None
        if may_answer:
            answer_form = (
                answering
                if answering is not None and answering.prefix == f"r{item.pk}"
                else RecommendationAnswerForm(
                    prefix=f"r{item.pk}", initial={"status": item.status, "answer": item.answer}
                )
            )
        rows.append((item, answer_form))
    may_add = request.user.has_perm("visits.add_recommendation", obj)
    context = {
        "visit": obj,
        "rows": rows,
        "form": (form or RecommendationForm()) if may_add else None,
        "answer_until": recommendations_answerable_until(obj) if may_answer else None,
    }
    return render(request, "visits/recommendations.html", context)


@permission_required("visits.view_recommendations", visit_in_address)
def recommendations(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    if request.method != "POST":
        return _page(request, obj)
    if not request.user.has_perm("visits.add_recommendation", obj):
        raise PermissionDenied(_("Only the visit's team adds recommendations, until it is over."))
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            recommendation_add(visit=obj, text=form.cleaned_data["text"], by=request.user)
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The recommendation is added."))
            return redirect("visits:recommendations", programme=programme, visit=visit)
    return _page(request, obj, form=form)


@require_POST
@permission_required("visits.answer_recommendation", visit_in_address)
def recommendation_reply(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit
) -> HttpResponse:
    """The host's answer to one recommendation."""
    item = get_object_or_404(recommendations_of(obj), pk=pk)
    form = RecommendationAnswerForm(request.POST, prefix=f"r{item.pk}")
    if form.is_valid():
        try:
            recommendation_answer(recommendation=item, by=request.user, **form.cleaned_data)
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Your answer is saved."))
            return redirect("visits:recommendations", programme=programme, visit=visit)
    return _page(request, obj, answering=form)
