"""Review pages: the rubric, assigning reviewers, scoring, and the coordinators' overview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from citypeers.calls.forms.review import ConflictForm, CriterionFormSet, ScoreForm
from citypeers.calls.models import Call, ReviewAssignment
from citypeers.calls.selectors.applications import files_of
from citypeers.calls.selectors.calls import call_by_slug
from citypeers.calls.selectors.review import (
    REVIEW_OPEN,
    REVIEW_UPCOMING,
    assignments_of,
    progress_by_reviewer,
    review_phase,
    review_results,
    reviewers_of,
)
from citypeers.calls.services.review import (
    conflict_declare,
    reviewers_assign,
    rubric_save,
    scores_save,
)
from citypeers.calls.views.exports import review_results_table
from citypeers.core.errors import CallError
from citypeers.core.http import export_recorded, permission_required, requested_export


def _assignment(*, slug: str, pk: int, **_kwargs) -> ReviewAssignment:
    return get_object_or_404(
        ReviewAssignment.objects.select_related(
            "application__call", "application__applicant", "application__organisation"
        ).prefetch_related("application__preferences__visit__programme"),
        pk=pk,
        application__call__slug=slug,
    )


@permission_required("calls.review_call", call_by_slug)
def review_home(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    coordinator = request.user.has_perm("calls.manage_call", obj)
    context = {
        "call": obj,
        "coordinator": coordinator,
        "mine": assignments_of(obj, request.user),
        "phase_note": _phase_note(obj, review_phase(obj)),
    }
    if coordinator:
        results = review_results(obj)
        if export_format := requested_export(request):
            export_recorded(request, obj, what="review_results", rows=len(results))
            return review_results_table(results, export_format)
        context |= {
            "criteria": list(obj.criteria.all()),
            "reviewers": reviewers_of(obj),
            "progress": progress_by_reviewer(obj),
            "results": results,
            "disagreements": sum(r.disagreement for r in results),
        }
    return render(request, "calls/review.html", context)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def assign(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    report = reviewers_assign(call=obj, by=request.user)
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
        rubric_save(
            call=obj,
            by=request.user,
            criteria=[
                (position, form.save(commit=False))
                for position, form in enumerate(formset.ordered_forms)
                if form.has_changed() or form.instance.pk
            ],
            deleted=[form.instance for form in formset.deleted_forms if form.instance.pk],
        )
        if obj.criteria.exists():
            messages.success(request, _("The rubric is saved."))
        else:
            messages.warning(
                request,
                _(
                    "The rubric has no criterion: reviewers have nothing to score until you "
                    "add one."
                ),
            )
        return redirect("calls:review", slug=slug)
    return render(request, "calls/rubric.html", {"call": obj, "formset": formset})


def _phase_note(call: Call, phase: str) -> str:
    """Why nobody scores now, in words; empty while the review is open."""
    if phase == REVIEW_OPEN:
        return ""
    if phase == REVIEW_UPCOMING:
        return _("Scoring opens when the call closes.")
    return _("The review is over: the decisions are published. Scores can no longer change.")


def _refuse_outside_the_review(request: HttpRequest, assignment: ReviewAssignment) -> None:
    """A post outside the review's phase is refused (403) with the reason, nothing saved."""
    if not request.user.has_perm("calls.score_application", assignment):
        call = assignment.application.call
        raise PermissionDenied(_phase_note(call, review_phase(call)))


@permission_required("calls.view_assignment", _assignment)
def score(request: HttpRequest, slug: str, pk: int, obj: ReviewAssignment) -> HttpResponse:
    """The form while the review is open; the application and one's scores, read-only, else."""
    call = obj.application.call
    phase = review_phase(call)
    if request.method == "POST":
        _refuse_outside_the_review(request, obj)
    criteria = list(call.criteria.all())
    saved = {score.criterion_id: score for score in obj.scores.all()}
    initial = {}
    for criterion_id, given in saved.items():
        initial |= {f"score_{criterion_id}": given.value, f"comment_{criterion_id}": given.comment}
    form = ScoreForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            scores_save(assignment=obj, by=request.user, scores=form.scores())
        except CallError as refusal:  # the review ended since the page was opened
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your scores are saved."))
        return redirect("calls:review", slug=slug)
    context = {
        "call": call,
        "assignment": obj,
        "application": obj.application,
        "form": form,
        "conflict_form": ConflictForm(),
        "files": files_of(obj.application),
        "criteria": criteria,
        "phase_note": _phase_note(call, phase),
        "given": [(criterion, saved.get(criterion.pk)) for criterion in criteria],
    }
    return render(request, "calls/score.html", context)


@require_POST
@permission_required("calls.view_assignment", _assignment)
def conflict(request: HttpRequest, slug: str, pk: int, obj: ReviewAssignment) -> HttpResponse:
    _refuse_outside_the_review(request, obj)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say in a few words what the conflict is."))
        return redirect("calls:score", slug=slug, pk=pk)
    conflict_declare(assignment=obj, by=request.user, note=form.cleaned_data["note"])
    messages.success(request, _("Thank you: the application will go to another reviewer."))
    return redirect("calls:review", slug=slug)
