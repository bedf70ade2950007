"""Review pages: the rubric, assigning reviewers, scoring, and the coordinators' overview."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from citypeers.calls import review
from citypeers.calls.models import Call, ReviewAssignment
from citypeers.calls.review_forms import ConflictForm, CriterionFormSet, ScoreForm
from citypeers.calls.selectors import call_by_slug
from citypeers.core.http import export_response, permission_required, requested_export


def _assignment(*, slug: str, pk: int, **_kwargs) -> ReviewAssignment:
    return get_object_or_404(
        ReviewAssignment.objects.select_related(
            "application__call", "application__applicant", "application__organisation"
        ),
        pk=pk,
        application__call__slug=slug,
    )


def _results_export(results, export_format: str) -> HttpResponse:
    rows = [
        (
            r.application.pk,
            str(r.application.applicant),
            str(r.application.organisation or ""),
            r.mean,
            r.spread,
            "yes" if r.disagreement else "no",
            "; ".join(f"{reviewer}: {total}" for reviewer, total in r.totals),
        )
        for r in results
    ]
    headers = [
        _("Application"),
        _("Applicant"),
        _("Organisation"),
        _("Mean score"),
        _("Spread"),
        _("Disagreement"),
        _("Reviews"),
    ]
    return export_response(
        headers=headers, rows=rows, filename="citypeers-reviews", export_format=export_format
    )


@permission_required("calls.review_call", call_by_slug)
def review_home(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    coordinator = request.user.has_perm("calls.manage_call", obj)
    context = {
        "call": obj,
        "coordinator": coordinator,
        "mine": review.assignments_of(obj, request.user),
    }
    if coordinator:
        results = review.results(obj)
        if export_format := requested_export(request):
            return _results_export(results, export_format)
        context |= {
            "criteria": list(obj.criteria.all()),
            "reviewers": review.reviewers_of(obj),
            "progress": review.progress_by_reviewer(obj),
            "results": results,
            "disagreements": sum(r.disagreement for r in results),
        }
    return render(request, "calls/review.html", context)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def assign(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    report = review.assign_reviewers(call=obj, by=request.user)
    messages.success(
        request,
        ngettext("%(count)s review assigned.", "%(count)s reviews assigned.", report.created)
        % {"count": report.created},
    )
    if report.short:
        messages.error(
            request,
            ngettext(
                "%(count)s application still lacks reviewers: add reviewers to the programme.",
                "%(count)s applications still lack reviewers: add reviewers to the programme.",
                len(report.short),
            )
            % {"count": len(report.short)},
        )
    return redirect("calls:review", slug=slug)


@permission_required("calls.manage_call", call_by_slug)
def rubric(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    formset = CriterionFormSet(request.POST or None, queryset=obj.criteria.all(), prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        for form in formset.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        for position, form in enumerate(formset.ordered_forms):
            if form.has_changed() or form.instance.pk:
                criterion = form.save(commit=False)
                criterion.call, criterion.position = obj, position
                criterion.save()
        messages.success(request, _("The rubric is saved."))
        return redirect("calls:review", slug=slug)
    return render(request, "calls/rubric.html", {"call": obj, "formset": formset})


@permission_required("calls.score_application", _assignment)
def score(request: HttpRequest, slug: str, pk: int, obj: ReviewAssignment) -> HttpResponse:
    call = obj.application.call
    criteria = list(call.criteria.all())
    initial = {}
    for saved in obj.scores.all():
        initial |= {
            f"score_{saved.criterion_id}": saved.value,
            f"comment_{saved.criterion_id}": saved.comment,
        }
    form = ScoreForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        review.scores_save(assignment=obj, by=request.user, scores=form.scores())
        messages.success(request, _("Your scores are saved."))
        return redirect("calls:review", slug=slug)
    context = {
        "call": call,
        "assignment": obj,
        "application": obj.application,
        "form": form,
        "conflict_form": ConflictForm(),
        "criteria": criteria,
    }
    return render(request, "calls/score.html", context)


@require_POST
@permission_required("calls.score_application", _assignment)
def conflict(request: HttpRequest, slug: str, pk: int, obj: ReviewAssignment) -> HttpResponse:
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say in a few words what the conflict is."))
        return redirect("calls:score", slug=slug, pk=pk)
    review.conflict_declare(assignment=obj, by=request.user, note=form.cleaned_data["note"])
    messages.success(request, _("Thank you: the application will go to another reviewer."))
    return redirect("calls:review", slug=slug)
