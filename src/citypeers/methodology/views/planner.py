"""The public visit planner at /<lang>/planner/: every plan is a shareable address."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from citypeers.methodology.enums import Severity
from citypeers.methodology.forms.planner import DEFAULT_ZONE, PlannerForm, default_start
from citypeers.methodology.selectors.planner import current_versions_by_mode, plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.texts.plan_exports import plan_csv_response, plan_ics, plan_pdf


def _defaults(versions: dict, mode: str, today) -> dict:
    version = versions.get(mode) or next(iter(versions.values()))
    return {
        "mode": version.template.mode,
        "start": default_start(today).isoformat(),
        "days": version.default_days,
        "participants": version.default_participants,
        "host_tz": DEFAULT_ZONE,
    }


def _fix_links(request: HttpRequest, plan) -> tuple[list, list]:
    """Each warning with the address of the plan that applies its fix, when one exists: the
    ones to fix, then the minor notes shown folded."""
    links = []
    for warning in plan.warnings:
        url = None
        if warning.fix.changes:
            query = request.GET.copy()
            query.pop("export", None)
            for name, value in warning.fix.changes.items():
                query[name] = str(value)
            url = "?" + query.urlencode()
        links.append((warning, url))
    minor = [pair for pair in links if pair[0].severity == Severity.MINOR]
    return [pair for pair in links if pair[0].severity != Severity.MINOR], minor


def planner_form(params) -> tuple[PlannerForm | None, dict]:
    """The planner's form bound to `params` (defaults filling the gaps), and the template
    versions by mode; no form when there is no template to plan with."""
    versions = current_versions_by_mode()
    if not versions:
        return None, versions
    form = PlannerForm(
        params,
        defaults=_defaults(versions, params.get("mode", ""), timezone.localdate()),
        day_ranges={mode: (v.min_days, v.max_days) for mode, v in versions.items()},
    )
    return form, versions


def planner(request: HttpRequest) -> HttpResponse:
    form, versions = planner_form(request.GET)
    if form is None:
        return render(request, "methodology/planner.html", {"form": None})
    today = timezone.localdate()
    context = {"form": form, "plan": None}
    if form.is_valid():
        version = versions[form.cleaned_data["mode"]]
        plan = make_plan(plan_template(version), form.plan_request(), today=today)
        topic = form.cleaned_data["topic"]
        title = topic or _("Peer-learning visit")
        warnings, minor_warnings = _fix_links(request, plan)
        context |= {
            "plan": plan,
            "version": version,
            "title": title,
            "warnings": warnings,
            "minor_warnings": minor_warnings,
            "host_country": countries.name(plan.request.host_country)
            if plan.request.host_country
            else "",
            "can_create_visit": request.user.has_perm("visits.create_visit"),
        }
        export = request.GET.get("export")
        if export == "csv":
            return plan_csv_response(plan, export)
        if export == "ics":
            response = HttpResponse(plan_ics(plan, title=title), content_type="text/calendar")
            response["Content-Disposition"] = 'attachment; filename="citypeers-plan.ics"'
            return response
        if export == "pdf":
            pdf = plan_pdf(context, request.build_absolute_uri("/").rstrip("/"))
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = 'inline; filename="citypeers-plan.pdf"'
            return response
    return render(request, "methodology/planner.html", context)
