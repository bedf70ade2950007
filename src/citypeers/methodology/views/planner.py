"""The public visit planner at /<lang>/planner/: every plan is a shareable address."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from citypeers.core.http import whole_number
from citypeers.methodology.enums import Severity
from citypeers.methodology.forms.planner import DEFAULT_ZONE, PlannerForm, default_start
from citypeers.methodology.selectors.planner import current_versions, main_versions, plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.texts.plan_exports import plan_csv_response, plan_ics, plan_pdf
from citypeers.programmes.models import Visit


def _defaults(versions: dict, params, today) -> dict:
    """The chosen template's figures; `mode=` alone (older addresses) means the mode's main
    template, and a mode without a template is refused at the template field."""
    mode = params.get("mode", "")
    chosen = versions.get(params.get("template", "")) or main_versions(versions).get(mode)
    version = chosen or next(iter(versions.values()))
    return {
        "template": mode if mode and not chosen else version.template.slug,
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
    """The planner's form bound to `params` (defaults filling the gaps), and the templates'
    current versions by address (`form.version` is the chosen one); no form when there is no
    template to plan with."""
    versions = current_versions()
    if not versions:
        return None, versions
    form = PlannerForm(
        params, defaults=_defaults(versions, params, timezone.localdate()), versions=versions
    )
    return form, versions


def _visit_to_plan(request: HttpRequest) -> Visit | None:
    """The visit named by `?visit=`, when the person may give it a plan (else none: the
    planner stays the public planner)."""
    pk = whole_number(request.GET.get("visit"))
    visit = Visit.objects.select_related("programme").filter(pk=pk).first() if pk else None
    return visit if visit and request.user.has_perm("visits.plan_visit", visit) else None


def planner(request: HttpRequest) -> HttpResponse:
    form, _versions = planner_form(request.GET)
    if form is None:
        return render(request, "methodology/planner.html", {"form": None})
    today = timezone.localdate()
    context = {"form": form, "plan": None, "visit_to_plan": _visit_to_plan(request)}
    if form.is_valid():
        version = form.version
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
