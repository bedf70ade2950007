"""The selection page: settings per visit, runs of the optimiser, results with reasons."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls import selection
from citypeers.calls.models import Call
from citypeers.calls.placements import run_placements, waiting_lists
from citypeers.calls.reasons import reason_text
from citypeers.calls.selection_exports import selection_table
from citypeers.calls.selection_forms import OverrideForm, SelectionSettingsForm
from citypeers.calls.selectors import call_by_slug, published_places, published_run
from citypeers.core.audit import log_action
from citypeers.core.http import permission_required, requested_export


def _reason(result: dict, application_id: str, titles: dict[str, str], waiting: set) -> str:
    decision = result.get("decisions", {}).get(application_id, {})
    fallback = decision.get("reason") or ""
    return reason_text(decision.get("why"), titles, fallback, waiting=application_id in waiting)


def _named_result(call: Call, run) -> dict | None:
    """The latest finished run's result with people and visits by name, for the page."""
    if run is None or not run.result:
        return None
    result = run.result
    applications = {str(a.pk): a for a in call.applications.select_related("applicant")}
    visits = {str(v.pk): v for v in call.visits.all()}
    lists = waiting_lists(run_placements(run))
    waiting = {a for people in lists.values() for a in people}
    titles = {key: visit.title for key, visit in visits.items()}
    return {
        "status": result.get("status"),
        "gap": result.get("gap"),
        "infeasible": [
            quota | {"visit_name": getattr(visits.get(str(quota.get("visit"))), "title", "")}
            for quota in result.get("infeasible_quotas", [])
        ],
        "visits": [
            {
                "visit": visits.get(visit_id),
                "selected": [
                    (applications.get(a), _reason(result, a, titles, waiting)) for a in people
                ],
                "waiting": [
                    (applications.get(a), _reason(result, a, titles, waiting))
                    for a in lists.get(visit_id, [])
                ],
            }
            for visit_id, people in result.get("assignments", {}).items()
        ],
        "not_selected": [
            (applications.get(a), _reason(result, a, titles, waiting))
            for a, decision in result.get("decisions", {}).items()
            if not decision.get("visit") and a not in waiting
        ],
    }


@permission_required("calls.manage_call", call_by_slug)
def selection_page(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    runs = list(obj.selection_runs.select_related("created_by")[:10])
    latest = next((run for run in runs if run.is_finished), None)
    if export_format := requested_export(request):
        export = selection.selection_export(obj, latest)
        if export_format == "json":
            return JsonResponse(export, json_dumps_params={"ensure_ascii": False})
        return selection_table(obj, latest, export["applications"], export_format)
    form = SelectionSettingsForm(request.POST or None, call=obj)
    if request.method == "POST" and form.is_valid():
        obj.selection_settings = form.settings()
        obj.save(update_fields=["selection_settings"])
        log_action(obj, "selection.settings", by=request.user, changes=obj.selection_settings)
        messages.success(request, _("The selection settings are saved."))
        return redirect("calls:selection", slug=slug)
    published = published_run(obj)
    context = {
        "call": obj,
        "form": form,
        "runs": runs,
        "latest": latest,
        "running": any(not run.is_finished for run in runs),
        "result": _named_result(obj, latest),
        "submitted": obj.applications.filter(status="submitted").count(),
        "published": published_places(obj, published),
        "published_run": published,
        "override_form": OverrideForm(call=obj),
        "overrides": obj.selection_overrides.select_related("application__applicant", "visit"),
    }
    return render(request, "calls/selection.html", context)


def _comparison(request: HttpRequest, call: Call) -> dict | None:
    """`?compare=3,5`: who moved between runs 3 and 5, and why."""
    numbers = (request.GET.get("compare") or "").split(",")
    if len(numbers) != 2 or not all(n.strip().isdigit() for n in numbers):
        return None
    runs = {
        run.number: run
        for run in call.selection_runs.filter(number__in=[int(n) for n in numbers], status="done")
    }
    before, after = (runs.get(int(n)) for n in numbers)
    if before is None or after is None:
        return None
    names = {str(a.pk): a.applicant for a in call.applications.select_related("applicant")}
    visits = {str(v.pk): v.title for v in call.visits.all()}
    moved = [
        row
        | {
            "person": names.get(row["application"]),
            "before_name": visits.get(row["before"]),
            "after_name": visits.get(row["after"]),
        }
        for row in selection.runs_compared(before, after)
    ]
    return {"before": before, "after": after, "moved": moved}


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def selection_override(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    form = OverrideForm(request.POST, call=obj)
    if form.is_valid():
        data = form.cleaned_data
        selection.override_save(
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
    run = selection.selection_start(call=obj, by=request.user)
    messages.success(
        request,
        _("Run %(number)s has started; this page shows it when it is done.")
        % {"number": run.number},
    )
    return redirect("calls:selection", slug=slug)
