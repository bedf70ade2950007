"""Coordinators' list of a call's applications: eligibility (and overriding it), exports,
choosing a host; one application's page, for coordinators and its reviewers."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls.forms.applications import EligibilityForm
from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.applications import (
    application_conflicts,
    application_history,
    application_neighbours,
    application_reviews,
    application_rows,
    asks_for_files,
    files_of,
    sent_application,
)
from citypeers.calls.selectors.calls import call_by_slug
from citypeers.calls.selectors.eligibility import (
    applicant_country,
    hosting_organisations,
    ineligibility_reasons,
    is_eligible,
)
from citypeers.calls.services.applications import application_eligibility_decide
from citypeers.calls.services.hosts import host_select as host_choose
from citypeers.calls.texts.application import answer_rows, history_rows
from citypeers.calls.texts.reasons import application_reason
from citypeers.calls.views.exports import applications_table
from citypeers.core.errors import CallError
from citypeers.core.http import export_recorded, paginate, permission_required, requested_export


@permission_required("calls.manage_call", call_by_slug)
def applications(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    rows = application_rows(obj)
    files = asks_for_files(obj)
    if export_format := requested_export(request):
        export_recorded(request, obj, what="applications", rows=len(rows))
        return applications_table(obj, rows, export_format, files=files)
    page = paginate(request, rows, per_page=50)
    context = {"call": obj, "page": page, "total": len(rows), "state": obj.state()}
    return render(request, "calls/applications.html", context | {"has_file_questions": files})


@permission_required("calls.view_application", sent_application)
def application_detail(request: HttpRequest, slug: str, pk: int, obj: Application) -> HttpResponse:
    """Every answer, the files and the history; coordinators also read the reviews and
    conflicts. A reviewer of a blind review sees no name and no organisation."""
    call = obj.call
    coordinator = request.user.has_perm("calls.manage_call", call)
    blind = call.blind_review and not coordinator
    reviewer = None if coordinator else request.user
    hosting = hosting_organisations() if call.type == Call.Type.HOSTS else None
    reasons = ineligibility_reasons(call, obj, hosting=hosting)
    before, after = application_neighbours(obj, reviewer=reviewer)
    context = {
        "call": call,
        "application": obj,
        "coordinator": coordinator,
        "blind": blind,
        "country": applicant_country(obj),
        "eligible": is_eligible(call, obj, reasons),
        "reasons": reasons,
        "answers": answer_rows(obj, list(call.questions.all())),
        "files": files_of(obj),
        "outcome_reason": application_reason(obj) if obj.outcome else "",
        "history": history_rows(application_history(obj), obj, blind=blind, names=coordinator),
        "previous": before,
        "next": after,
    }
    if coordinator:
        context |= {"reviews": application_reviews(obj), "conflicts": application_conflicts(obj)}
    return render(request, "calls/application.html", context)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def host_select(request: HttpRequest, slug: str, pk: int, obj: Call) -> HttpResponse:
    """Chooses a host: its visit is created and planned from the methodology in one step."""
    application = get_object_or_404(Application, pk=pk, call=obj)
    try:
        visit = host_choose(call=obj, application=application, by=request.user)
    except CallError as error:
        messages.error(request, error.message)
        return redirect("calls:applications", slug=slug)
    messages.success(
        request,
        _("%(name)s hosts “%(visit)s”: the visit is planned and its host is told.")
        % {"name": application.applicant, "visit": visit.title},
    )
    return redirect("visits:workspace", programme=visit.programme.slug, visit=visit.slug)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def eligibility(request: HttpRequest, slug: str, pk: int, obj: Call) -> HttpResponse:
    application = get_object_or_404(Application, pk=pk, call=obj)
    # Back where the decision was taken: the application's own page, or the list.
    back = (
        redirect("calls:application", slug=slug, pk=pk)
        if request.POST.get("back") == "application"
        else redirect("calls:applications", slug=slug)
    )
    form = EligibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the rules do not decide this one."))
        return back
    application_eligibility_decide(
        application=application,
        by=request.user,
        decision=form.cleaned_data["decision"],
        reason=form.cleaned_data["reason"],
    )
    messages.success(
        request, _("The eligibility of %(name)s is saved.") % {"name": application.applicant}
    )
    return back
