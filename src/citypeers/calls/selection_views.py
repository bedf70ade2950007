"""The selection page: settings per visit, runs of the optimiser, results with reasons."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls import selection
from citypeers.calls.models import Call, Outcome, SelectionRun
from citypeers.calls.placements import (
    Placement,
    placements_changed,
    run_placements,
    waiting_lists,
)
from citypeers.calls.reasons import reason_text
from citypeers.calls.selection_exports import selection_table
from citypeers.calls.selection_forms import OverrideForm, SelectionSettingsForm
from citypeers.calls.selectors import call_by_slug, published_places, published_run
from citypeers.core.audit import log_action
from citypeers.core.http import permission_required, requested_export

# How a comparison orders people by where the later run puts them; not considered comes last.
OUTCOME_ORDER = [Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED]


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
        "comparison": _comparison(request, obj),
        "override_form": OverrideForm(call=obj),
        "overrides": obj.selection_overrides.select_related("application__applicant", "visit"),
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
    numbers = [number for number in map(_run_number, asked) if number is not None]
    if len(asked) != 2 or len(numbers) != 2:
        return comparison | {"error": _("Choose two runs to compare.")}
    if numbers[0] == numbers[1]:
        return comparison | {"error": _("Choose two different runs to compare.")}
    if missing := [number for number in numbers if number not in finished]:
        message = _("This call has no run %(number)s with a result to compare.")
        return comparison | {"error": message % {"number": missing[0]}}
    before, after = sorted(runs.filter(number__in=numbers), key=lambda r: numbers.index(r.number))
    moved = _moved(call, before, after)
    return comparison | {"numbers": numbers, "before": before, "after": after, "moved": moved}


def _run_number(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:  # not a number, or too long to be one
        return None


def _moved(call: Call, before: SelectionRun, after: SelectionRun) -> list[dict]:
    """A row per person placed differently, in the order of where `after` puts them: places
    visit by visit, then waiting lists, then not selected, then not considered."""
    changed = placements_changed(before, after)
    people = call.applications.filter(pk__in=list(changed)).select_related("applicant")
    names = {str(application.pk): application.applicant for application in people}
    titles = {str(visit.pk): visit.title for visit in call.visits.order_by("starts_on", "pk")}
    waiting = {
        key for key, (_old, new) in changed.items() if new and new.outcome == Outcome.WAITLISTED
    }
    rows = [
        {
            "person": names.get(key),
            "before": _placement_text(old, titles),
            "after": _placement_text(new, titles),
            "reason": _reason(after.result or {}, key, titles, waiting) if new else "",
            "order": (_placement_order(new, list(titles)), str(names.get(key, "")).casefold()),
        }
        for key, (old, new) in changed.items()
    ]
    return sorted(rows, key=lambda row: row["order"])


def _placement_order(placement: Placement | None, visits: list[str]) -> tuple:
    if placement is None:
        return (len(OUTCOME_ORDER),)
    visit = visits.index(placement.visit) if placement.visit in visits else 0
    return (OUTCOME_ORDER.index(placement.outcome), visit, placement.position or 0)


def _placement_text(placement: Placement | None, titles: dict[str, str]) -> str:
    if placement is None:
        return _("not considered in this run")
    title = titles.get(placement.visit, "")
    if placement.outcome == Outcome.SELECTED:
        return _("a place on “%(visit)s”") % {"visit": title}
    if placement.outcome == Outcome.WAITLISTED:
        return _("waiting list of “%(visit)s”, position %(position)s") % {
            "visit": title,
            "position": placement.position,
        }
    return _("not selected")


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
