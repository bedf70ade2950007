"""Coordinators' list of a call's applications: eligibility (and overriding it), exports."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeers.calls import hosts
from citypeers.calls.eligibility import applicant_country, ineligibility_reasons, is_eligible
from citypeers.calls.models import Application, Call
from citypeers.calls.selectors import call_by_slug
from citypeers.core.audit import log_action
from citypeers.core.errors import CallError
from citypeers.core.http import export_response, paginate, permission_required, requested_export


class EligibilityForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Eligibility"),
        choices=[
            ("rules", gettext_lazy("As the rules say")),
            ("eligible", gettext_lazy("Eligible")),
            ("ineligible", gettext_lazy("Not eligible")),
        ],
    )
    reason = forms.CharField(label=gettext_lazy("Why"), max_length=300, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") != "rules" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the rules do not decide this one."))
        return cleaned


def _rows(call: Call) -> list[dict]:
    applications = (
        call.applications.exclude(status=Application.Status.DRAFT)
        .select_related("applicant", "organisation__place", "practice", "hosted_visit__programme")
        .prefetch_related("preferences__visit")
        .order_by("submitted_at", "pk")
    )
    hosting = hosts.hosting_organisations() if call.type == Call.Type.HOSTS else None
    rows = []
    for application in applications:
        reasons = ineligibility_reasons(call, application, hosting=hosting)
        rows.append(
            {
                "application": application,
                "country": applicant_country(application),
                "eligible": is_eligible(call, application, reasons),
                "reasons": reasons,
            }
        )
    return rows


@permission_required("calls.manage_call", call_by_slug)
def applications(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    rows = _rows(obj)
    if export_format := requested_export(request):
        headers = [
            _("Application"),
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("Country"),
            _("Status"),
            _("Eligible"),
            _("Visits, in order"),
            _("Sent"),
        ]
        data = [
            (
                row["application"].pk,
                str(row["application"].applicant),
                row["application"].applicant.email,
                str(row["application"].organisation or ""),
                row["country"],
                row["application"].get_status_display(),
                _("yes") if row["eligible"] else _("no"),
                "; ".join(p.visit.title for p in row["application"].preferences.all()),
                row["application"].submitted_at.isoformat()
                if row["application"].submitted_at
                else "",
            )
            + (_proposal(row["application"]) if obj.type == Call.Type.HOSTS else ())
            for row in rows
        ]
        if obj.type == Call.Type.HOSTS:
            headers += [_("Good practice"), _("Mode"), _("From"), _("Until"), _("Topic")]
        return export_response(
            headers=headers,
            rows=data,
            filename=f"{obj.slug}-applications",
            export_format=export_format,
        )
    page = paginate(request, rows, per_page=50)
    return render(
        request,
        "calls/applications.html",
        {"call": obj, "page": page, "total": len(rows), "state": obj.state()},
    )


def _proposal(application: Application) -> tuple:
    """A host application's proposal, as export cells."""
    dates = (application.proposed_from, application.proposed_until)
    return (
        str(application.practice or ""),
        application.get_proposed_mode_display(),
        *(date.isoformat() if date else "" for date in dates),
        application.proposed_topic,
    )


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def host_select(request: HttpRequest, slug: str, pk: int, obj: Call) -> HttpResponse:
    """Chooses a host: its visit is created and planned from the methodology in one step."""
    application = get_object_or_404(Application, pk=pk, call=obj)
    try:
        visit = hosts.host_select(call=obj, application=application, by=request.user)
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
    form = EligibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the rules do not decide this one."))
        return redirect("calls:applications", slug=slug)
    decision = form.cleaned_data["decision"]
    application.eligibility_override = None if decision == "rules" else decision == "eligible"
    application.eligibility_reason = "" if decision == "rules" else form.cleaned_data["reason"]
    application.save(update_fields=["eligibility_override", "eligibility_reason", "updated_at"])
    log_action(
        application,
        "application.eligibility",
        by=request.user,
        changes={"decision": decision, "reason": application.eligibility_reason},
    )
    messages.success(
        request, _("The eligibility of %(name)s is saved.") % {"name": application.applicant}
    )
    return redirect("calls:applications", slug=slug)
