"""Applicants' pages: open calls, applying, my applications, answering a decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls.enums import Outcome
from citypeers.calls.forms.applications import ApplicationForm, initial_for
from citypeers.calls.forms.hosts import HostApplicationForm
from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.calls import (
    application_of,
    applications_of,
    calls_by_state,
    calls_visible_to,
)
from citypeers.calls.selectors.calls import call_detail as call_for_page
from citypeers.calls.selectors.eligibility import hostable_practices, ineligibility_reasons
from citypeers.calls.services.applications import application_save, application_withdraw
from citypeers.calls.services.decisions import decision_respond
from citypeers.calls.texts.reasons import application_reason
from citypeers.core.errors import CallError


def call_list(request: HttpRequest) -> HttpResponse:
    context = {
        "groups": calls_by_state(viewer=request.user),
        "can_add": request.user.has_perm("calls.add_call"),
    }
    return render(request, "calls/list.html", context)


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        call = call_for_page(slug, viewer=request.user)
    except Call.DoesNotExist:
        raise Http404 from None
    application = application_of(call, request.user) if request.user.is_authenticated else None
    context = {
        "call": call,
        "state": call.state(),
        "application": application,
        "viewer_zone": getattr(request.user, "time_zone", None),
        "can_manage": request.user.has_perm("calls.manage_call", call),
        # A current reviewer assigned in the call (coordinators have their own links).
        "can_review": request.user.has_perm("calls.review_call", call),
    }
    return render(request, "calls/detail.html", context)


@login_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(calls_visible_to(request.user), slug=slug)
    application = application_of(call, request.user)
    # A sent application changes only by a complete submission: a "draft" of it would empty
    # fields the selection relies on while it still counts as sent.
    sent = application is not None and application.status == Application.Status.SUBMITTED
    submitting = request.POST.get("action") == "submit" or sent
    form_class, extra = ApplicationForm, {}
    if call.type == Call.Type.HOSTS:
        form_class, extra = HostApplicationForm, {"organisation": request.user.organisation}
    form = form_class(
        request.POST or None,
        request.FILES or None,
        call=call,
        submitting=submitting,
        application=application,
        initial=initial_for(application, request.user),
        **extra,
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = application_save(
                call=call,
                applicant=request.user,
                fields=form.fields_for_model(),
                preferences=form.chosen_visits(),
                answers=form.answers(),
                files=form.uploads(),
                consent=form.cleaned_data.get("consent", False),
                consent_shown=form.consent_shown,
                submit=submitting,
            )
        except CallError as error:
            form.add_error(None, error.message)
        else:
            if submitting and not saved.mailed:
                messages.info(request, _("Nothing changed: your application stays as you sent it."))
                return redirect("calls:mine")
            if submitting:
                messages.success(
                    request,
                    _(
                        "Your application is sent. A copy is on its way to "
                        "your mailbox; you can change it until the call "
                        "closes."
                    ),
                )
                return redirect("calls:mine")
            messages.success(
                request, _("Your draft is saved. Come back to finish it before the call closes.")
            )
            return redirect(saved.get_absolute_url())
    context = {
        "call": call,
        "form": form,
        "application": application,
        "state": call.state(),
        "organisation": request.user.organisation,
        "can_host": call.type == Call.Type.HOSTS
        and hostable_practices(request.user.organisation).exists(),
        "ineligible": ineligibility_reasons(
            call,
            application
            or Application(
                call=call, applicant=request.user, organisation=request.user.organisation
            ),
        ),
    }
    return render(request, "calls/apply.html", context)


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    rows = [
        (application, application_reason(application) if application.outcome else "")
        for application in applications_of(request.user)
    ]
    context = {"rows": rows, "now": timezone.now()}
    return render(request, "calls/mine.html", context)


@require_POST
@login_required
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    application = get_object_or_404(Application, call__slug=slug, applicant=request.user)
    try:
        application_withdraw(application=application, by=request.user)
    except CallError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Your application is withdrawn. You can send it again until the call closes."),
        )
    return redirect("calls:mine")


@login_required
def respond(request: HttpRequest, slug: str) -> HttpResponse:
    """The selected person's answer: confirm the place, or decline it for the next in line.
    GET asks "are you sure?" before a decline, which cannot be undone."""
    application = get_object_or_404(
        Application.objects.select_related("call", "outcome_visit"),
        call__slug=slug,
        applicant=request.user,
    )
    if request.method != "POST":
        if application.outcome != Outcome.SELECTED:
            return redirect("calls:mine")
        return render(request, "calls/decline.html", {"application": application})
    answer = request.POST.get("answer")
    if answer not in {"confirm", "decline"}:  # a decline cannot be undone: never by default
        messages.error(request, _("Choose to confirm or to decline your place."))
        return redirect("calls:mine")
    accept = answer == "confirm"
    try:
        decision_respond(application=application, by=request.user, accept=accept)
    except CallError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Your place is confirmed. See you at the visit!")
            if accept
            else _("Your place is declined; it goes to the next person waiting."),
        )
    return redirect("calls:mine")
