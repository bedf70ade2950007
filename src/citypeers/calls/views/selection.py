"""The selection page: settings per visit, runs of the optimiser, results with reasons, and
who two runs place differently."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from citypeers.calls.forms.selection import OverrideForm, SelectionSettingsForm
from citypeers.calls.models import Call, SelectionRun
from citypeers.calls.selectors.calls import call_by_slug, published_places, published_run
from citypeers.calls.selectors.placements import answered_applications
from citypeers.calls.selectors.review import reviews_missing
from citypeers.calls.selectors.selection import selection_export
from citypeers.calls.services.calls import call_selection_settings_save
from citypeers.calls.services.selection import (
    selection_override_save,
    selection_runs_fail_stuck,
    selection_start,
)
from citypeers.calls.texts.selection import moved_rows, named_result
from citypeers.calls.views.exports import selection_table
from citypeers.core.http import export_recorded, permission_required, requested_export, whole_number


@permission_required("calls.manage_call", call_by_slug)
def selection_page(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    runs = list(obj.selection_runs.select_related("created_by")[:10])
    selection_runs_fail_stuck(runs=runs)  # a run whose worker died is shown failed, with why
    latest = next((run for run in runs if run.is_finished), None)
    if export_format := requested_export(request):
        export = selection_export(obj, latest)
        rows = len(export["applications"])
        export_recorded(request, obj, what="selection", rows=rows)
        if export_format == "json":
            return JsonResponse(export, json_dumps_params={"ensure_ascii": False})
        return selection_table(obj, latest, export["applications"], export_format)
    form = SelectionSettingsForm(request.POST or None, call=obj)
    if request.method == "POST" and form.is_valid():
        call_selection_settings_save(call=obj, by=request.user, settings=form.settings())
        messages.success(request, _("The selection settings are saved."))
        return redirect("calls:selection", slug=slug)
    published = published_run(obj)
    context = {
        "call": obj,
        "form": form,
        "runs": runs,
        "latest": latest,
        "running": any(not run.is_finished for run in runs),
        "result": named_result(obj, latest),
        "submitted": obj.applications.filter(status="submitted").count(),
        "reviews_missing": reviews_missing(obj),
        "answers_given": answered_applications(obj).count(),
        "published": published_places(obj, published),
        "published_run": published,
        "comparison": _comparison(request, obj),
        "override_form": OverrideForm(call=obj),
        "overrides": obj.selection_overrides.select_related(
            "application__applicant", "visit__programme"
        ),
    }
    return render(request, "calls/selection.html", context)


def _comparison(request: HttpRequest, call: Call) -> dict | None:
    """`?compare=3,5`, or `compare=3&compare=5` as the form sends it: who is placed differently
    by run 5 than by run 3; None when there is nothing to compare and nothing was asked."""
    runs = call.selection_runs.filter(status=SelectionRun.Status.DONE).order_by("-number")
    finished = dict(runs.values_list("number", "created_at"))
    asked = [part.strip() for value in request.GET.getlist("compare") for part in value.split(",")]
    comparison = {"choices": finished, "numbers": list(finished)[1::-1], "error": None}
    if not any(asked):
        return comparison if len(finished) > 1 else None
    numbers = [number for number in map(whole_number, asked) if number is not None]
    if len(asked) != 2 or len(numbers) != 2:
        return comparison | {"error": _("Choose two runs to compare.")}
    if numbers[0] == numbers[1]:
        return comparison | {"error": _("Choose two different runs to compare.")}
    if missing := [number for number in numbers if number not in finished]:
        message = _("This call has no run %(number)s with a result to compare.")
        return comparison | {"error": message % {"number": missing[0]}}
    before, after = sorted(runs.filter(number__in=numbers), key=lambda r: numbers.index(r.number))
    moved = moved_rows(call, before, after)
    return comparison | {"numbers": numbers, "before": before, "after": after, "moved": moved}


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def selection_override(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    form = OverrideForm(request.POST, call=obj)
    if form.is_valid():
        data = form.cleaned_data
        selection_override_save(
            call=obj,
            by=request.user,
            application=data["application"],
            kind=data["kind"],
            visit=data["visit"],
            reason=data["reason"],
        )
        messages.success(request, _("Saved; it applies from the next run."))
    else:
        problems = [str(e) for errors in form.errors.values() for e in errors]
        messages.error(request, " ".join(problems))
    return redirect("calls:selection", slug=slug)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def selection_run(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    # Two steps a coordinator takes knowingly: running before every review is in, and
    # starting a new round once decisions are out. The page asks; a post without the tick
    # (an old page, a double click from it) is sent back with what the tick is for.
    missing = reviews_missing(obj)
    if missing and request.POST.get("despite_missing_reviews") != "yes":
        messages.error(
            request,
            ngettext(
                "%(count)s review is not done yet: tick that you run the selection without it.",
                "%(count)s reviews are not done yet: tick that you run the selection without them.",
                missing,
            )
            % {"count": missing},
        )
        return redirect("calls:selection", slug=slug)
    if published_run(obj) and request.POST.get("new_round") != "yes":
        messages.error(
            request,
            _("The decisions are published: tick that you start a new selection round."),
        )
        return redirect("calls:selection", slug=slug)
    run = selection_start(call=obj, by=request.user)
    messages.success(
        request,
        _("Run %(number)s has started; this page shows it when it is done.")
        % {"number": run.number},
    )
    return redirect("calls:selection", slug=slug)
