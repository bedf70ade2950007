"""Transfer action plans: the participant's own plan and its six-month follow-up; the plans
the visit's coordinators, host and expert may read, with comments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.errors import FeedbackError
from citypeers.core.http import (
    add_error_to_form,
    export_recorded,
    export_response,
    permission_required,
    requested_export,
)
from citypeers.feedback.forms.plans import (
    CommentForm,
    PlanForm,
    StepFollowUpForm,
    StepFormSet,
    require_for_submission,
    step_initial,
    steps_of,
    with_one_more_row,
)
from citypeers.feedback.models import ActionPlan
from citypeers.feedback.selectors.plans import (
    follow_up_opens_on,
    plan_detail,
    plan_of,
    plan_opens_on,
    plans_readable_by,
)
from citypeers.feedback.services.plans import plan_comment_add, plan_follow_up, plan_save
from citypeers.programmes.models import Visit
from citypeers.visits.views.guards import visit_in_address


def plan_in_address(*, programme: str, visit: str, pk: int, **_kwargs) -> ActionPlan:
    return get_object_or_404(
        ActionPlan.objects.select_related("visit__programme"),
        visit__programme__slug=programme,
        visit__slug=visit,
        pk=pk,
    )


def _not_open(request, visit: Visit, *, opens_on, follow_up: bool, plan=None) -> HttpResponse:
    context = {"visit": visit, "opens_on": opens_on, "follow_up": follow_up, "plan": plan}
    return render(request, "feedback/plan_not_open.html", context)


@permission_required("feedback.write_plan", visit_in_address)
def plan_write(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    opens_on = plan_opens_on(obj)
    if opens_on is None or timezone.localdate() < opens_on:
        return _not_open(request, obj, opens_on=opens_on, follow_up=False)
    plan = plan_of(obj, request.user)
    action = request.POST.get("action")
    data = with_one_more_row(request.POST, "steps") if action == "add_step" else request.POST
    data = data if request.method == "POST" else None
    form = PlanForm(data, instance=plan)
    steps = StepFormSet(data, prefix="steps", initial=step_initial(plan))
    if data is not None and action != "add_step" and form.is_valid() and steps.is_valid():
        if action == "submit":
            require_for_submission(form, steps_of(steps))
        if not form.errors:
            try:
                saved = plan_save(
                    visit=obj,
                    person=request.user,
                    texts=form.cleaned_data,
                    steps=steps_of(steps),
                    submit=action == "submit",
                )
            except FeedbackError as error:
                add_error_to_form(form, error)
            else:
                messages.success(request, _saved_message(saved, submitted_now=action == "submit"))
                return redirect("feedback:plan", programme=programme, visit=visit)
    context = {"visit": obj, "plan": plan, "form": form, "steps": steps}
    context["follow_up_on"] = follow_up_opens_on(obj)
    context["comments"] = plan_detail(plan).comments.all() if plan else []
    return render(request, "feedback/plan.html", context)


def _saved_message(plan: ActionPlan, *, submitted_now: bool) -> str:
    if submitted_now:
        return _("Your plan is submitted. You can still change it.")
    if plan.is_submitted:
        return _("Your plan is saved.")
    return _("Your draft is saved. Submit it when it is ready.")


@permission_required("feedback.view_plans", visit_in_address)
def plan_list(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    plans = list(plans_readable_by(request.user, obj))
    if (export := requested_export(request)) in {"csv", "xlsx"}:
        export_recorded(request, obj, what="action_plans", rows=len(plans))
        return export_response(
            headers=[
                _("Participant"),
                _("Status"),
                _("Submitted"),
                _("Steps done"),
                _("Steps"),
                _("What I learnt from the practice"),
                _("My own challenge"),
                _("What I will adapt, and why"),
            ],
            rows=[
                [
                    str(plan.person),
                    plan.get_status_display(),
                    timezone.localdate(plan.submitted_at) if plan.submitted_at else None,
                    plan.steps_done,
                    plan.steps_total,
                    plan.learnt,
                    plan.challenge,
                    plan.adaptation,
                ]
                for plan in plans
            ],
            filename=f"{obj.slug}-action-plans",
            export_format=export,
        )
    return render(request, "feedback/plan_list.html", {"visit": obj, "plans": plans})


@permission_required("feedback.view_plan", plan_in_address)
def plan_read(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: ActionPlan
) -> HttpResponse:
    may_comment = request.user.has_perm("feedback.comment_plan", obj)
    form = CommentForm(request.POST or None) if may_comment else None
    if request.method == "POST":
        if not may_comment:
            raise PermissionDenied(_("Only the host, the expert or a coordinator comments here."))
        if form.is_valid():
            try:
                plan_comment_add(plan=obj, body=form.cleaned_data["body"], by=request.user)
            except FeedbackError as error:
                add_error_to_form(form, error)
            else:
                messages.success(request, _("Your comment is added."))
                return redirect("feedback:plan_read", programme=programme, visit=visit, pk=pk)
    context = {"visit": obj.visit, "plan": plan_detail(obj), "form": form}
    return render(request, "feedback/plan_read.html", context)


@permission_required("feedback.write_plan", visit_in_address)
def plan_follow_up_page(
    request: HttpRequest, programme: str, visit: str, obj: Visit
) -> HttpResponse:
    plan, opens_on = plan_of(obj, request.user), follow_up_opens_on(obj)
    if plan is None or not plan.is_submitted or timezone.localdate() < opens_on:
        return _not_open(request, obj, opens_on=opens_on, follow_up=True, plan=plan)
    action = request.POST.get("action")
    data = with_one_more_row(request.POST, "new") if action == "add_step" else request.POST
    data = data if request.method == "POST" else None
    rows = [
        StepFollowUpForm(data, instance=step, prefix=f"s{step.pk}") for step in plan.steps.all()
    ]
    new = StepFormSet(data, prefix="new")
    refusals = []
    valid = data is not None and all([*(row.is_valid() for row in rows), new.is_valid()])
    if valid and action != "add_step":
        try:
            plan_follow_up(
                plan=plan,
                updates=[{"id": row.instance.pk, **row.cleaned_data} for row in rows],
                new_steps=steps_of(new),
                by=request.user,
            )
        except FeedbackError as error:
            refusals.append(error.message)
        else:
            messages.success(request, _("Your follow-up is saved. Thank you."))
            return redirect("feedback:plan", programme=programme, visit=visit)
    errored = [form for form in [*rows, *new.forms] if data is not None and form.errors]
    context = {"visit": obj, "plan": plan, "rows": rows, "new": new, "errored": errored}
    context["refusals"] = refusals
    return render(request, "feedback/plan_follow_up.html", context)
