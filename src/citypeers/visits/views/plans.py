"""A visit made from a plan, and a plan given to a visit that has none."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.methodology.selectors.planner import plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.views.planner import planner_form
from citypeers.programmes.models import Visit
from citypeers.visits.forms import PlanForVisitForm, VisitFromPlanForm
from citypeers.visits.services.plans import (
    mode_mismatch,
    visit_apply_plan,
    visit_create_from_plan,
)
from citypeers.visits.views.guards import plannable, visit_in_address


@permission_required("visits.create_visit")
def create_from_plan(request: HttpRequest) -> HttpResponse:
    """The planner's parameters (in the address) plus programme, title and host."""
    plan_form, _versions = planner_form(request.GET)
    if plan_form is None or not plan_form.is_valid():
        messages.error(request, _("The plan has problems to fix first."))
        return redirect(f"{reverse('planner:plan')}?{request.GET.urlencode()}")
    form = VisitFromPlanForm(
        request.POST or None, user=request.user, initial={"title": plan_form.cleaned_data["topic"]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            visit = visit_create_from_plan(
                programme=form.cleaned_data["programme"],
                by=request.user,
                title=form.cleaned_data["title"],
                host_place=form.cleaned_data["host_place"],
                practice=form.cleaned_data["practice"],
                version=plan_form.version,
                request=plan_form.plan_request(),
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The visit is planned: its tasks and agenda are ready."))
            return redirect("visits:workspace", programme=visit.programme.slug, visit=visit.slug)
    context = {
        "form": form,
        "plan_form": plan_form,
        "version": plan_form.version,
    }
    return render(request, "visits/create_from_plan.html", context)


@plannable
@permission_required("visits.plan_visit", visit_in_address)
def apply_plan(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """The planner's parameters (in the address) given to a visit that has no plan: what will
    happen, then, on POST, the tasks and agenda."""
    plan_form, _versions = planner_form(request.GET)
    if plan_form is None or not plan_form.is_valid():
        messages.error(request, _("The plan has problems to fix first."))
        return redirect(f"{reverse('planner:plan')}?{request.GET.urlencode()}")
    version = plan_form.version  # the template chosen in the planner
    form = PlanForVisitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            visit_apply_plan(
                visit=obj,
                by=request.user,
                practice=form.cleaned_data["practice"],
                version=version,
                request=plan_form.plan_request(),
            )
        except VisitError as error:  # given a plan a moment ago (a double click), or refused
            messages.error(request, error.message)
        else:
            messages.success(request, _("The visit is planned: its tasks and agenda are ready."))
        return redirect("visits:workspace", programme=programme, visit=visit)
    plan = make_plan(plan_template(version), plan_form.plan_request(), today=timezone.localdate())
    context = {
        "visit": obj,
        "form": form,
        "plan": plan,
        "version": version,
        "refusal": mode_mismatch(obj, version.template.mode),
    }
    return render(request, "visits/apply_plan.html", context)
