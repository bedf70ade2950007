from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls import selectors, services
from citypeers.calls.decisions import decision_respond
from citypeers.calls.eligibility import ineligibility_reasons
from citypeers.calls.forms import ApplicationForm, initial_for
from citypeers.calls.host_forms import HostApplicationForm
from citypeers.calls.hosts import hostable_practices
from citypeers.calls.models import Application, Call, Outcome
from citypeers.core.errors import CallError


def call_list(request: HttpRequest) -> HttpResponse:
    context = {
        "groups": selectors.calls_by_state(),
        "can_add": request.user.has_perm("calls.add_call"),
    }
    return render(request, "calls/list.html", context)


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        call = selectors.call_detail(slug)
    except Call.DoesNotExist:
        raise Http404 from None
    application = (
        selectors.application_of(call, request.user) if request.user.is_authenticated else None
    )
    context = {
        "call": call,
        "state": call.state(),
        "application": application,
        "viewer_zone": getattr(request.user, "time_zone", None),
        "can_manage": request.user.has_perm("calls.manage_call", call),
    }
    return render(request, "calls/detail.html", context)


@login_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(Call, slug=slug)
    application = selectors.application_of(call, request.user)
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
            saved = services.application_save(
                call=call,
                applicant=request.user,
                fields=form.fields_for_model(),
                preferences=form.chosen_visits(),
                answers=form.answers(),
                files=form.uploads(),
                consent=form.cleaned_data.get("consent", False),
                submit=submitting,
            )
        except CallError as error:
            form.add_error(None, error.message)
        else:
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
    context = {"applications": selectors.applications_of(request.user), "now": timezone.now()}
    return render(request, "calls/mine.html", context)


@require_POST
@login_required
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    application = get_object_or_404(Application, call__slug=slug, applicant=request.user)
    try:
        services.application_withdraw(application=application, by=request.user)
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
